"""Courts as data, and finding a case's court."""

from __future__ import annotations

import pytest

from prytulak.case import CaseFile
from prytulak.directory import case_court, courts, find_court

from .conftest import with_court


@pytest.mark.parametrize(
    ("text", "court_id"),
    [
        ("Chicago, IL", "chicago"),
        ("Chicago Immigration Court", "chicago"),
        ("chicago", "chicago"),
        ("CHI", "chicago"),
        ("New York, New York", "new-york"),
        ("26 Federal Plaza New York Immigration Courts", "new-york"),
        ("Fort Snelling", "fort-snelling"),
        ("Stewart Detention Center Immigration Court", "stewart"),
        ("Batavia", "batavia"),
    ],
)
def test_find_court(text: str, court_id: str) -> None:
    court = find_court(text)
    assert court is not None and court.id == court_id


def test_unknown_court_is_none() -> None:
    assert find_court("Minsk") is None


def test_court_ids_are_unique_and_states_are_codes() -> None:
    ids = [c.id for c in courts()]
    assert len(ids) == len(set(ids))
    assert all(len(c.state) == 2 for c in courts())


def test_case_without_court_uses_the_residence(protester: CaseFile) -> None:
    where = case_court(protester)
    assert where.court is not None and where.court.id == "chicago"
    assert not where.confirmed and where.state == "IL"
    assert "lives in Chicago" in where.how


def test_case_naming_its_court(protester: CaseFile) -> None:
    where = case_court(with_court(protester, "New York, NY"))
    assert where.court is not None and where.court.id == "new-york" and where.confirmed


def test_unrecognised_court_falls_back_to_state(protester: CaseFile) -> None:
    where = case_court(with_court(protester, "Minsk District Court"))
    assert where.court is None and where.state == "IL"
    assert "not recognised" in where.how
