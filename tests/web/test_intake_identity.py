"""I-589 Part A.I in the intake: numbers, languages, contact, passports; access control."""

from __future__ import annotations

import html

import pytest

from prytulak.web.intake.steps import step_named

from .people import sign_in

pytestmark = pytest.mark.django_db


def _post(client, case, step: str, section: str, answers: dict[str, str], **extra: str):  # type: ignore[no-untyped-def]
    data = {f"{section}-{k}": v for k, v in answers.items()}
    return client.post(f"/intake/{case.pk}/{step}/", {"section": section, **data, **extra})


IDENTITY = {
    "a_number": "A201-234-567",
    "ssn": "123-45-6789",
    "uscis_account": "0123 4567 8901",
    "sex": "female",
    "marital_status": "divorced",
    "nationality": "Belarus",
    "nationality_at_birth": "USSR",
    "ethnicity": "Belarusian",
    "religion": "Greek Catholic",
    "native_language": "Belarusian",
    "other_languages": "Russian\nPolish",
    "fluent_in_english": "no",
    "phone": "(312) 555-0147",
    "email": "client@example.org",
}


def test_identity_answers_are_written_to_part_a_fields(protester) -> None:
    client = sign_in(protester.client_user)
    assert _post(client, protester, "identity", "identity", IDENTITY).status_code == 302
    protester.refresh_from_db()
    applicant = protester.case_file().applicant
    assert applicant.a_number == "201234567" and applicant.ssn == "123-45-6789"
    assert applicant.uscis_account == "012345678901"
    assert applicant.sex == "female" and applicant.marital_status == "divorced"
    assert applicant.nationality_at_birth == "USSR" and applicant.religion == "Greek Catholic"
    assert applicant.languages.native == "Belarusian"
    assert applicant.languages.other == ["Russian", "Polish"]
    assert applicant.languages.fluent_in_english is False
    assert applicant.phone == "(312) 555-0147" and applicant.email == "client@example.org"
    assert applicant.name.family  # the name the About step wrote is kept
    assert applicant.parent_or_legal_guardian_in_us is None  # not asked of an adult: unanswered


def test_a_minor_says_no_parent_or_guardian_is_here(protester) -> None:
    client = sign_in(protester.client_user)
    answers = {**IDENTITY, "parent_or_legal_guardian_in_us": "no"}
    assert _post(client, protester, "identity", "identity", answers).status_code == 302
    protester.refresh_from_db()
    assert protester.case_file().applicant.parent_or_legal_guardian_in_us is False


def test_an_invalid_a_number_is_explained_in_belarusian_and_the_answers_stay(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "be", "next": "/"})
    before = protester.data["applicant"].get("a_number")
    answers = {**IDENTITY, "a_number": "A12-34"}
    response = _post(client, protester, "identity", "identity", answers)
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert "A-нумар мае ад 7 да 9 лічбаў" in page
    assert 'value="A12-34"' in page and 'value="Greek Catholic"' in page
    protester.refresh_from_db()
    assert protester.data["applicant"].get("a_number") == before


def test_expired_passport_is_saved_and_a_bad_date_is_explained_in_belarusian(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "be", "next": "/"})
    page = client.get(f"/intake/{protester.pk}/identity/").content.decode()
    assert "верасні 2023" in html.unescape(page)  # expired passports are fine to enter
    passport = {
        "number": "MP1234567",
        "kind": "passport",
        "issuing_country": "Belarus",
        "issued": "03.2013",
        "expires": "tomorrow",
    }
    response = _post(client, protester, "identity", "passports", passport)
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert "не дата, якую мы можам прачытаць" in page and 'value="MP1234567"' in page
    passport["expires"] = "2023-03-11"
    assert _post(client, protester, "identity", "passports", passport).status_code == 302
    protester.refresh_from_db()
    saved = protester.case_file().applicant.passports[-1]
    assert saved.number == "MP1234567" and str(saved.issued) == "2013-03"
    assert str(saved.expires) == "2023-03-11"
    section = step_named("identity").section("passports")  # type: ignore[union-attr]
    assert len(section.keys(protester.data)) == len(protester.case_file().applicant.passports)


def test_a_client_cannot_edit_someone_elses_case(protester, org) -> None:  # type: ignore[no-untyped-def]
    from prytulak.web.accounts.models import Role

    from .people import make_user

    stranger = sign_in(make_user(org.organization, "chi-client2", Role.CLIENT))
    before = dict(protester.data["applicant"])
    response = _post(stranger, protester, "identity", "identity", IDENTITY)
    assert response.status_code == 403
    assert stranger.get(f"/intake/{protester.pk}/identity/").status_code == 403
    protester.refresh_from_db()
    assert protester.data["applicant"] == before
