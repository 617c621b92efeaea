"""The country-report library in the browser: staff search, attorneys and staff add reports."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from prytulak.web.audit.models import Action, AuditEntry

from .people import sign_in

pytestmark = pytest.mark.django_db
REPORT = Path(__file__).parents[1] / "search" / "data" / "report_ru.txt"


@pytest.fixture(autouse=True)
def own_library(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path
    return tmp_path / "library" / "library.sqlite3"


def _add(client, name: str = "report_ru.txt", content: bytes | None = None, **fields: str):  # type: ignore[no-untyped-def]
    sent = SimpleUploadedFile(name, REPORT.read_bytes() if content is None else content)
    form = {"publisher": "Viasna (test)", "date": "2025-03", "title": "", "url": ""} | fields
    return client.post("/library/add/", {"file": sent, **form}, follow=True)


def _page(response) -> str:  # type: ignore[no-untyped-def]
    return " ".join(html.unescape(response.content.decode()).split())


def test_staff_adds_a_russian_report_and_finds_it_with_an_english_query(org, own_library) -> None:
    client = sign_in(org.staff)
    page = _page(_add(client))
    assert "3 passages, searchable now" in page
    assert own_library.is_file()
    found = _page(client.get("/library/", {"q": "detained at the border for reposts"}))
    assert "Viasna (test), “Обзор нарушений прав человека в Беларуси (тестовый отчёт)”" in found
    assert "(2025-03), p. 2" in found
    # the background job ran inline in tests: every passage has its e5 vector
    assert "[ru, semantic" in found or "[ru, fts+semantic" in found


def test_the_same_file_twice_is_said_and_stored_once(org) -> None:
    client = sign_in(org.attorney)
    _add(client)
    page = _page(_add(client))
    assert "is already in the library" in page
    assert page.count("Viasna (test)") == 1


def test_bad_files_and_dates_are_named_with_the_fix(org) -> None:
    client = sign_in(org.staff)
    page = _page(_add(client, name="report.docx", content=b"PK\x03\x04"))
    assert "report.docx: this kind of file cannot be read; use one of" in page
    page = _page(_add(client, date="spring 2025"))
    assert "spring 2025 is not a date we can read; write 2025-02-19, 2025-02 or 2025." in page
    page = _page(_add(client, name="scan.pdf", content=b"%PDF-1.4 broken"))
    assert "scan.pdf" in page and "The library is empty." in page


def test_a_translator_searches_but_cannot_add(org) -> None:
    client = sign_in(org.translator)
    page = _page(client.get("/library/"))
    assert "Country-report library" in page and "Add a report" not in page
    assert _add(client).status_code == 403


def test_a_client_is_refused_and_it_is_logged(protester) -> None:
    client = sign_in(protester.client_user)
    assert client.get("/library/").status_code == 403
    assert "Library" not in client.get(f"/intake/{protester.pk}/").content.decode()
    refused = AuditEntry.objects.filter(action=Action.DENIED, target="library")
    assert refused.filter(username=protester.client_user.username).exists()


def test_the_library_page_reads_in_belarusian(org) -> None:
    client = sign_in(org.staff)
    client.post("/accounts/language/", {"language": "be", "next": "/"})
    page = _page(client.get("/library/"))
    assert "Бібліятэка дакладаў пра краіну" in page


@pytest.mark.slow
def test_the_package_memo_cites_a_report_added_to_the_library(protester, org) -> None:
    import io

    import pypdf

    from prytulak.web.cases.models import PackageBuild

    client = sign_in(org.staff)
    _add(client, publisher="Viasna (memo test)")
    attorney = sign_in(org.attorney)
    attorney.post(f"/cases/{protester.pk}/package/build/", follow=True)
    build = PackageBuild.objects.get(case=protester)
    assert build.state == PackageBuild.State.DONE, build.message
    memo_path = "attorney/country-conditions-memo.pdf"
    assert memo_path in {f["path"] for f in build.files}
    memo = attorney.get(f"/cases/{protester.pk}/package/{build.pk}/files/{memo_path}")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(memo.content)).pages)
    assert "Viasna (memo test)" in " ".join(text.split())


def test_a_refusal_page_explains_itself_in_the_users_language(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "ru", "next": "/"})
    response = client.get("/library/")
    page = _page(response)
    assert response.status_code == 403
    assert "Библиотека докладов — для офиса вашего адвоката." in page
    assert 'lang="ru"' in response.content.decode()


def test_a_future_date_is_refused_and_an_attorney_can_remove_a_wrong_report(org) -> None:
    client = sign_in(org.attorney)
    page = _page(_add(client, date="2030-01"))
    assert "2030-01 is in the future; give the date the report was published." in page
    _add(client, date="2024-01")  # wrong, but not in the future
    from prytulak.web.library.store import open_library

    report = open_library().reports()[0]
    asked = _page(client.post(f"/library/{report.id}/remove/"))
    assert "from the library?" in asked and len(open_library().reports()) == 1
    confirmed = {"confirmed": "1"}
    page = _page(client.post(f"/library/{report.id}/remove/", confirmed, follow=True))
    assert "removed." in page and "The library is empty." in page
    assert "3 passages, searchable now" in _page(_add(client, date="2025-03"))
    staff = sign_in(org.staff)
    assert staff.post(f"/library/{open_library().reports()[0].id}/remove/").status_code == 403


def test_a_refused_report_keeps_what_was_typed_and_says_to_choose_the_file_again(
    org, own_library
) -> None:
    client = sign_in(org.staff)
    response = _add(client, date="2030-01", publisher="Viasna (test)", url="spring96.org/report")
    page = _page(response)
    assert response.status_code == 422
    assert "2030-01 is in the future" in page
    assert 'value="Viasna (test)"' in page and 'value="spring96.org/report"' in page
    assert "choose the file again" in page
    assert 'type="url"' not in page and 'inputmode="url"' in page


def test_dates_as_written_at_home_and_addresses_without_https_are_accepted(
    org, own_library
) -> None:
    client = sign_in(org.staff)
    page = _page(_add(client, date="19.02.2025", url="spring96.org/report"))
    assert "3 passages, searchable now" in page
    from prytulak.web.library.store import open_library

    report = open_library().reports()[0]
    assert str(report.date) == "2025-02-19"


def test_a_locked_pdf_is_named_without_the_servers_temporary_folder(org) -> None:
    import io

    import pikepdf

    client = sign_in(org.staff)
    buffer = io.BytesIO()
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(buffer, encryption=pikepdf.Encryption(owner="o", user="u"))
    page = _page(_add(client, name="locked.pdf", content=buffer.getvalue()))
    assert "locked.pdf: the PDF is password-protected" in page
    assert "prytulak-report-" not in page and "/tmp" not in page
