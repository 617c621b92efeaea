"""The Belarus pack's data: every file validates, every fact is sourced and dated, ids hold."""

from __future__ import annotations

from importlib import resources

import pytest
from ruamel.yaml import YAML

from prytulak.case import CodeKind
from prytulak.country import ReviewStatus, UrlKind, get_pack
from prytulak.country.datafiles import PACK_FILES, validation_problems

PACK = get_pack("BY")
REQUIRED_ARTICLES = [
    (CodeKind.CRIMINAL, a) for a in ("130", "342", "361", "361-1", "361-4", "367", "368", "369")
] + [(CodeKind.ADMINISTRATIVE, a) for a in ("19.11", "24.23", "24.3")]
REQUIRED_PROFILES = {
    "political_opposition",
    "protesters_2020",
    "donors_and_subscribers",
    "journalists",
    "lgbtq",
    "religious_minorities",
    "national_minorities",
    "language_activists",
    "returnees_and_abroad",
    "relatives_of_activists",
}


def raw(name: str) -> object:
    folder = resources.files("prytulak.country.belarus")
    return YAML(typ="safe").load((folder / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", PACK_FILES)
def test_every_data_file_validates_against_its_schema(name: str) -> None:
    assert validation_problems(raw(name), name) == []


def test_all_210_research_facts_are_curated() -> None:
    assert len(PACK.facts) == 210


def test_fact_ids_are_unique_and_never_reused() -> None:
    ids = [f.id for f in PACK.facts]
    assert len(ids) == len(set(ids))
    assert not set(ids) & PACK.retired_fact_ids
    numbers = sorted(int(i.rsplit("-", 1)[1]) for i in set(ids) | PACK.retired_fact_ids)
    assert numbers == list(range(1, len(numbers) + 1)), "a removed id must be listed as retired"


def test_every_fact_has_a_source_with_url_publisher_and_pinpoint() -> None:
    for fact in PACK.facts:
        source = fact.source
        assert source.url.startswith(("http://", "https://")), fact.id
        assert source.publisher and source.title and source.pinpoint, fact.id
        assert source.date is not None or source.date_note, f"{fact.id}: source date or note"


def test_every_fact_has_a_date_or_is_held_back_as_needing_one() -> None:
    undated = [f for f in PACK.facts if f.describes is None]
    assert all(f.review is ReviewStatus.NEEDS_DATE and f.date_note for f in undated)
    assert all(not f.citable for f in undated)
    assert len(undated) <= 6, "only the entries whose source gave no date at all"
    assert all(f.describes is not None for f in PACK.facts if f.citable)


def test_mirror_and_republished_urls_are_flagged_for_replacement() -> None:
    flagged = {f.id: f.source for f in PACK.facts if f.source.replace_before_filing}
    assert flagged["BY-COI-069"].url_kind is UrlKind.MIRROR  # Pozirk text on mstagmanager.com
    assert flagged["BY-COI-068"].url_kind is UrlKind.MIRROR  # BAJ text on awsedrftg.sbs
    assert flagged["BY-COI-009"].url_kind is UrlKind.REPUBLICATION  # State Dept via ecoi.net
    assert "BY-COI-031" not in flagged  # Viasna on spring96.org is the original


def test_every_fact_reference_points_at_an_existing_fact() -> None:
    known = {f.id for f in PACK.facts}
    for profile in PACK.profiles:
        refs = set(profile.supporting_facts)
        refs |= {i for c in profile.counter_arguments for i in c.answering_facts}
        assert refs <= known, profile.id
    for article in PACK.articles:
        assert set(article.facts) <= known, article.key


def test_every_fact_element_and_profile_tag_is_defined() -> None:
    elements = {e.id for e in PACK.elements}
    profiles = {p.id for p in PACK.profiles}
    for fact in PACK.facts:
        assert set(fact.elements) <= elements, fact.id
        assert set(fact.profiles) <= profiles, fact.id


def test_the_profiles_the_issue_asks_for_exist_with_grounds_and_evidence() -> None:
    assert {p.id for p in PACK.profiles} >= REQUIRED_PROFILES
    for profile in PACK.profiles:
        assert profile.grounds and profile.typical_evidence and profile.supporting_facts


def test_changed_conditions_argument_is_answered_with_2025_facts() -> None:
    opposition = PACK.profile("political_opposition")
    assert opposition is not None
    answer = next(c for c in opposition.counter_arguments if "2025" in c.argument)
    answering = [PACK.fact(i) for i in answer.answering_facts]
    assert any(
        f is not None and f.describes and f.describes.earliest.year == 2025 for f in answering
    )


@pytest.mark.parametrize(("code", "article"), REQUIRED_ARTICLES)
def test_required_articles_have_sourced_context(code: CodeKind, article: str) -> None:
    record = PACK.article(code, article)
    assert record is not None
    assert record.criminalizes and record.penalties and record.political_use
    cited = record.criminalizes + record.penalties + record.political_use
    for fact_id in record.facts:
        assert fact_id in cited, f"{record.key}: {fact_id} listed but not cited in the text"


def test_articles_whose_penalty_is_unsourced_say_so() -> None:
    for article in PACK.articles:
        if "not stated" in article.penalties.lower() or "not shown" in article.penalties.lower():
            assert any("penalt" in item for item in article.to_verify), article.key


def test_a_summary_or_a_citing_article_is_flagged_for_the_original_source() -> None:
    from prytulak.country.curation import url_kind

    assert url_kind("https://shiawaves.com/x", "Shia Waves (summary of Amnesty Report)") == (
        "republication"
    )
    assert url_kind("https://www.opindia.com/x", "OpIndia (citing Euronews, TASS)") == (
        "republication"
    )
    pack = get_pack()
    for fact in pack.facts:
        if url_kind(fact.source.url, fact.source.publisher) != "original":
            assert fact.source.replace_before_filing, fact.id
        assert ".com./" not in fact.source.url, fact.id
