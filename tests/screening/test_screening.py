"""Screening: cross-list, cross-script hits with score, variant, entry, list, date and reason."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from prytulak.case import CaseFile
from prytulak.screening import (
    NetworkDisabledError,
    ScreeningIndex,
    data_dir,
    download_list,
    import_list,
    index_path,
    screen_case,
    screen_name,
)
from tests.conftest import load_demo

from .conftest import FIXTURES


def _sources(hits: list) -> dict[str, float]:  # type: ignore[type-arg]
    return {h.list.source_id: h.score for h in hits}


def test_ofac_naumau_and_eu_navumau_both_match_either_cyrillic_form(
    full_index: ScreeningIndex,
) -> None:
    for query in ("Навумаў Уладзімір", "Наумов Владимир Владимирович", "NAVUMAU Uladzimir"):
        hits = screen_name(full_index, query)
        found = _sources(hits)
        assert "ofac-sdn" in found and "eu-fsf" in found, query
        assert {h.entry.ref for h in hits} == {"36002", "EU.TEST.01"}


def test_hit_carries_variant_entry_list_date_and_reason(full_index: ScreeningIndex) -> None:
    hit = next(
        h for h in screen_name(full_index, "Навумаў Уладзімір") if h.list.source_id == "eu-fsf"
    )
    assert hit.matched_variant
    assert hit.listed_name
    assert hit.list.list_date is not None
    assert "Minister of Internal Affairs" in (hit.entry.reason or "")
    assert hit.explanation
    statement = hit.statement()
    assert "2026-10-20" in statement and "EU.TEST.01" in statement
    assert "confirm" in statement and "certain" not in statement.lower()


@pytest.mark.parametrize(
    "query",
    [
        "Dzianis Hrynkevich",
        "Sviatlana Tsikhanouskaya",
        "Andrei Vasilevich",
        "Ivan Petrov",
        "Tomasz",
    ],
)
def test_unrelated_names_get_no_hit(full_index: ScreeningIndex, query: str) -> None:
    assert screen_name(full_index, query) == []


def test_demo_case_judge_hits_the_fictional_listing_and_the_investigator_does_not(
    full_index: ScreeningIndex,
) -> None:
    report = screen_case(load_demo("protester"), full_index)
    assert {a for a, _ in report.screened} == {"investigator", "judge"}
    assert set(report.skipped) == {"omon", "okrestina-staff", "gubopik"}
    assert {h.actor_id for h in report.hits} == {"judge"}
    judge_hits = {h.list.source_id for h in report.hits}
    assert judge_hits == {"eu-fsf"}
    assert all(h.score < 100 or h.band == "close match" for h in report.hits)
    assert [h.score for h in report.hits] == sorted((h.score for h in report.hits), reverse=True)


def test_belarusian_akanne_form_hits_the_russian_based_listing(
    full_index: ScreeningIndex,
) -> None:
    hits = screen_name(full_index, "Юрый Падабед")
    assert {h.entry.ref for h in hits} == {"36005"}
    assert "Подобед" in " ".join(hits[0].explanation)


@pytest.mark.parametrize(
    "query",
    [
        "Василевич Н.А.",  # initials in the wrong order: given name first, then patronymic
        "Василевич Алексей",  # Алексей is not Александр
        "Василевич Александр Петрович",  # the patronymic differs
        "Василевич Александра Николаевна",  # a woman's patronymic
    ],
)
def test_conflicting_names_get_no_hit(full_index: ScreeningIndex, query: str) -> None:
    assert screen_name(full_index, query) == []
    assert screen_name(full_index, "Василевич А.Н.")


def test_threshold_filters_weaker_hits(full_index: ScreeningIndex) -> None:
    assert screen_name(full_index, "Uladzimir Navumau", threshold=99.5) == []


def test_reimport_replaces_the_list(index: ScreeningIndex) -> None:
    first = import_list(index, FIXTURES / "sdn.csv")
    second = import_list(index, FIXTURES / "sdn.xml")
    assert first.replaced is None
    assert second.replaced is not None
    assert [s.entry_count for s in index.stored_lists()] == [4]
    assert index.stored_list("ofac-sdn").belarus_count == 3  # type: ignore[union-attr]


def test_removing_a_list_removes_its_hits(full_index: ScreeningIndex) -> None:
    assert full_index.remove_list("eu-fsf")
    assert "eu-fsf" not in _sources(screen_name(full_index, "Навумаў Уладзімір"))


def test_data_dir_from_env_and_explicit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRYTULAK_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert index_path(tmp_path / "x") == tmp_path / "x" / "screening" / "index.sqlite"


def test_no_download_without_the_network_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(urllib.request, "urlopen", forbidden)
    with pytest.raises(NetworkDisabledError, match="--allow-network"):
        download_list("ofac-sdn", tmp_path)
    assert not any(tmp_path.iterdir())


def _case_with_investigator(name_native: str) -> CaseFile:
    case = load_demo("protester")
    actors = [
        a.model_copy(update={"name": None, "name_native": name_native})
        if a.id == "investigator"
        else a
        for a in case.claim.actors
    ]
    return case.model_copy(update={"claim": case.claim.model_copy(update={"actors": actors})})


def test_an_actor_recorded_by_surname_only_is_reported_apart(
    full_index: ScreeningIndex,
) -> None:
    report = screen_case(_case_with_investigator("Лукашенко"), full_index)
    assert "investigator" not in {a for a, _ in report.without_hits()}
    assert "investigator" not in {h.actor_id for h in report.hits}
    (item,) = report.surname_only
    assert item.actor_id == "investigator" and not item.given_only
    refs = {(e.list.source_id, e.entry.ref) for e in item.entries}
    assert ("ofac-sdn", "36001") in refs and len(refs) >= 2
    statement = item.statement()
    assert "surname only" in statement and "cannot be screened reliably" in statement
    assert f"{len(refs)} listed entries share this surname" in statement
    assert "LUKASHENK" in statement


def test_a_surname_no_entry_shares_is_still_not_a_plain_no_hit(full_index: ScreeningIndex) -> None:
    report = screen_case(_case_with_investigator("Гринкевич"), full_index)
    (item,) = report.surname_only
    assert item.entries == ()
    assert "no listed entry shares this surname" in item.statement()
    assert "investigator" not in {a for a, _ in report.without_hits()}
