"""I-589 Part B in the intake: organizations (B.3), harm to family (B.1.A), every fear with
who and why (B.1.B), activities after leaving Belarus (sur place)."""

from __future__ import annotations

import html
import re

import pytest

from prytulak.web.intake.steps import step_named

from .people import sign_in

pytestmark = pytest.mark.django_db


def _post(client, case, step: str, section: str, answers: dict[str, str], **extra: str):  # type: ignore[no-untyped-def]
    prefixed = step_named(step).prefixed  # type: ignore[union-attr]
    data = {f"{section}-{k}" if prefixed else k: v for k, v in answers.items()}
    return client.post(f"/intake/{case.pk}/{step}/", {"section": section, **data, **extra})


def test_organization_and_harm_to_family_are_written_to_part_b(protester) -> None:
    client = sign_in(protester.client_user)
    group = {
        "name": "Dziarzhaunaya initsiyatyva",
        "kind": "civic initiative",
        "role": "volunteer",
        "start": "08.2020",
        "continuing": "on",
    }
    assert _post(client, protester, "others", "organizations", group).status_code == 302
    harm = {"who": "my brother", "date": "~2021-03", "what": "Detained for 15 days"}
    assert _post(client, protester, "others", "family_harm", harm).status_code == 302
    protester.refresh_from_db()
    claim = protester.case_file().claim
    saved = claim.organizations[-1]
    assert saved.kind == "civic initiative" and saved.continuing and str(saved.start) == "2020-08"
    assert saved.end is None
    assert claim.family_harm[-1].who == "my brother" and claim.family_harm[-1].date.approximate
    page = client.get(f"/intake/{protester.pk}/others/").content.decode()
    assert "Dziarzhaunaya initsiyatyva" in html.unescape(page)


def test_a_relatives_membership_and_a_group_abroad_are_recorded_as_such(protester) -> None:
    client = sign_in(protester.client_user)
    militia = {"name": "Militia", "kind": "military", "member": "my brother Andrei"}
    abroad = {"name": "Razam", "kind": "civic initiative", "country": "United States"}
    for group in (militia, abroad):
        assert _post(client, protester, "others", "organizations", group).status_code == 302
    protester.refresh_from_db()
    saved = protester.case_file().claim.organizations[-2:]
    assert (saved[0].member, saved[0].country) == ("my brother Andrei", None)
    assert (saved[1].member, saved[1].country) == (None, "United States")


def test_a_bad_date_for_family_harm_is_explained_in_belarusian(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "be", "next": "/"})
    harm = {"who": "my mother", "date": "last spring", "what": "Questioned by the KGB"}
    response = _post(client, protester, "others", "family_harm", harm)
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert "не дата, якую мы можам прачытаць" in page and "Questioned by the KGB" in page


def test_every_fear_is_kept_and_a_second_one_is_added(protester) -> None:
    client = sign_in(protester.client_user)
    before = protester.case_file().claim.fears
    section = step_named("fear").section("fear")  # type: ignore[union-attr]
    page = client.get(f"/intake/{protester.pk}/fear/").content.decode()
    for fear in before:  # all fears are listed, not only the first
        assert html.escape(fear.harm[:40]) in page or fear.harm[:40] in html.unescape(page)
    second = {"harm": "Forced conscription", "why": "I refused to serve", "torture": "on"}
    assert _post(client, protester, "fear", "fear", second).status_code == 302
    protester.refresh_from_db()
    fears = protester.case_file().claim.fears
    assert len(fears) == len(before) + 1 and fears[-1].torture
    assert fears[0].from_whom == before[0].from_whom  # what staff added stays
    key = section.keys(protester.data)[0]
    changed = {"harm": before[0].harm, "why": "Changed reason", "torture": "on"}
    changed |= {"who": ["gubopik", "court"]}  # as the page shows them ticked
    assert _post(client, protester, "fear", "fear", changed, key=key).status_code == 302
    protester.refresh_from_db()
    assert protester.case_file().claim.fears[0].why == "Changed reason"
    assert protester.case_file().claim.fears[0].from_whom == before[0].from_whom


def test_who_the_client_fears_becomes_actors_staff_can_complete(protester) -> None:
    client = sign_in(protester.client_user)
    fear = {
        "harm": "Prison for my posts",
        "who": ["kgb", "gubopik"],
        "why": "I write about political prisoners",
        "grounds": ["political_opinion", "particular_social_group"],
    }
    assert _post(client, protester, "fear", "fear", fear).status_code == 302
    protester.refresh_from_db()
    claim = protester.case_file().claim
    saved = claim.fears[-1]
    assert saved.from_whom == ["kgb", "gubopik"]  # a new KGB actor; the case's own GUBOPiK
    assert claim.actor("kgb").kind == "kgb" and claim.actor("kgb").name is None
    assert [str(g) for g in saved.grounds] == ["political_opinion", "particular_social_group"]
    assert "particular_social_group" in [str(g) for g in claim.grounds]  # I-589 B.1 ticks these
    assert [a.id for a in claim.actors].count("gubopik") == 1


def test_the_fear_page_ticks_the_kinds_of_the_actors_staff_named(protester) -> None:
    client = sign_in(protester.client_user)
    section = step_named("fear").section("fear")  # type: ignore[union-attr]
    key = section.keys(protester.data)[0]
    page = client.get(f"/intake/{protester.pk}/fear/?edit=fear:{key}").content.decode()
    ticked = set(re.findall(r'name="fear-who" value="([a-z_]+)"[^>]*checked', page))
    ticked |= set(re.findall(r'name="who" value="([a-z_]+)"[^>]*checked', page))
    assert ticked == {"gubopik", "court"}  # from_whom: [gubopik, judge]; the judge is a court


def test_unticking_a_kind_drops_only_that_kind(protester) -> None:
    client = sign_in(protester.client_user)
    section = step_named("fear").section("fear")  # type: ignore[union-attr]
    before = protester.case_file().claim.fears[0]
    key = section.keys(protester.data)[0]
    answers = {"harm": before.harm, "why": before.why, "who": ["court"], "torture": "on"}
    assert _post(client, protester, "fear", "fear", answers, key=key).status_code == 302
    protester.refresh_from_db()
    assert protester.case_file().claim.fears[0].from_whom == ["judge"]


def test_activities_after_leaving_belarus_are_kept_for_a_sur_place_claim(protester) -> None:
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "ru", "next": "/"})
    page = html.unescape(client.get(f"/intake/{protester.pk}/others/").content.decode())
    assert "Что вы делали после отъезда из Беларуси" in page
    before = len(protester.case_file().claim.activities_abroad)
    activity = {
        "what": "Spoke at a rally outside the Belarusian embassy",
        "start": "~2024-08",
        "where": "Vilnius",
        "public": "on",
    }
    assert _post(client, protester, "others", "activities_abroad", activity).status_code == 302
    protester.refresh_from_db()
    activities = protester.case_file().claim.activities_abroad
    assert len(activities) == before + 1
    saved = activities[-1]
    assert saved.where == "Vilnius" and saved.public and saved.start.approximate


def test_tick_box_questions_are_a_fieldset_a_screen_reader_announces(protester) -> None:
    page = sign_in(protester.client_user).get(f"/intake/{protester.pk}/fear/").content.decode()
    assert 'for=""' not in page
    legends = re.findall(r"<fieldset[^>]*>\s*<legend>([^<]+)</legend>", page)
    assert any("Who would do it?" in legend for legend in legends)


def test_an_event_records_what_was_done_and_by_whom_so_the_form_can_say_so(protester) -> None:
    client = sign_in(protester.client_user)
    event = {
        "date": "~2024-05",
        "place": "Homiel",
        "summary": "Arrested for reposts, 15 days",
        "harms": ["detention", "interrogation"],
        "who": ["police", "investigative_committee"],
    }
    assert _post(client, protester, "events", "events", event).status_code == 302
    protester.refresh_from_db()
    claim = protester.case_file().claim
    saved = claim.events[-1]
    assert [str(h) for h in saved.harms] == ["detention", "interrogation"]
    kinds = [str(claim.actor(a).kind) for a in saved.actors]
    assert kinds == ["police", "investigative_committee"]
    assert saved.actors[1] == "investigator"  # the case's own Investigative Committee actor
