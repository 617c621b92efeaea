"""``deadline_summary``: short deadline lines for ``prytulak case show``."""

from __future__ import annotations

from datetime import date

from prytulak.case import CaseFile

from .assessment import Assessment, Finding
from .engine import assess

__all__ = ["deadline_summary"]

SHOWN = (
    "deadline.one_year",
    # the exceptions the one-year line refers to (present only when the filing is late)
    "deadline.changed_circumstances",
    "deadline.lawful_status",
    "deadline.extraordinary",
    # a child applicant: whether the deadline applies at all (unaccompanied child)
    "deadline.minor",
    "clock.ead",
    "deadline.court_filing",
    "clock.annual_fee",
    "deadline.child_age_out",
)


def _line(finding: Finding) -> str:
    label = finding.title["en"]
    mark = " [to verify]" if finding.to_verify else ""
    return f"{label}: {finding.text('en')}{mark}"


def deadline_summary(case: CaseFile, today: date) -> list[str]:
    """One line per deadline or clock: one-year deadline (with its exceptions when late),
    work-permit clock, court deadline, annual fee."""
    assessment: Assessment = assess(case, today)
    return [_line(f) for f in (assessment.finding(i) for i in SHOWN) if f is not None]
