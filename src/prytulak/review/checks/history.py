"""Residence and employment history: gaps, overlaps, and agreement with travel."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from prytulak.case import PartialDate

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check
from ..situation import last_departure

_SLACK = timedelta(days=31)  # month-precision history rows may touch loosely


def _spans(
    rows: Sequence[tuple[PartialDate | None, PartialDate | None]], today: date
) -> list[tuple[int, date, date]]:
    spans = []
    for index, (start, end) in enumerate(rows):
        if start is None:
            continue
        spans.append((index, start.earliest, end.latest if end else today))
    return sorted(spans, key=lambda s: s[1])


def _gaps_and_overlaps(
    kind: str,
    path: str,
    rows: Sequence[tuple[PartialDate | None, PartialDate | None]],
    today: date,
    covered: Sequence[tuple[date, date]] = (),
) -> Iterator[Finding]:
    spans = _spans(rows, today)
    horizon = today.replace(year=today.year - 5)
    for (i, _, end), (j, start, _) in itertools.pairwise(spans):
        accounted = any(a <= end + _SLACK and start - _SLACK <= b for a, b in covered)
        if start - end > _SLACK and start >= horizon and not accounted:
            yield Finding(
                f"history.{kind}-gap",
                Severity.WARNING,
                f"Nothing is listed between {end:%B %Y} and {start:%B %Y} in the {kind} history",
                "Fill the gap (I-589 Part A.III asks for the last five years) or explain it",
                Location(f"{path}[{j}].from"),
                (Location(f"{path}[{i}].to"),),
            )
        elif end - start > _SLACK:
            yield Finding(
                f"history.{kind}-overlap",
                Severity.WARNING,
                f"Two {kind} periods overlap from {start:%B %Y} to {end:%B %Y}",
                "Correct the dates, or explain why both were true at once",
                Location(f"{path}[{j}].from"),
                (Location(f"{path}[{i}].to"),),
            )


@check("history.residence-gap", "history.residence-overlap")
def residence_gaps(data: ReviewInput) -> Iterator[Finding]:
    rows = [(r.start, r.end) for r in data.case.history.residences]
    travel = [
        (t.arrived.earliest, t.left.latest)
        for t in data.case.travel.third_countries
        if t.arrived and t.left
    ]  # weeks in transit between homes are not a gap in the story
    yield from _gaps_and_overlaps("residence", "history.residences", rows, data.today, travel)


@check("history.employment-overlap")
def employment_overlaps(data: ReviewInput) -> Iterator[Finding]:
    rows = [(e.start, e.end) for e in data.case.history.employment]
    for finding in _gaps_and_overlaps("employment", "history.employment", rows, data.today):
        if finding.code.endswith("overlap"):  # gaps in work are normal: unemployment, flight
            yield finding


@check("history.belarus-residence-vs-departure")
def residence_matches_departure(data: ReviewInput) -> Iterator[Finding]:
    """The last Belarusian address should end about when the applicant left."""
    left = last_departure(data.case)
    rows = [
        (i, r)
        for i, r in enumerate(data.case.history.residences)
        if r.address.country.lower() == "belarus" and r.end is not None
    ]
    if left is None or not rows:
        return
    i, row = max(rows, key=lambda pair: pair[1].end.sort_key() if pair[1].end else ())
    assert row.end is not None
    if not row.end.earliest - _SLACK * 2 <= left.earliest <= row.end.latest + _SLACK * 2:
        yield Finding(
            "history.belarus-residence-vs-departure",
            Severity.WARNING,
            f"The last Belarusian address ends {row.end}, but the applicant left Belarus {left}",
            "Make the residence history and the departure date agree",
            Location(f"history.residences[{i}].to"),
            (Location("travel.departures"),),
        )


@check("history.work-in-belarus-after-departure")
def work_after_departure(data: ReviewInput) -> Iterator[Finding]:
    left = last_departure(data.case)
    if left is None:
        return
    for i, job in enumerate(data.case.history.employment):
        if "belarus" not in (job.address or "").lower():
            continue
        if job.end is None or job.end.earliest > left.latest + _SLACK:
            yield Finding(
                "history.work-in-belarus-after-departure",
                Severity.WARNING,
                f"Work at {job.employer} continues after the applicant left Belarus ({left})",
                "Give the month the job ended, or explain remote work",
                Location(f"history.employment[{i}].to"),
            )


@check("history.current-address-mismatch")
def current_address(data: ReviewInput) -> Iterator[Finding]:
    home = data.case.applicant.residence
    current = [r for r in data.case.history.residences if r.end is None]
    if home is None or not current or home.street is None:
        return
    index = data.case.history.residences.index(current[0])
    if (current[0].address.street or "").lower() != home.street.lower():
        yield Finding(
            "history.current-address-mismatch",
            Severity.WARNING,
            f"The current residence in the history ({current[0].address.one_line()}) is not the "
            f"applicant's address ({home.one_line()})",
            "Use the same current address in Part A.I item 8 and Part A.III item 2",
            Location(f"history.residences[{index}].address"),
            (Location("applicant.residence"),),
        )
