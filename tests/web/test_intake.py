"""The client's questionnaire: saved step by step, approximate dates, uploads from a phone."""

from __future__ import annotations

import html
import io
import re

import pytest
from PIL import Image, ImageDraw, ImageFont

from prytulak.web.cases.models import Upload

from .people import sign_in

pytestmark = pytest.mark.django_db


def test_event_with_an_approximate_date_lands_in_the_case_file(protester) -> None:
    client = sign_in(protester.client_user)
    before = len(protester.data["claim"]["events"])
    response = client.post(
        f"/intake/{protester.pk}/events/",
        {
            "date": "~2021-05",
            "place": "Minsk",
            "summary": "Searched at home by the KGB",
            "narrative": "",
        },
    )
    assert response.status_code == 302
    protester.refresh_from_db()
    events = protester.case_file().claim.events
    assert len(events) == before + 1
    added = next(e for e in events if e.summary == "Searched at home by the KGB")
    assert added.date.approximate and added.date.precision == "month"


def test_a_date_that_cannot_be_read_is_explained_and_nothing_is_lost(protester) -> None:
    client = sign_in(protester.client_user)
    response = client.post(
        f"/intake/{protester.pk}/events/",
        {"date": "last spring", "place": "Hrodna", "summary": "Fined for a flag"},
    )
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert "last spring" in page and "Fined for a flag" in page  # still in the form
    assert "Not saved yet" in page
    assert '"last spring" is not a date we can read' in page
    assert protester.drafts.filter(text__contains="Fined for a flag").exists()


def test_a_date_written_as_at_home_is_understood(protester) -> None:
    client = sign_in(protester.client_user)
    client.post(
        f"/intake/{protester.pk}/events/",
        {"date": "12.03.2021", "place": "Minsk", "summary": "Summoned to the KGB"},
    )
    protester.refresh_from_db()
    added = next(e for e in protester.case_file().claim.events if e.summary.startswith("Summoned"))
    assert added.date.exact.isoformat() == "2021-03-12"


def test_us_entry_with_i94_becomes_the_last_arrival(protester) -> None:
    client = sign_in(protester.client_user)
    response = client.post(
        f"/intake/{protester.pk}/travel/",
        {
            "section": "us_entries",
            "us_entries-date": "2026-10-02",
            "us_entries-place": "JFK Airport, New York, NY",
            "us_entries-manner": "B1/B2",
            "us_entries-i94": "123456789A1",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/travel/")
    protester.refresh_from_db()
    last = protester.case_file().travel.last_arrival()
    assert last.place == "JFK Airport, New York, NY" and last.i94 == "123456789A1"


def test_intake_reads_in_belarusian(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "be", "next": "/"})
    page = client.get(f"/intake/{protester.pk}/events/").content.decode()
    assert "Што з вамі здарылася" in page


def _photo(text: str = "ПОВЕСТКА о вызове на допрос") -> bytes:
    image = Image.new("RGB", (900, 300), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 48)
    ImageDraw.Draw(image).text((30, 100), text, fill="black", font=font)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.mark.slow
def test_phone_photo_upload_is_read_in_the_background(protester, org) -> None:
    client = sign_in(protester.client_user)
    photo = io.BytesIO(_photo())
    photo.name = "IMG_0001.jpg"
    response = client.post(f"/cases/{protester.pk}/upload/", {"file": photo, "note": "summons"})
    assert response.status_code == 302
    upload = Upload.objects.get(case=protester)
    assert upload.state == Upload.State.DONE, upload.message  # inline worker in tests
    assert upload.language == "ru"
    staff = sign_in(org.attorney)
    text = staff.get(f"/cases/{protester.pk}/uploads/{upload.pk}/text").content.decode()
    assert "ПОВЕСТКА" in text
    download = client.get(f"/cases/{protester.pk}/uploads/{upload.pk}/file")
    assert download.status_code == 200 and b"".join(download) == photo.getvalue()


def test_an_upload_the_locker_refuses_is_explained(protester) -> None:
    client = sign_in(protester.client_user)
    empty = io.BytesIO(b"")
    empty.name = "empty.jpg"
    response = client.post(f"/cases/{protester.pk}/upload/", {"file": empty}, follow=True)
    assert (
        "not accepted" in response.content.decode() or "Choose a file" in response.content.decode()
    )
    assert not Upload.objects.filter(case=protester).exists()


@pytest.mark.slow
def test_the_same_photo_sent_twice_is_kept_once_and_the_client_is_told(protester) -> None:
    client = sign_in(protester.client_user)
    for _ in range(2):  # a photo of its own: lockers outlive a test's database
        photo = io.BytesIO(_photo("ПОВЕСТКА № 2"))
        photo.name = "IMG_0002.jpg"
        response = client.post(f"/cases/{protester.pk}/upload/", {"file": photo}, follow=True)
    page = html.unescape(response.content.decode())
    assert "This file is already in the case (IMG_0002.jpg, received" in page
    assert Upload.objects.filter(case=protester).count() == 1


def test_a_refused_upload_is_explained_in_the_clients_language(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "ru", "next": "/"})
    script = io.BytesIO(b"#!/bin/sh\nrm -rf /\n")
    script.name = "photo.jpg"
    response = client.post(f"/cases/{protester.pk}/upload/", {"file": script}, follow=True)
    page = html.unescape(response.content.decode())
    assert "это программа или скрипт, а не документ; отправьте фото или PDF" in page
    assert not Upload.objects.filter(case=protester).exists()


def test_the_overview_marks_answered_steps(protester) -> None:
    client = sign_in(protester.client_user)
    page = html.unescape(client.get(f"/intake/{protester.pk}/").content.decode())
    items = re.findall(r"<li><a href=\"[^\"]+/(\w[\w-]*)/\">[^<]+</a> <span class=\"(\w+)\"", page)
    marks = dict(items)
    assert marks["about"] == "done" and marks["events"] == "done"  # the demo has both
    assert marks["documents"] == "help"  # no upload step answers in the case file


def test_a_cyrillic_file_name_downloads_under_its_own_name(protester) -> None:
    from urllib.parse import unquote

    client = sign_in(protester.client_user)
    sent = io.BytesIO("Повестка в КГБ на 12.05.2021".encode())
    sent.name = "Повестка КГБ.txt"
    assert client.post(f"/cases/{protester.pk}/upload/", {"file": sent}).status_code == 302
    upload = Upload.objects.get(case=protester)
    download = client.get(f"/cases/{protester.pk}/uploads/{upload.pk}/file")
    header = download["Content-Disposition"]
    assert header.startswith("attachment") and "=?utf-8?" not in header  # not MIME-encoded
    assert unquote(header.split("filename*=utf-8''")[1]) == "Повестка КГБ.txt"
