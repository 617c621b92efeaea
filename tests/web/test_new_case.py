"""Starting a case in the browser: passport names, birth, last arrival; nothing else answered."""

from __future__ import annotations

import html
import re

import pytest

from prytulak.web.audit.models import Action, AuditEntry
from prytulak.web.cases.models import Case, Membership

from .people import sign_in

pytestmark = pytest.mark.django_db
ANSWERS = {
    "family": "Sadouskaya",
    "given": "Teresa",
    "birth": "12.05.1984",
    "arrival": "2026-03-14",
    "port": "O'Hare International Airport, Chicago, IL",
    "manner": "B2",
}


def test_an_attorney_starts_a_case_and_lands_on_its_page(org) -> None:
    client = sign_in(org.attorney)
    assert "Start a new case" in client.get("/").content.decode()
    response = client.post("/cases/new/", ANSWERS, follow=True)
    page = html.unescape(response.content.decode())
    case = Case.objects.get(case_id="sadouskaya")
    assert "Case sadouskaya started." in page and "2027-03-14" in page  # the one-year deadline
    data = case.case_file().model_dump(mode="json")
    assert data["applicant"]["name"]["family"] == "SADOUSKAYA"
    assert data["applicant"]["birth"]["date"] == "1984-05-12"
    assert data["travel"]["us_entries"][0]["manner"] == "B2"
    assert case.case_file().claim.bars.unanswered()  # no answers invented
    assert Membership.objects.filter(case=case, user=org.attorney).exists()
    assert AuditEntry.objects.filter(case_pk=case.pk, action=Action.CREATE).exists()
    again = client.post("/cases/new/", ANSWERS, follow=True)
    assert "Case sadouskaya-2 started." in html.unescape(again.content.decode())


def test_cyrillic_names_and_unreadable_dates_are_explained(org) -> None:
    client = sign_in(org.staff)
    bad = ANSWERS | {"family": "Садоўская", "birth": "last spring", "manner": ""}
    response = client.post("/cases/new/", bad)
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert "Write the name in Latin letters exactly as in the passport" in page
    assert '"last spring" is not a date we can read' in page
    assert "Say how the applicant entered" in page
    assert not Case.objects.exists()


def test_translators_and_clients_cannot_start_cases(protester, org) -> None:
    for user in (org.translator, protester.client_user):
        client = sign_in(user)
        assert client.get("/cases/new/").status_code == 403
        assert client.post("/cases/new/", ANSWERS).status_code == 403
    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("answers", "field", "problem"),
    [
        ({"birth": "2030-01-01"}, "birth", "2030-01-01 is in the future"),
        (
            {"birth": "1990-01-01", "arrival": "1985-03"},
            "arrival",
            "1985-03 is before the applicant's date of birth (1990-01-01)",
        ),
    ],
)
def test_a_case_file_that_would_not_validate_is_not_started(org, answers, field, problem) -> None:
    client = sign_in(org.attorney)
    response = client.post("/cases/new/", ANSWERS | answers)
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert problem in page
    assert f'id="id_{field}_error"' in page  # shown next to the answer it is about
    assert 'value="Sadouskaya"' in page and f'value="{answers[field]}"' in page  # kept
    assert not Case.objects.exists()


def test_status_at_entry_is_offered_in_words(org) -> None:
    client = sign_in(org.attorney)
    client.post("/accounts/language/", {"language": "ru", "next": "/"})
    page = html.unescape(client.get("/cases/new/").content.decode())
    assert 'value="humanitarian_parole"' in page
    assert ">humanitarian_parole<" not in page and ">EWI<" not in page
    assert "Гуманитарный пароль" in page


def test_a_new_case_has_no_intake_step_marked_answered_but_about_you(org) -> None:
    client = sign_in(org.attorney)
    client.post("/cases/new/", ANSWERS)
    case = Case.objects.get(case_id="sadouskaya")
    page = html.unescape(client.get(f"/intake/{case.pk}/").content.decode())
    answered = re.findall(r'<a href="[^"]+/(\w+)/">[^<]+</a> <span class="done">', page)
    assert answered == ["about", "travel"]  # typed when starting; citizenship is only a default
