"""``prytulak review`` and ``prytulak assess`` agree on whether a late filing blocks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from prytulak.case import CaseFile, dump_case_json, parse_case_text
from prytulak.law import assess
from prytulak.review import Severity, review
from tests.conftest import TODAY, load_demo


def _late_case(
    late_filing: dict[str, Any] | None, family_harm: list[Any] | None = None
) -> CaseFile:
    """The lgbt-believer demo (arrived 2024-05-10, filing late) with another late_filing."""
    data = json.loads(dump_case_json(load_demo("lgbt-believer")))
    if late_filing is None:
        del data["claim"]["late_filing"]
    else:
        data["claim"]["late_filing"] = late_filing
    if family_harm is not None:
        data["claim"]["family_harm"] = family_harm
    return parse_case_text(json.dumps(data).encode(), "late.json", today=TODAY)


def _blocks(case: CaseFile) -> tuple[bool, bool]:
    """(review blocks on the late filing, assess blocks on the one-year deadline)."""
    report = review(case, today=TODAY)
    by_review = any(
        f.code == "claim.late-unexplained" and f.severity is Severity.BLOCKING
        for f in report.findings
    )
    by_assess = "deadline.one_year" in {f.id for f in assess(case, TODAY).blocking}
    return by_review, by_assess


CHANGE_BEFORE_ARRIVAL = {
    "changed_circumstances": ["Friends detained after a raid on a gay bar"],
    "changed_on": "2023-01",
    "explanation": "I hoped things would calm down.",
}
CHANGE_AFTER_ARRIVAL = {
    "changed_circumstances": ["Summons naming him as a suspect in a new criminal case"],
    "changed_on": "2026-07-15",
    "explanation": "I learned of the summons from my mother and found a lawyer.",
}
RELATIVE_QUESTIONED = [{"who": "mother", "date": "2026-07", "what": "questioned by police"}]


@pytest.mark.parametrize(
    ("late_filing", "family_harm", "blocked"),
    [
        (CHANGE_BEFORE_ARRIVAL, None, True),
        (None, RELATIVE_QUESTIONED, True),
        (CHANGE_AFTER_ARRIVAL, None, False),
    ],
    ids=["change-before-arrival", "only-suggested-change", "change-after-arrival"],
)
def test_review_and_assess_agree_on_late_filing(
    late_filing: dict[str, Any] | None, family_harm: list[Any] | None, blocked: bool
) -> None:
    assert _blocks(_late_case(late_filing, family_harm)) == (blocked, blocked)


def test_review_says_why_a_change_before_arrival_does_not_excuse() -> None:
    report = review(_late_case(CHANGE_BEFORE_ARRIVAL), today=TODAY)
    [hit] = [f for f in report.findings if f.code == "claim.late-unexplained"]
    assert "before the last arrival on 2024-05-10" in hit.message
