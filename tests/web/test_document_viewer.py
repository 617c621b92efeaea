"""The document viewer: extracted text and its translation side by side, with reading status."""

from __future__ import annotations

import io

import pytest
from docx import Document

from prytulak.evidence import add_human_translation, machine_draft
from prytulak.web.audit.models import Action, AuditEntry
from prytulak.web.cases import lockers
from prytulak.web.cases.models import Upload

from .people import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_lockers(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Lockers live in the data directory and outlive a test's database: one per test."""
    settings.DATA_DIR = tmp_path
    lockers._OPEN.clear()  # opened lockers are kept per case number
    yield
    lockers._OPEN.clear()


SUMMONS = "Повестка. Казлоў Я. вызывается на допрос в Следственный комитет 22 марта 2022 года."
ENGLISH = "Summons. Kazlou Ya. is called for questioning at the Investigative Committee."


def _upload_docx(client, case) -> Upload:  # type: ignore[no-untyped-def]
    document = Document()
    document.add_paragraph(SUMMONS)
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    out.name = "povestka.docx"
    response = client.post(f"/cases/{case.pk}/upload/", {"file": out, "note": "summons"})
    assert response.status_code == 302
    return Upload.objects.get(case=case)


def test_viewer_shows_text_and_certified_translation_side_by_side(protester, org) -> None:
    attorney = sign_in(org.attorney)
    upload = _upload_docx(attorney, protester)
    assert upload.state == Upload.State.DONE, upload.message
    add_human_translation(
        lockers._locker(protester.pk),
        upload.item_id,
        ENGLISH,
        "translator",
        translator="Alesia Translator",
        address="1 Main St, Chicago, IL",
    )
    page = attorney.get(f"/cases/{protester.pk}/uploads/{upload.pk}/text").content.decode()
    text_at, translation_at = page.index("Повестка. Казлоў"), page.index(ENGLISH)
    assert page.index("Extracted text") < text_at < page.index('id="h-translation"')
    assert translation_at > page.index('id="h-translation"')
    assert "certified" in page and "Alesia Translator" in page
    assert "document text" in page  # how the text was read (DOCX text, no OCR needed)
    assert ">ru<" in page or "ru (" in page
    assert AuditEntry.objects.filter(
        case_pk=protester.pk, action=Action.VIEW, target=f"document {upload.item_id}"
    ).exists()


def test_viewer_says_a_translation_is_needed_and_marks_machine_drafts(protester, org) -> None:
    staff = sign_in(org.staff)
    upload = _upload_docx(staff, protester)
    url = f"/cases/{protester.pk}/uploads/{upload.pk}/text"
    assert "needed, none yet" in staff.get(url).content.decode()

    class Echo:  # a real engine is a model or a service this machine does not have
        name = "echo"
        remote = False

        def translate(self, segments: list[str], source: str, target: str) -> list[str]:
            return [f"[{source}→{target}] {s}" for s in segments]

    machine_draft(lockers._locker(protester.pk), upload.item_id, Echo(), "staff")
    page = staff.get(url).content.decode()
    assert "machine draft, not certified" in page
    assert "DRAFT MACHINE TRANSLATION" in page  # the locker's own banner, kept in the viewer
    assert "[ru→en] Повестка" in page


def test_viewer_of_a_document_the_locker_lacks_says_so(protester, org) -> None:
    upload = Upload.objects.create(
        case=protester,
        filename="gone.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        item_id="F404",
        state="done",
    )
    page = sign_in(org.translator).get(f"/cases/{protester.pk}/uploads/{upload.pk}/text")
    assert page.status_code == 200
    assert "No text yet" in page.content.decode()
    assert "No translation yet" in page.content.decode()


def test_a_translator_adds_and_certifies_a_translation_in_the_browser(protester, org) -> None:
    staff = sign_in(org.staff)
    upload = _upload_docx(staff, protester)
    translator = sign_in(org.translator)
    url = f"/cases/{protester.pk}/uploads/{upload.pk}/text"
    missing = translator.post(url, {"text": ENGLISH, "translator": "Alesia Translator"})
    assert missing.status_code == 422  # no address, no certification: not saved
    answers = {
        "text": ENGLISH,
        "translator": "Alesia Translator",
        "address": "1 Main St, Chicago, IL",
        "competent": "on",
    }
    page = translator.post(url, answers, follow=True).content.decode()
    assert "The certified translation is saved." in page
    item = lockers._locker(protester.pk).item(upload.item_id)
    assert len(item.translations) == 1 and item.translations[0].certificate is not None
    assert "Alesia Translator" in page and ENGLISH in page
    assert AuditEntry.objects.filter(
        case_pk=protester.pk, action=Action.CHANGE, target=f"translate {upload.item_id}"
    ).exists()
    client = sign_in(protester.client_user)
    assert client.post(url, answers).status_code == 403
