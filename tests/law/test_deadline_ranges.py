"""An arrival known only to the month gives the one-year deadline as a range, before and after."""

from __future__ import annotations

from datetime import date

import pytest

from prytulak.case import parse_partial_date
from prytulak.law import assess
from tests.conftest import load_demo


def _arrived(month: str):  # type: ignore[no-untyped-def]
    case = load_demo("protester")
    entry = case.travel.us_entries[-1].model_copy(update={"date": parse_partial_date(month)})
    return case.model_copy(
        update={"travel": case.travel.model_copy(update={"us_entries": [entry]})}
    )


@pytest.mark.parametrize("today", ["2026-10-01", "2026-11-15", "2026-12-05"])
def test_the_one_year_deadline_of_a_month_arrival_is_the_whole_month(today: str) -> None:
    assessment = assess(_arrived("2025-11"), date.fromisoformat(today))
    one_year = [d for d in assessment.deadlines() if d.id.startswith("one_year")]
    assert [(d.id, d.day, d.latest) for d in one_year] == [
        ("one_year", date(2026, 11, 1), date(2026, 11, 30))
    ]
    assert one_year[0].to_data()["latest"] == "2026-11-30"
