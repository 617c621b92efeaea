"""Browser tests: Playwright driving Debian's Chromium against a real ``prytulak serve``."""

from __future__ import annotations

import sqlite3
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import totp
from PIL import Image, ImageDraw, ImageFont
from playwright.sync_api import expect

from .seed import PASSWORD
from .served import Served, served

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("browser"),  # one served instance with --dist loadgroup
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's Chromium: apt-get install chromium"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with served(tmp_path_factory.mktemp("served")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


_USED_STEP: dict[str, int] = {}


def _code(server: Served, name: str) -> str:
    """A fresh TOTP code: a code is accepted once, so a second login in the same 30 s uses the
    next time step (within the device's tolerance of one step) or waits for it."""
    key = bytes.fromhex(server.seed["keys"][name])  # type: ignore[index]
    now = int(time.time()) // 30
    step = max(now, _USED_STEP.get(name, -1) + 1)
    if step > now + 1:
        time.sleep(30 - time.time() % 30 + 0.5)
        return _code(server, name)
    _USED_STEP[name] = step
    return str(totp(key, drift=step - now)).zfill(6)


def _log_in(page: Any, server: Served, name: str) -> None:
    page.goto(server.url + "accounts/login/")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    if name in server.seed["keys"]:  # type: ignore[operator]
        page.get_by_label("Six-digit code from your authenticator app").fill(_code(server, name))
        page.get_by_role("button", name="Confirm").click()


def test_attorney_logs_in_with_two_factor_and_sees_the_one_year_deadline(server, browser) -> None:
    page = browser.new_page()
    _log_in(page, server, "anna")
    expect(page.get_by_role("heading", name="Your cases")).to_be_visible()
    row = page.locator("table.cases tbody tr").first
    assert "2027-03-02" in row.inner_text()
    assert "Last day to file the I-589" in row.inner_text()
    page.get_by_role("link", name="demo-kazlou").click()
    expect(page.get_by_role("heading", name="Deadlines")).to_be_visible()
    page.close()


def test_attorney_builds_the_package_and_downloads_it(server, browser) -> None:
    page = browser.new_page()
    page.set_default_timeout(90_000)  # the build shares two cores with the rest of the suite
    _log_in(page, server, "anna")
    page.get_by_role("heading", name="Your cases").wait_for()  # logged in before moving on
    page.goto(f"{server.url}cases/{server.seed['case']}/")
    page.get_by_role("link", name="Filing package").click()
    page.get_by_role("button", name="Build the filing package").click()
    link = page.get_by_role("link", name="Download the package (zip)")
    link.wait_for(timeout=120_000)  # the worker builds in the background; HTMX polls
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename.startswith("demo-kazlou-package-")
    with zipfile.ZipFile(download.path()) as archive:
        assert any(n.endswith("/02-i589.pdf") for n in archive.namelist())
    page.close()


def test_attorney_of_another_organization_gets_403_and_it_is_logged(server, browser) -> None:
    page = browser.new_page()
    _log_in(page, server, "boris")
    response = page.goto(f"{server.url}cases/{server.seed['case']}/")
    assert response is not None and response.status == 403
    with sqlite3.connect(server.data_dir / "prytulak.sqlite3") as db:
        rows = db.execute(
            "SELECT username FROM audit_auditentry WHERE action = 'denied' AND case_pk = ?",
            (server.seed["case"],),
        ).fetchall()
    assert ("boris",) in rows
    page.close()


def _photo(path: Path) -> Path:
    image = Image.new("RGB", (900, 300), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 48)
    ImageDraw.Draw(image).text((30, 100), "ПАВЕСТКА аб выкліку", fill="black", font=font)
    image.save(path, "JPEG")
    return path


def test_client_fills_the_intake_in_belarusian_and_uploads_a_photo(
    server, browser, tmp_path
) -> None:
    page = browser.new_page()
    _log_in(page, server, "yauhen")
    page.get_by_role("button", name="Беларуская").click()
    page.get_by_role("link", name="Што з вамі здарылася").click()
    page.get_by_label("Калі гэта здарылася?").fill("~2021-05")
    page.get_by_label("Дзе гэта здарылася?").fill("Гродна")
    page.get_by_label("Што здарылася, у адным радку?").fill("Ператрус дома")
    page.get_by_role("button", name="Захаваць").click()
    expect(page.get_by_text("Ператрус дома")).to_be_visible()
    page.get_by_role("link", name="Далей: Арганізацыі і ваша сям'я →").click()
    page.goto(f"{server.url}intake/{server.seed['case']}/documents/")
    page.get_by_label("Дакумент або фота").set_input_files(str(_photo(tmp_path / "p.jpg")))
    page.get_by_role("button", name="Загрузіць").click()
    page.wait_for_selector("text=гатова", timeout=60_000)  # HTMX polls until processed
    page.close()


def test_client_ticks_who_they_fear_and_why_in_russian(server, browser) -> None:
    page = browser.new_page()
    _log_in(page, server, "yauhen")
    page.get_by_role("button", name="Русский").click()
    page.goto(f"{server.url}intake/{server.seed['case']}/fear/")
    page.get_by_label("Чего вы боитесь, если вернётесь?").fill("Тюрьма за посты")
    page.get_by_label("КГБ", exact=True).check()
    page.get_by_label("Суды", exact=True).check()
    page.get_by_label("Почему, по-вашему, с вами так поступят?").fill("Я пишу о политзаключённых")
    page.get_by_label("Мои политические взгляды", exact=False).check()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Тюрьма за посты")).to_be_visible()
    page.close()
