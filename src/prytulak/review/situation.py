"""Questions about a case that several checks ask: where and when was the applicant?"""

from __future__ import annotations

import re
from datetime import date

from prytulak.case import CaseFile, PartialDate
from prytulak.law import Status, assess

__all__ = [
    "age_on",
    "filing_date",
    "in_belarus",
    "last_departure",
    "one_year_barred",
    "one_year_deadline",
]

_US_STATE = re.compile(r",\s*[A-Z]{2}\b")
_ABROAD_WORDS = (
    "united states", "usa", "lithuania", "poland", "georgia", "ukraine", "russia", "latvia",
    "germany", "turkey", "mexico", "vilnius", "warsaw", "tbilisi",
)  # fmt: skip


def in_belarus(case: CaseFile, place: str) -> bool:
    """Whether a place written in the case is inside Belarus (best effort, errs towards yes)."""
    lowered = place.lower()
    if "belarus" in lowered:
        return True
    foreign = {t.country.lower() for t in case.travel.third_countries}
    if any(word in lowered for word in (*_ABROAD_WORDS, *foreign)):
        return False
    return _US_STATE.search(place) is None


def last_departure(case: CaseFile) -> PartialDate | None:
    """The last time the applicant left Belarus without coming back."""
    final = [d for d in case.travel.departures if d.returned is None]
    if not final:
        return None
    return max(final, key=lambda d: d.date.sort_key()).date


def one_year_deadline(case: CaseFile, today: date) -> date | None:
    """The last day to file, as the law engine computes it (weekend roll-forward included)."""
    days = {d.id: d.day for d in assess(case, as_of=today).deadlines()}
    return days.get("one_year_rolled") or days.get("one_year")


def one_year_barred(case: CaseFile, today: date) -> str | None:
    """Why the law engine holds a late filing barred despite the exception listed, or None.

    The engine blocks when no listed exception can apply (e.g. a change dated before the
    arrival); its explanation of the rejected exception is returned for the review to show.
    """
    assessment = assess(case, as_of=today)
    deadline = assessment.finding("deadline.one_year")
    if deadline is None or not deadline.is_blocking:
        return None
    rejected = assessment.finding("deadline.changed_circumstances")
    if rejected is not None and rejected.status is Status.NOT_MET:
        return rejected.text()
    return deadline.text()


def filing_date(case: CaseFile, today: date) -> date:
    """When the I-589 was, or will be, filed: filed, else planned, else today."""
    for value in (case.filing.filed_on, case.filing.planned_filing_date):
        if value is not None:
            return value.latest
    return today


def age_on(birth: PartialDate, day: date) -> int:
    born = birth.earliest
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
