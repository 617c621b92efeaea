"""Whether the I-589 is filed more than a year after the last arrival, decided from the case's
dates (I-589 C.5; the declaration's late-filing section), and which late-filing facts apply.

Dates are partial: a question is answered only when every day the dates allow gives the same
answer; otherwise the answer is ``None`` and the reason says which date is not exact enough.
The anniversary is the law engine's (``prytulak.law.deadlines.add_years``: 29 February becomes
28 February).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prytulak.case import CaseFile, PartialDate

__all__ = ["FilingTime", "filing_time", "lawful_status_applies"]


@dataclass(frozen=True)
class FilingTime:
    late: bool | None
    """True: more than a year after the last arrival; None: the dates do not decide it."""
    assumed_today: bool
    """No filing date is recorded (``filing.filed_on`` or ``planned_filing_date``): today used."""
    why_unknown: str | None = None


def _one_year_after(day: date) -> date:
    from prytulak.law.deadlines import add_years

    return add_years(day, 1)


def _deadlines(case: CaseFile) -> tuple[date, date] | None:
    """The earliest and latest one-year anniversary the last arrival's date allows."""
    arrival = case.travel.last_arrival()
    if arrival is None:
        return None
    return _one_year_after(arrival.date.earliest), _one_year_after(arrival.date.latest)


def filing_time(case: CaseFile, today: date) -> FilingTime:
    deadlines = _deadlines(case)
    filed = case.filing.filed_on or case.filing.planned_filing_date
    assumed = filed is None
    if deadlines is None:
        return FilingTime(None, assumed, "no U.S. arrival is recorded (travel.us_entries)")
    first, last = (filed.earliest, filed.latest) if filed else (today, today)
    earliest_deadline, latest_deadline = deadlines
    if first > latest_deadline:
        return FilingTime(True, assumed)
    if last <= earliest_deadline:
        return FilingTime(False, assumed)
    return FilingTime(None, assumed, _inexact(case, filed))


def _inexact(case: CaseFile, filed: PartialDate | None) -> str:
    arrival = case.travel.last_arrival()
    assert arrival is not None
    parts = [f"the last arrival is recorded as {arrival.date.describe()}"]
    if filed is not None and not filed.is_exact:
        parts.append(f"the filing date as {filed.describe()}")
    return " and ".join(parts) + ", which could fall on either side of the one-year mark"


def lawful_status_applies(case: CaseFile) -> bool | None:
    """Whether ``claim.late_filing.lawful_status_until`` can support the lawful-status
    exception (8 CFR 208.4(a)(5)(iv)): only a status that lasted at least until the one-year
    deadline explains missing it. None when no such date is recorded or the dates do not tell."""
    late = case.claim.late_filing
    deadlines = _deadlines(case)
    if late is None or late.lawful_status_until is None or deadlines is None:
        return None
    until = late.lawful_status_until
    if until.earliest >= deadlines[1]:
        return True
    if until.latest < deadlines[0]:
        return False
    return None
