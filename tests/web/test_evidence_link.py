"""An uploaded document that someone described becomes evidence and an exhibit of the package."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from prytulak.web.cases import lockers, packages
from prytulak.web.cases.models import PackageBuild, Upload

from .people import sign_in

pytestmark = pytest.mark.django_db

TITLE = "Letter of the Viasna human rights center about the detention"


def _letter_pdf() -> io.BytesIO:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Viasna Human Rights Center confirms the detention of 10 August 2020.")
    page.save()
    out.seek(0)
    out.name = "viasna-letter.pdf"
    return out


def _upload(client, case, **answers: str) -> Upload:  # type: ignore[no-untyped-def]
    response = client.post(f"/cases/{case.pk}/upload/", {"file": _letter_pdf(), **answers})
    assert response.status_code == 302
    return Upload.objects.filter(case=case).latest("pk")


def test_a_described_upload_becomes_evidence_linked_to_its_event_and_locker_item(protester) -> None:
    client = sign_in(protester.client_user)
    event = protester.data["claim"]["events"][1]["id"]
    upload = _upload(
        client, protester, note=TITLE, kind="letter", event=event, document_date="2020-09"
    )
    protester.refresh_from_db()
    case = protester.case_file()
    ref = case.evidence_item(upload.evidence_id)
    assert ref is not None and ref.title == TITLE and ref.kind == "letter"
    assert ref.blob == upload.sha256 and str(ref.document_date).startswith("2020-09")
    assert ref.id in next(e for e in case.claim.events if e.id == event).evidence
    item = lockers._locker(protester.pk).item(upload.item_id)
    assert item.provenance.evidence_ref == ref.id and item.provenance.events == [event]


def test_staff_describe_an_upload_later_and_can_change_it(protester, org) -> None:
    staff = sign_in(org.staff)
    upload = _upload(staff, protester)
    assert upload.evidence_id == ""  # nothing said yet: not evidence yet
    page = staff.get(f"/cases/{protester.pk}/uploads/{upload.pk}/describe")
    assert page.status_code == 200 and "What is this document?" in page.content.decode()
    staff.post(f"/cases/{protester.pk}/uploads/{upload.pk}/describe", {"note": "Viasna letter"})
    staff.post(
        f"/cases/{protester.pk}/uploads/{upload.pk}/describe", {"note": TITLE, "kind": "letter"}
    )
    upload.refresh_from_db()
    protester.refresh_from_db()
    titles = [e.title for e in protester.case_file().evidence]
    assert TITLE in titles and "Viasna letter" not in titles  # changed, not added twice


def test_a_client_cannot_describe_someone_elses_upload(protester, org) -> None:
    upload = _upload(sign_in(org.staff), protester)
    client = sign_in(protester.client_user)
    response = client.post(f"/cases/{protester.pk}/uploads/{upload.pk}/describe", {"note": "x"})
    assert response.status_code == 403


@pytest.mark.slow
def test_a_described_upload_is_in_the_built_packages_exhibit_index(protester, org) -> None:
    attorney = sign_in(org.attorney)
    upload = _upload(attorney, protester, note=TITLE, kind="letter")
    attorney.post(f"/cases/{protester.pk}/package/build/")
    build = PackageBuild.objects.filter(case=protester).latest("pk")
    assert build.state == PackageBuild.State.DONE, build.message
    manifest = json.loads(packages.package_file(build, "manifest.json") or b"{}")
    exhibit = next(e for e in manifest["exhibits"] if e.get("evidence_id") == upload.evidence_id)
    assert upload.item_id in json.dumps(exhibit)
    volume = next(
        f["path"] for f in build.files if f["path"].endswith(".pdf") and "exhibit" in f["path"]
    )
    reader = PdfReader(io.BytesIO(packages.package_file(build, volume) or b""))
    front = " ".join(reader.pages[i].extract_text() for i in range(min(3, len(reader.pages))))
    assert "Viasna human rights center" in " ".join(front.split())


def test_a_description_that_cannot_be_read_is_explained_and_the_file_kept(protester) -> None:
    client = sign_in(protester.client_user)
    response = client.post(
        f"/cases/{protester.pk}/upload/",
        {"file": _letter_pdf(), "note": "Viasna letter", "document_date": "last autumn"},
        follow=True,
    )
    page = response.content.decode()
    assert "The document is kept; say again what it is" in page and "last autumn" in page
    upload = Upload.objects.get(case=protester)
    assert upload.evidence_id == "" and upload.item_id  # kept, not yet evidence


def test_an_upload_taken_out_of_the_evidence_leaves_no_reference_and_keeps_the_file(
    protester, org, settings, tmp_path
) -> None:
    settings.DATA_DIR = tmp_path  # a locker of its own (lockers outlive a test's database)
    lockers._OPEN.clear()
    client = sign_in(protester.client_user)
    event = protester.data["claim"]["events"][1]["id"]
    upload = _upload(client, protester, note="тест", event=event)
    ref = upload.evidence_id
    assert ref
    attorney = sign_in(org.attorney)
    assert "not evidence" in attorney.get(f"/cases/{protester.pk}/").content.decode()
    polled = attorney.get(f"/cases/{protester.pk}/uploads/{upload.pk}/").content.decode()
    assert "not evidence" in polled  # the live list keeps the button after polling
    assert client.post(f"/cases/{protester.pk}/uploads/{upload.pk}/withdraw").status_code == 403
    url = f"/cases/{protester.pk}/uploads/{upload.pk}/withdraw"
    asked = attorney.post(url).content.decode()
    assert "out of the evidence?" in asked and ref in asked
    protester.refresh_from_db()
    assert protester.case_file().evidence_item(ref) is not None  # not before the yes
    page = attorney.post(url, {"confirmed": "1"}, follow=True)
    assert f"is no longer evidence {ref}" in page.content.decode()
    protester.refresh_from_db()
    case = protester.case_file()
    assert case.evidence_item(ref) is None
    assert all(ref not in e.evidence for e in case.claim.events)
    item = lockers._locker(protester.pk).item(upload.item_id)
    assert item.provenance.evidence_ref == "" and item.provenance.events == []
    assert lockers._locker(protester.pk).blobs.has(upload.sha256)  # nothing destroyed
    lockers._OPEN.clear()


def _russian_pdf() -> io.BytesIO:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("DejaVu", 12)
    lines = [
        "ПОВЕСТКА. Вам надлежит явиться в Главное управление по борьбе",
        "с организованной преступностью и коррупцией МВД Республики Беларусь",
        "для дачи объяснений по уголовному делу о содействии экстремистской",
        "деятельности. В случае неявки вы будете подвергнуты приводу.",
    ]
    for row, line in enumerate(lines):
        page.drawString(72, 720 - 16 * row, line)
    page.save()
    out.seek(0)
    out.name = "povestka.pdf"
    return out


def test_package_warnings_on_the_web_name_the_page_that_fixes_them_not_a_command(
    protester, org, settings, tmp_path
) -> None:
    settings.DATA_DIR = tmp_path
    lockers._OPEN.clear()
    attorney = sign_in(org.attorney)
    response = attorney.post(
        f"/cases/{protester.pk}/upload/",
        {"file": _russian_pdf(), "note": "Summons to GUBOPiK", "kind": "summons"},
    )
    assert response.status_code == 302
    upload = Upload.objects.filter(case=protester).latest("pk")
    assert upload.language == "ru" and upload.evidence_id
    attorney.post(f"/cases/{protester.pk}/package/build/")
    build = PackageBuild.objects.filter(case=protester).latest("pk")
    assert build.state == PackageBuild.State.DONE, build.message
    gap = next(w for w in build.warnings if upload.item_id in w and "TRANSLATION" in w)
    assert '"povestka.pdf"' in gap and "Uploaded documents" in gap
    assert all("prytulak evidence" not in w for w in build.warnings)
    lockers._OPEN.clear()
