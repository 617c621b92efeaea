"""Screenshots for the README quick start, taken from a real ``prytulak serve``.

Drives Debian's Chromium (``/usr/bin/chromium``, headless) with Playwright through the login
page, the dashboard with the protester demo case and its one-year deadline, the case page,
the filing package, the report library (an English query finding a Russian report), and
the client's intake in Belarusian (events) and Russian (fear of
return) on a phone-sized screen. Writes PNGs
beside this script. Not part of the test suite; run it after changing the pages:

    uv run python docs/web/make_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from django_otp.oath import totp  # noqa: E402
from tests.web.seed import PASSWORD  # noqa: E402
from tests.web.served import Served, served  # noqa: E402

OUT = Path(__file__).resolve().parent
REPORT = ROOT / "tests" / "search" / "data" / "report_ru.txt"
CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 412, "height": 860}


def _log_in(page: Any, server: Served, name: str) -> None:
    page.goto(server.url + "accounts/login/")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    keys: dict[str, str] = server.seed["keys"]  # type: ignore[assignment]
    if name in keys:
        code = str(totp(bytes.fromhex(keys[name]))).zfill(6)
        page.get_by_label("Six-digit code from your authenticator app").fill(code)
        page.get_by_role("button", name="Confirm").click()


def _shoot(page: Any, name: str, full_page: bool = False) -> Path:
    path = OUT / name
    page.screenshot(path=str(path), full_page=full_page)
    print(f"wrote {path.relative_to(ROOT)}")
    return path


def _attorney(browser: Any, server: Served) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server.url + "accounts/login/")
    _shoot(page, "01-login.png")
    _log_in(page, server, "anna")
    page.wait_for_selector("table.cases")
    _shoot(page, "02-dashboard.png")
    page.get_by_role("link", name="demo-kazlou").click()
    page.wait_for_selector("#h-deadlines")
    _shoot(page, "03-case.png")
    page.get_by_role("link", name="Filing package").click()
    page.get_by_role("button", name="Build the filing package").click()
    page.wait_for_selector("text=Download the package (zip)", timeout=120_000)
    _shoot(page, "05-package.png")
    page.get_by_role("link", name="Library").click()
    page.get_by_label("Report (PDF, HTML or text)").set_input_files(str(REPORT))
    page.get_by_label("Publisher, e.g. Human Rights Center Viasna").fill("Viasna (sample)")
    page.get_by_label("Publication date: YYYY-MM-DD, YYYY-MM or YYYY").fill("2025-03")
    page.get_by_role("button", name="Add to the library").click()
    page.get_by_label("Search the reports").fill("detained at the border for reposts")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("ol.hits")
    _shoot(page, "07-library.png", full_page=True)
    page.close()


def _client(browser: Any, server: Served) -> None:
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    _log_in(page, server, "yauhen")
    page.get_by_role("button", name="Беларуская").click()
    page.get_by_role("link", name="Што з вамі здарылася").click()
    page.get_by_label("Калі гэта здарылася?").fill("~2021-05")
    page.get_by_label("Дзе гэта здарылася?").fill("Гродна")
    page.get_by_label("Што здарылася, у адным радку?").fill("Ператрус дома")
    page.locator("body").focus()
    _shoot(page, "04-intake-be.png", full_page=True)
    page.close()
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    _log_in(page, server, "yauhen")
    page.get_by_role("button", name="Русский").click()
    page.goto(f"{server.url}intake/{server.seed['case']}/fear/")
    page.get_by_label("Чего вы боитесь, если вернётесь?").fill("Тюрьма за посты")
    page.get_by_label("КГБ", exact=True).check()
    page.get_by_label("Мои политические взгляды", exact=False).check()
    page.locator("body").focus()
    _shoot(page, "06-intake-fear-ru.png", full_page=True)
    page.close()


def main() -> None:
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="prytulak-screens-") as folder,
        served(Path(folder)) as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            _attorney(browser, server)
            _client(browser, server)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
