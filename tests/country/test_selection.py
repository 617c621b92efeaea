"""Profile selection for the demo cases and for cases built to hit each rule."""

from __future__ import annotations

from prytulak.case import CaseFile
from prytulak.country import charge_contexts, get_pack, select_profiles
from tests.conftest import load_demo

PACK = get_pack("BY")
EXPECTED = {
    "protester": {"protesters_2020", "returnees_and_abroad", "relatives_of_activists"},
    "journalist": {
        "protesters_2020",
        "donors_and_subscribers",
        "journalists",
        "language_activists",
        "returnees_and_abroad",
        "relatives_of_activists",
    },
    "lgbt-believer": {"lgbtq", "religious_minorities", "relatives_of_activists"},
}


def selected(case: CaseFile) -> dict[str, tuple[str, ...]]:
    return {m.profile.id: m.reasons for m in select_profiles(case, PACK)}


def test_protester_gets_the_2020_protest_profile_because_of_art_342() -> None:
    profiles = selected(load_demo("protester"))
    assert set(profiles) == EXPECTED["protester"]
    reasons = " ".join(profiles["protesters_2020"])
    assert "names Criminal Code art. 342" in reasons
    assert "protest-2020-08-09" in reasons
    assert any("in absentia" in r for r in profiles["returnees_and_abroad"])
    assert any("mother" in r for r in profiles["relatives_of_activists"])


def test_demo_cases_select_the_expected_profiles(demo_case: CaseFile, demo_name: str) -> None:
    assert set(selected(demo_case)) == EXPECTED[demo_name]


def test_journalist_is_selected_from_employment_and_old_code_charges_get_context() -> None:
    case = load_demo("journalist")
    reasons = selected(case)["journalists"]
    assert any(r.startswith("employment mentions 'journalis'") for r in reasons)
    labels = {c.label: c.article for c in charge_contexts(case, PACK)}
    assert all(article is not None for article in labels.values()), labels


def test_lgbt_believer_gets_both_social_group_and_religion() -> None:
    profiles = selected(load_demo("lgbt-believer"))
    assert "particular social group mentions 'gay': gay men in Belarus" in profiles["lgbtq"]
    assert "the claim names the ground 'religion'" in profiles["religious_minorities"]


def test_every_selection_has_a_reason(demo_case: CaseFile) -> None:
    for match in select_profiles(demo_case, PACK):
        assert match.reasons and all(r.strip() for r in match.reasons)


def edited(**claim: object) -> CaseFile:
    case = load_demo("protester")
    return case.model_copy(update={"claim": case.claim.model_copy(update=claim)})


def test_a_catholic_applicant_is_a_religious_minority_only_when_the_claim_is_about_religion() -> (
    None
):
    case = load_demo("protester")
    catholic = case.model_copy(
        update={"applicant": case.applicant.model_copy(update={"religion": "Roman Catholic"})}
    )
    assert "religious_minorities" not in selected(catholic)  # a protester who is Catholic
    believer = catholic.model_copy(
        update={
            "claim": catholic.claim.model_copy(
                update={"grounds": ["political_opinion", "religion"]}
            )
        }
    )
    assert selected(believer)["religious_minorities"] == (
        "the claim names the ground 'religion'",
        "religion mentions 'catholic': Roman Catholic",
    )
    orthodox = case.model_copy(
        update={"applicant": case.applicant.model_copy(update={"religion": "Orthodox"})}
    )
    assert "religious_minorities" not in selected(orthodox)


def test_a_social_group_of_gay_men_selects_lgbtq() -> None:
    profiles = selected(edited(social_groups=["Gay men in Belarus"]))
    assert profiles["lgbtq"] == ("particular social group mentions 'gay': Gay men in Belarus",)


def test_no_events_no_characteristics_selects_nothing() -> None:
    case = load_demo("protester")
    bare = case.model_copy(
        update={
            "claim": case.claim.model_copy(
                update={
                    "events": [],
                    "activities_abroad": [],
                    "family_harm": [],
                    "political_opinion": None,
                }
            ),
            "history": case.history.model_copy(update={"employment": []}),
        }
    )
    assert selected(bare) == {}


def test_charges_get_the_articles_context() -> None:
    contexts = charge_contexts(load_demo("protester"), PACK)
    assert [c.label for c in contexts] == ["Criminal Code art. 342"] * 2
    assert contexts[0].article is not None
    assert "people's article" in contexts[0].article.political_use
    assert {f.id for f in contexts[0].facts} >= {"BY-COI-031", "BY-COI-170"}


def test_the_month_march_is_not_a_protest_march(demo_case: object) -> None:
    from prytulak.case import CaseFile
    from prytulak.country import get_pack, select_profiles
    from tests.conftest import load_demo

    case = load_demo("lgbt-believer")
    data = case.model_dump(mode="json")
    data["claim"]["events"][0]["narrative"] = "In March 2021 officials came to our church."
    marched = CaseFile.model_validate(data)
    reasons = [r for m in select_profiles(marched, get_pack()) for r in m.reasons]
    assert not any("'march'" in r for r in reasons), reasons
    data["claim"]["events"][0]["narrative"] = "We joined a march to the court."
    reasons = [
        r for m in select_profiles(CaseFile.model_validate(data), get_pack()) for r in m.reasons
    ]
    assert any("mentions 'march': We joined a march" in r for r in reasons), reasons


def _only_event(day: str, code: str, article: str) -> CaseFile:
    from prytulak.case import Event, parse_partial_date

    event = Event.model_validate(
        {
            "id": "raid",
            "date": day,
            "place": "Brest",
            "summary": "Service of the church interrupted, pastor taken to the district department",
            "charges": [{"code": code, "article": article}],
        }
    )
    assert event.date == parse_partial_date(day)
    return edited(events=[event], activities_abroad=[], family_harm=[], political_opinion=None)


def test_an_administrative_offence_outside_2020_is_not_a_2020_protest() -> None:
    assert "protesters_2020" not in selected(_only_event("2023-04-09", "administrative", "24.23"))
    assert "protesters_2020" in selected(_only_event("2020-08-16", "administrative", "24.23"))


def test_a_criminal_case_years_later_still_counts_for_the_2020_protests() -> None:
    reasons = selected(_only_event("2023-04-09", "criminal", "342"))["protesters_2020"]
    assert reasons == ("event 'raid' (2023-04-09) names Criminal Code art. 342",)
