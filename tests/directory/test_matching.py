"""Matching on the real April 2025 list: what a Belarusian applicant needs comes first."""

from __future__ import annotations

from datetime import date

from prytulak.case import CaseFile
from prytulak.directory import ImportResult, MatchFilters, match_case, search
from prytulak.directory.model import ProviderKind

from .conftest import with_court

TODAY = date(2026, 11, 26)
ALAMEDA = "Alameda County Public Defender - Immigration Representation Unit"


def test_russian_speaking_nonprofit_at_the_case_court_ranks_first(
    probono: ImportResult, protester: CaseFile
) -> None:
    _, ranked, _ = match_case(with_court(protester, "New York, NY"), probono.providers, TODAY)
    first = ranked[0]
    assert first.provider.name == "HIAS (New York)"
    assert first.provider.kind is ProviderKind.NONPROFIT
    assert first.option.listing is not None
    assert first.option.listing.court == "New York Immigration Courts"
    reasons = [r.text for r in first.reasons]
    assert reasons[0].startswith("speaks Russian: “Languages: Spanish and Russian")
    assert "listed for New York Immigration Courts, the case's court" in reasons
    assert first.score > ranked[1].score


def test_each_result_explains_itself_and_unknown_language_is_not_no(
    probono: ImportResult, protester: CaseFile
) -> None:
    _, ranked, _ = match_case(with_court(protester, "New York, NY"), probono.providers, TODAY)
    catholic = next(m for m in ranked if m.provider.name == "Catholic Migration Services")
    assert "languages not listed: unknown (ask whether Russian is spoken)" in catholic.cautions
    assert all(m.reasons for m in ranked)


def test_adults_are_not_sent_to_children_only_providers(
    probono: ImportResult, protester: CaseFile
) -> None:
    _, ranked, excluded = match_case(protester, probono.providers, TODAY)
    assert [m.provider.name for m in ranked] == [
        "National Immigrant Justice Center (A Heartland Alliance Affiliated Partner)"
    ]
    why = {m.provider.name: m.excluded[0] for m in excluded}
    assert why["Children's Legal Center"].startswith("children only")
    assert why["American Bar Association Detention and LOP Information Line"].startswith(
        "detained cases only"
    )


def test_a_detained_case_gets_the_detention_line(
    probono: ImportResult, protester: CaseFile
) -> None:
    detained = with_court(protester, "Eloy", detained=True)
    _, ranked, _ = match_case(detained, probono.providers, TODAY)
    names = [m.provider.name for m in ranked]
    assert "American Bar Association Detention and LOP Information Line" in names


def test_residence_rules_exclude_other_states(probono: ImportResult, protester: CaseFile) -> None:
    note = "Limited to residents of MN, ND, and SD"
    case = with_court(protester, "Fort Snelling")  # heard in Minnesota, lives in Illinois
    _, _, excluded = match_case(case, probono.providers, TODAY)
    shut_out = [m for m in excluded if f"residence rule excludes IL: “{note}”" in m.excluded]
    assert shut_out, "a Minnesota-only provider must not be offered to an Illinois resident"


def test_search_filters(probono: ImportResult) -> None:
    russian = search(probono.providers, MatchFilters(languages=("ru",)))
    assert {(o.provider.name, o.listing.court) for o in russian if o.listing} == {
        (
            "Alameda County Public Defender - Immigration Representation Unit",
            "Adelanto Immigration Court",
        ),
        ("HIAS (New York)", "Newark Immigration Court"),
        ("HIAS (New York)", "New York Immigration Courts"),
    }
    in_ny = search(probono.providers, MatchFilters(languages=("ru",), state="NY"))
    assert [o.provider.name for o in in_ny] == ["HIAS (New York)"]
    chicago = search(probono.providers, MatchFilters(court="Chicago, IL", detained=False))
    assert {o.provider.name for o in chicago} == {
        "Children's Legal Center",
        "National Immigrant Justice Center (A Heartland Alliance Affiliated Partner)",
    }
    unknown_too = search(
        probono.providers,
        MatchFilters(languages=("ru",), include_unknown_language=True, state="IL"),
    )
    assert "Children's Legal Center" in {o.provider.name for o in unknown_too}


def test_the_case_court_comes_first_and_detention_courts_fall(
    probono: ImportResult, protester: CaseFile
) -> None:
    """Ryabtsau: not detained, Los Angeles court. The Russian-speaking Alameda County public
    defender (Adelanto, a detention court, Alameda residents only) must not come first."""
    _, ranked, _ = match_case(with_court(protester, "Los Angeles, CA"), probono.providers, TODAY)
    courts = [m.option.listing.court if m.option.listing else None for m in ranked]
    own = courts.count("Los Angeles Immigration Courts")
    assert own >= 5
    assert courts[:own] == ["Los Angeles Immigration Courts"] * own
    alameda = next(m for m in ranked if m.provider.name == ALAMEDA)
    texts = {r.points: r.text for r in alameda.reasons}
    assert texts[-30].startswith("listed for Adelanto Immigration Court, a court inside")
    assert "residence rule names Alameda county" in texts[-40]
    assert alameda.score < min(m.score for m in ranked[:own] if m.provider.name != ALAMEDA)
    otay = [m for m in ranked if m.option.listing and m.option.listing.court_id == "otay-mesa"]
    assert all(any(r.points == -30 for r in m.reasons) for m in otay)


def test_a_prison_court_listing_is_demoted_for_a_non_detained_applicant(
    probono: ImportResult, protester: CaseFile
) -> None:
    """Shymanskaya (Brooklyn, no court named): the Ulster listing is inside a prison; a Long
    Island residence rule does not fit a Brooklyn address."""
    brooklyn = protester.applicant.residence.model_copy(  # type: ignore[union-attr]
        update={"city": "Brooklyn", "region": "NY", "postal_code": "11222"}
    )
    case = with_court(protester, None).model_copy(
        update={"applicant": protester.applicant.model_copy(update={"residence": brooklyn})}
    )
    _, ranked, _ = match_case(case, probono.providers, TODAY)
    names = [m.provider.name for m in ranked]
    prisoners = next(m for m in ranked if m.provider.name.startswith("Prisoners' Legal Services"))
    assert any(r.points == -30 for r in prisoners.reasons)
    long_island = next(m for m in ranked if m.provider.name == "Catholic Charities of Long Island")
    assert any("Nassau / Suffolk county" in r.text and r.points == -40 for r in long_island.reasons)
    assert any("Kings County" in r.text for r in long_island.reasons)  # Brooklyn is Kings
    assert names.index("Catholic Charities of Long Island") > 5


def test_a_brooklyn_address_is_at_the_new_york_courts(
    probono: ImportResult, journalist: CaseFile
) -> None:
    needs, ranked, _ = match_case(journalist, probono.providers, TODAY)
    court = needs
    assert journalist.applicant.residence is not None
    assert journalist.applicant.residence.city == "Brooklyn"
    assert court.court.court is not None
    assert court.court.court.name == "New York Immigration Courts"
    assert "lives in Brooklyn, NY, where the New York Immigration Courts sits" in court.court.how
    hias = next(m for m in ranked if m.provider.name == "HIAS (New York)")
    assert "listed for New York Immigration Courts, the case's court" in [
        r.text for r in hias.reasons
    ]


def test_a_provider_for_people_from_another_region_is_excluded(
    probono: ImportResult, protester: CaseFile
) -> None:
    """CALA: "Removal defense for Central and South American asylum cases" is not for a
    Belarusian, however much it mentions asylum."""
    _, ranked, excluded = match_case(
        with_court(protester, "New York, NY"), probono.providers, TODAY
    )
    assert all(not m.provider.name.startswith("Central American Legal") for m in ranked)
    cala = next(m for m in excluded if m.provider.name.startswith("Central American Legal"))
    assert any("for people from another region" in why for why in cala.excluded)
