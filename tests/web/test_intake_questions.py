"""The I-589 questions in the intake: family, addresses, work, travel, background."""

from __future__ import annotations

import html
import re

import pytest

from prytulak.case import Problem
from prytulak.web.intake.steps import step_named

from .people import sign_in

pytestmark = pytest.mark.django_db


def _post(client, case, step: str, section: str, answers: dict[str, str], **extra: str):  # type: ignore[no-untyped-def]
    data = {f"{section}-{k}": v for k, v in answers.items()}
    return client.post(f"/intake/{case.pk}/{step}/", {"section": section, **data, **extra})


CHILD = {
    "family": "Kazlova",
    "given": "Alesia",
    "birth_date": "~2015-04",
    "birth_city": "Minsk",
    "location": "in_belarus",
    "location_detail": "Minsk, with her grandmother",
    "marital_status": "single",
}


def test_child_with_an_approximate_birth_date_is_added_changed_and_removed(protester) -> None:
    client = sign_in(protester.client_user)
    before = len(protester.data.get("family", {}).get("children", []))
    response = _post(client, protester, "family", "children", CHILD)
    assert response.status_code == 302
    protester.refresh_from_db()
    child = protester.case_file().family.children[-1]
    assert child.name.given == "Alesia" and child.birth.date.approximate
    assert child.location == "in_belarus" and not child.include_in_application
    assert len(protester.case_file().family.children) == before + 1

    section = step_named("family").section("children")  # type: ignore[union-attr]
    key = section.keys(protester.data)[-1]
    page = client.get(f"/intake/{protester.pk}/family/?edit=children:{key}").content.decode()
    assert 'value="Alesia"' in page and "Change this entry" in page
    changed = {**CHILD, "location": "in_us", "include": "on", "i94": "123456789A1"}
    assert _post(client, protester, "family", "children", changed, key=key).status_code == 302
    protester.refresh_from_db()
    child = protester.case_file().family.children[-1]
    assert child.include_in_application and child.us_presence.i94 == "123456789A1"
    assert child.id.startswith("child")

    key = section.keys(protester.data)[-1]
    client.post(
        f"/intake/{protester.pk}/family/",
        {"section": "children", "key": key, "remove": "1", "confirmed": "1"},
    )
    protester.refresh_from_db()
    assert len(protester.case_file().family.children) == before


def test_removing_an_entry_asks_first_and_each_button_names_its_entry(protester) -> None:
    client = sign_in(protester.client_user)
    _post(client, protester, "family", "children", CHILD)
    _post(client, protester, "family", "children", {**CHILD, "given": "Maryia"})
    protester.refresh_from_db()
    before = len(protester.data["family"]["children"])
    page = html.unescape(client.get(f"/intake/{protester.pk}/family/").content.decode())
    labels = re.findall(r'aria-label="(Remove: [^"]+)"', page)
    assert len(labels) == len(set(labels)) >= 2 and any("Maryia" in label for label in labels)
    assert any("Change: " in label for label in re.findall(r'aria-label="([^"]+)"', page))

    section = step_named("family").section("children")  # type: ignore[union-attr]
    key = section.keys(protester.data)[-1]
    remove = {"section": "children", "key": key, "remove": "1"}
    asked = client.post(f"/intake/{protester.pk}/family/", remove)
    asked_page = html.unescape(asked.content.decode())
    assert "Remove this answer?" in asked_page and "Maryia" in asked_page
    assert 'name="confirmed" value="1"' in asked_page
    protester.refresh_from_db()
    assert len(protester.data["family"]["children"]) == before  # nothing removed yet
    client.post(f"/intake/{protester.pk}/family/", {**remove, "confirmed": "1"})
    protester.refresh_from_db()
    assert len(protester.data["family"]["children"]) == before - 1


def test_an_answer_someone_else_changed_meanwhile_is_not_overwritten(protester) -> None:
    client = sign_in(protester.client_user)
    _post(client, protester, "family", "children", CHILD)
    protester.refresh_from_db()
    section = step_named("family").section("children")  # type: ignore[union-attr]
    stale_key = section.keys(protester.data)[-1]
    staff = sign_in(protester.memberships.get(role="staff").user)
    _post(staff, protester, "family", "children", {**CHILD, "given": "Alesya"}, key=stale_key)

    response = _post(
        client, protester, "family", "children", {**CHILD, "given": "Lesia"}, key=stale_key
    )
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert "Someone else changed this answer" in page and 'value="Lesia"' in page
    protester.refresh_from_db()
    assert protester.case_file().family.children[-1].name.given == "Alesya"
    assert protester.drafts.filter(text__contains="Lesia").exists()


def test_third_country_residence_permit_is_recorded_for_firm_resettlement(protester) -> None:
    client = sign_in(protester.client_user)
    answers = {
        "country": "Poland",
        "arrived": "2022-03",
        "left": "2026-02",
        "status": "temporary_residence",
        "status_detail": "Karta pobytu, valid to 2025-06",
        "permanent_status_path": "Karta Polaka: I could apply for permanent residence",
        "could_return": "no",
        "worked": "on",
    }
    assert _post(client, protester, "travel", "third_countries", answers).status_code == 302
    protester.refresh_from_db()
    stay = protester.case_file().travel.third_countries[-1]
    assert stay.country == "Poland" and stay.status == "temporary_residence"
    assert stay.could_return is False and stay.worked
    assert stay.permanent_status_path == "Karta Polaka: I could apply for permanent residence"


def test_dates_in_the_wrong_order_are_marked_at_the_field(protester) -> None:
    client = sign_in(protester.client_user)
    answers = {"country": "Lithuania", "arrived": "2023", "left": "2022-05", "status": "none"}
    response = _post(client, protester, "travel", "third_countries", answers)
    assert response.status_code == 422
    assert "This date is before the first one" in response.content.decode()


def test_bars_question_answered_yes_needs_an_explanation_in_belarusian(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "be", "next": "/"})
    response = _post(client, protester, "background", "bars", {"crimes_in_us": "yes"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Вы адказалі «так»; калі ласка, растлумачце." in page
    assert _ticked(page, "crimes_in_us") == "yes"
    response = _post(
        client,
        protester,
        "background",
        "bars",
        {
            "crimes_in_us": "yes",
            "crimes_explanation": "Speeding ticket, Chicago, 2026",
            "served_in": "Belarusian army, 2010-2011",
        },
    )
    assert response.status_code == 302
    protester.refresh_from_db()
    bars = protester.case_file().claim.bars
    assert bars.crimes_in_us and bars.served_in == ["Belarusian army, 2010-2011"]


def _ticked(page: str, question: str) -> str | None:
    """The value of the radio button ticked for a bars question, or None when none is."""
    for tag in re.findall(rf'<input[^>]*name="bars-{question}"[^>]*>', page):
        if " checked" in tag:
            return re.search(r'value="([^"]*)"', tag).group(1)  # type: ignore[union-attr]
    return None


BARS = ("harmed_others", "crimes_in_us", "serious_crime_abroad", "armed_group_support")


def test_saving_other_questions_answers_no_bars_question_nobody_answered(protester) -> None:
    data = protester.data
    data["claim"]["bars"] = {}
    protester.data = data
    protester.save()
    client = sign_in(protester.client_user)
    page = client.get(f"/intake/{protester.pk}/background/").content.decode()
    assert all(_ticked(page, q) is None for q in BARS)  # no answer is put in the client's mouth

    answers = {"served_in": "Belarusian army, 2010-2011", "armed_group_support": "no"}
    assert _post(client, protester, "background", "bars", answers).status_code == 302
    protester.refresh_from_db()
    bars = protester.case_file().claim.bars
    assert bars.armed_group_support is False
    assert bars.unanswered() == ["harmed_others", "crimes_in_us", "serious_crime_abroad"]

    page = client.get(f"/intake/{protester.pk}/background/").content.decode()
    assert _ticked(page, "armed_group_support") == "no" and _ticked(page, "crimes_in_us") is None


def test_addresses_residences_work_and_prior_applications_are_saved(protester) -> None:
    client = sign_in(protester.client_user)
    home = {
        "us_street": "1200 W Main St",
        "us_city": "Chicago",
        "us_state": "IL",
        "us_zip": "60601",
        "by_street": "vul. Kalinoŭskaha 55",
        "by_city": "Minsk",
    }
    assert _post(client, protester, "addresses", "home", home).status_code == 302
    residence = {"city": "Warsaw", "country": "Poland", "start": "2022-03", "end": "2026-02"}
    assert _post(client, protester, "addresses", "residences", residence).status_code == 302
    job = {"employer": "Minskenergo", "occupation": "engineer", "start": "2015", "end": "2021-12"}
    assert _post(client, protester, "education", "employment", job).status_code == 302
    prior = {"who": "me", "country": "Poland", "date": "2022", "outcome": "withdrawn"}
    assert _post(client, protester, "background", "prior_applications", prior).status_code == 302
    protester.refresh_from_db()
    case = protester.case_file()
    assert (
        case.applicant.residence.city == "Chicago"
        and case.applicant.residence.country == "United States"
    )
    assert case.history.last_address_in_belarus.country == "Belarus"
    assert any(r.address.city == "Warsaw" and r.end is not None for r in case.history.residences)
    assert any(e.employer == "Minskenergo" for e in case.history.employment)
    assert case.claim.prior_applications[-1].outcome == "withdrawn"


def test_a_case_file_problem_is_placed_next_to_its_question() -> None:
    section = step_named("family").section("children")  # type: ignore[union-attr]
    problem = Problem("family.children[2].us_presence.i94", "is not in the expected form")
    assert section.field_of(problem, 2) == "i94"
    assert section.field_of(problem, 1) is None


def test_the_about_step_saved_in_two_tabs_does_not_lose_the_first_save(protester) -> None:
    """One tab changes the birthplace, a second tab opened before changes the patronymic:
    the second save is refused (the answers are kept in the form), not silently reverting."""
    client = sign_in(protester.client_user)
    section = step_named("about").section("about")  # type: ignore[union-attr]
    opened = section.key_of(section.record(protester.data))
    answers = section.initial(protester.data)
    first = {**answers, "birth_city": "Homiel (Belarus)"}
    url = f"/intake/{protester.pk}/about/"
    saved = client.post(url, {"section": "about", "key": opened, **first})
    assert saved.status_code == 302, re.findall(r"role=\"alert\">([^<]+)", saved.content.decode())
    second = {**answers, "native_patronymic": "Пятровіч"}
    response = client.post(url, {"section": "about", "key": opened, **second})
    assert response.status_code == 422
    assert "Someone else changed this answer" in html.unescape(response.content.decode())
    protester.refresh_from_db()
    assert protester.case_file().applicant.birth.city == "Homiel (Belarus)"


def test_a_date_conflicting_with_another_step_is_explained_in_russian(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "ru", "next": "/"})
    section = step_named("about").section("about")  # type: ignore[union-attr]
    answers = {**section.initial(protester.data), "birth_date": "2023-01-01"}
    url = f"/intake/{protester.pk}/about/"
    response = client.post(url, {"section": "about", **answers})
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert "другой ответ, в шаге «Поездки»" in page, re.findall(r"alert.>([^<]+)", page)
    assert "раньше вашей даты рождения (2023-01-01); проверьте обе даты." in page
    assert "is before the applicant was born" not in page


def _about(protester, client, **changes: str):  # type: ignore[no-untyped-def]
    section = step_named("about").section("about")  # type: ignore[union-attr]
    answers = {k: v or "" for k, v in section.initial(protester.data).items()}
    key = section.key_of(section.record(protester.data))
    url = f"/intake/{protester.pk}/about/"
    return client.post(url, {"section": "about", "key": key, **answers, **changes})


def test_clearing_the_cyrillic_name_clears_it_and_half_a_name_is_refused(protester) -> None:
    client = sign_in(protester.client_user)
    before = protester.case_file().applicant.name.native
    half = _about(protester, client, native_given="")
    assert half.status_code == 422
    assert "Give both the family and the given name in Cyrillic, or neither." in html.unescape(
        half.content.decode()
    )
    protester.refresh_from_db()
    assert protester.case_file().applicant.name.native == before  # nothing half-saved
    cleared = _about(protester, client, native_family="", native_given="", native_patronymic="")
    assert cleared.status_code == 302
    protester.refresh_from_db()
    assert protester.case_file().applicant.name.native == before[1:]


def test_a_birthplace_without_a_date_is_refused_not_dropped(protester) -> None:
    client = sign_in(protester.client_user)
    response = _about(protester, client, birth_date="", birth_city="Hrodna")
    assert response.status_code == 422
    assert "Give the date of birth too" in html.unescape(response.content.decode())
    assert "Hrodna" in response.content.decode()  # what was typed is kept


def test_a_belarusian_name_is_recorded_as_belarusian(protester) -> None:
    client = sign_in(protester.client_user)
    response = _about(protester, client, native_family="Лукашэвіч", native_given="Ганна")
    assert response.status_code == 302
    protester.refresh_from_db()
    first = protester.case_file().applicant.name.native[0]
    assert (first.family, first.language) == ("Лукашэвіч", "be")
    _about(protester, client, native_family="Лукашевич", native_given="Анна")
    protester.refresh_from_db()
    assert protester.case_file().applicant.name.native[0].language == "ru"
