"""The one-year filing deadline (INA 208(a)(2)(B)) and its exceptions (INA 208(a)(2)(D))."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from prytulak.case import EntryManner

from ..assessment import DatedDeadline, Finding, Status, UsedValue
from ..deadlines import add_years, roll_back, roll_forward
from ..wording import Terms
from .context import Context
from .exceptions import (
    Excuse,
    Reference,
    changed_circumstances,
    extraordinary,
    filing_reference,
    lawful_status,
)

__all__ = ["RULES", "OneYear", "compute_one_year"]

SOON_DAYS = 30
"""Fewer days left than this: flagged as urgent."""


@dataclass(frozen=True)
class OneYear:
    arrival: date
    counted_from: date
    anniversary: date
    last_day: date
    values: tuple[UsedValue, ...]

    @property
    def rolled(self) -> bool:
        return self.last_day != self.anniversary


def compute_one_year(ctx: Context, arrival: date) -> OneYear | None:
    floor = ctx.book.value("one_year.count_from_floor", date.max, ctx.assumed)
    counted_from = arrival
    if floor is not None and arrival < date.fromisoformat(str(floor.value)):
        counted_from = date.fromisoformat(str(floor.value))
    period = ctx.value("one_year.period_years", counted_from)
    if period is None:
        return None
    anniversary = add_years(counted_from, int(period.value))
    roll = ctx.value("one_year.roll_forward", anniversary)
    last_day = roll_forward(anniversary) if roll is not None and roll.value else anniversary
    applied_floor = floor if counted_from != arrival else None
    applied_roll = roll if last_day != anniversary else None
    used = tuple(v for v in (period, applied_floor, applied_roll) if v is not None)
    return OneYear(arrival, counted_from, anniversary, last_day, used)


def _params(ctx: Context, year: OneYear, reference: date) -> dict[str, str | int | date]:
    planned = ctx.case.filing.planned_filing_date
    return {
        "arrival": year.arrival,
        "anniversary": year.anniversary,
        "last_day": year.last_day,
        "days_left": (year.anniversary - reference).days,
        "days_late": (reference - year.last_day).days,
        "filed": reference,
        "day_number": (reference - year.counted_from).days,
        "planned": planned.text if planned else "-",
        "safe_day": roll_back(year.anniversary),
    }


def _planned(ctx: Context) -> list[DatedDeadline]:
    """The planned filing date (while ahead and not filed), for a filing that is not late."""
    planned = ctx.case.filing.planned_filing_date
    if ctx.facts.filed_on is not None or planned is None or planned.latest < ctx.as_of:
        return []
    return [ctx.deadline("planned_filing_on_time", planned.latest, "deadline.one_year", False)]


def _deadlines(ctx: Context, year: OneYear) -> list[DatedDeadline]:
    days = [ctx.deadline("one_year", year.anniversary, "deadline.one_year", False)]
    if year.rolled:
        days.append(ctx.deadline("one_year_rolled", year.last_day, "deadline.one_year", True))
    return days


def _inexact(ctx: Context) -> list[Finding]:
    """An arrival known to the month or approximately: a range of possible last days."""
    arrival = ctx.facts.arrival
    assert arrival is not None
    earliest = compute_one_year(ctx, arrival.date.earliest)
    latest = compute_one_year(ctx, arrival.date.latest)
    if earliest is None or latest is None:
        params: dict[str, object] = {"arrival": arrival.date.text}
        return [ctx.finding("deadline.one_year", Status.UNKNOWN, "no_rule", params)]
    filed = ctx.facts.filed_on
    if arrival.date.approximate:
        return [_approximate(ctx, earliest, latest)]
    if (filed or ctx.as_of) > latest.last_day:
        return _ranged(ctx, _late(ctx, latest), earliest, latest)
    if filed is not None and filed <= earliest.anniversary:
        return [_inexact_finding(ctx, earliest, latest, Status.MET, "inexact_timely")]
    if filed is not None:
        return [_inexact_finding(ctx, earliest, latest, Status.UNKNOWN, "inexact_filed")]
    if ctx.as_of > earliest.anniversary:
        return [_inexact_finding(ctx, earliest, latest, Status.AT_RISK, "inexact_passed")]
    return [_inexact_finding(ctx, earliest, latest, Status.UNKNOWN, "inexact")]


def _ranged(
    ctx: Context, findings: list[Finding], earliest: OneYear, latest: OneYear
) -> list[Finding]:
    """The missed deadline of an arrival known to the month, kept as the range it was."""
    ranged = ctx.deadline(
        "one_year", earliest.anniversary, "deadline.one_year", True, latest.last_day
    )
    return [
        replace(f, deadlines=tuple(_one_range(d, ranged) for d in f.deadlines if d.id != _ROLLED))
        for f in findings
    ]


_ROLLED = "one_year_rolled"  # inside the range already


def _one_range(deadline: DatedDeadline, ranged: DatedDeadline) -> DatedDeadline:
    return ranged if deadline.id == "one_year" else deadline


def _approximate(ctx: Context, earliest: OneYear, latest: OneYear) -> Finding:
    """An approximate arrival ("~2024-03-27"): its bounds are a guess, so nothing is certain."""
    if ctx.facts.filed_on is not None:
        return _inexact_finding(ctx, earliest, latest, Status.UNKNOWN, "approximate_filed")
    if ctx.as_of > earliest.anniversary:
        return _inexact_finding(ctx, earliest, latest, Status.AT_RISK, "approximate_passed")
    return _inexact_finding(ctx, earliest, latest, Status.UNKNOWN, "approximate")


def _inexact_finding(
    ctx: Context, earliest: OneYear, latest: OneYear, status: Status, variant: str
) -> Finding:
    arrival = ctx.facts.arrival
    assert arrival is not None
    params: dict[str, object] = {
        "arrival": arrival.date.text,
        "earliest": earliest.anniversary,
        "latest": latest.last_day,
        "around": _around(earliest, latest),
        "filed": ctx.facts.filed_on or ctx.as_of,
    }
    deadlines = []
    if ctx.facts.filed_on is None:
        deadlines.append(
            ctx.deadline(
                "one_year", earliest.anniversary, "deadline.one_year", True, latest.last_day
            )
        )
    return ctx.finding(
        "deadline.one_year",
        status,
        variant,
        params,
        values=earliest.values,
        facts=["travel.us_entries[].date", "filing.filed_on"],
        deadlines=deadlines,
        resolve="inexact" if status is not Status.MET else "",
    )


def _around(earliest: OneYear, latest: OneYear) -> str:
    first, last = earliest.anniversary.isoformat(), latest.anniversary.isoformat()
    return first if first == last else f"{first} – {last}"


def one_year(ctx: Context) -> list[Finding]:
    child = assess_child(ctx)
    if child is not None and child.state is ChildState.UAC:
        return _unaccompanied(ctx, child)
    arrival = ctx.facts.arrival
    if arrival is None:
        return [ctx.finding("deadline.one_year", Status.UNKNOWN, "no_arrival")]
    if arrival.date.exact is None:
        return [*_inexact(ctx), *_minor(ctx, child)]
    year = compute_one_year(ctx, arrival.date.exact)
    if year is None:
        return [ctx.finding("deadline.one_year", Status.UNKNOWN, "no_rule")]
    filed = ctx.facts.filed_on
    reference = filed or ctx.as_of
    status, variant = _status(ctx, year, filed, reference)
    if status is Status.NOT_MET:
        return _late(ctx, year)
    main = ctx.finding(
        "deadline.one_year",
        status,
        variant,
        _params(ctx, year, reference),
        values=year.values,
        facts=["travel.us_entries[].date", "filing.filed_on"],
        deadlines=[*_deadlines(ctx, year), *_planned(ctx)] if filed is None else [],
    )
    return [main, *_minor(ctx, child)]


def _status(ctx: Context, year: OneYear, filed: date | None, reference: date) -> tuple[Status, str]:
    if reference <= year.anniversary:
        if filed is not None:
            return Status.MET, "filed_timely"
        planned = ctx.case.filing.planned_filing_date
        if planned is not None and planned.latest > year.anniversary:
            return Status.AT_RISK, "planned_late"
        if (year.anniversary - reference).days < SOON_DAYS:
            return Status.AT_RISK, "soon"
        return Status.MET, "open_weekend" if year.rolled else "open"
    if reference <= year.last_day:
        return Status.AT_RISK, "filed_rolled" if filed else "rolled_open"
    return Status.NOT_MET, "late"


def _late(ctx: Context, year: OneYear) -> list[Finding]:
    """Filed (or to be filed) after the last day: blocking unless an exception is claimed.

    A claimed exception makes it a question for the attorney (at risk); an exception only
    suggested by the file, or one that cannot apply, leaves the deadline blocking.
    """
    reference = filing_reference(ctx)
    excuses = _exceptions(ctx, year, reference)
    claimed = [e.name for e in excuses if e.claimed]
    params = _params(ctx, year, reference.day) | reference.params()
    child = assess_child(ctx)
    if child is not None and child.state in QUESTIONS:
        status, variant = Status.AT_RISK, "late_child"
    elif claimed:
        status, variant = Status.AT_RISK, "late_exception"
        params["exceptions"] = Terms.of("exception", claimed)
    else:
        status, variant = Status.NOT_MET, "late_unclaimed" if excuses else "late"
    main = ctx.finding(
        "deadline.one_year",
        status,
        variant,
        params,
        values=year.values,
        facts=["travel.us_entries[].date", "filing.filed_on", "claim.late_filing"],
        deadlines=_late_deadlines(ctx, year, reference),
    )
    return [main, *(e.finding for e in excuses), *_minor(ctx, child)]


def _late_deadlines(ctx: Context, year: OneYear, reference: Reference) -> list[DatedDeadline]:
    """The past last day for the record and, when a filing date is planned, a reminder of it."""
    if ctx.facts.filed_on is not None:
        return []
    days = _deadlines(ctx, year)
    if reference.kind == "planned":
        days.append(ctx.deadline("planned_filing", reference.day, "deadline.one_year", False))
    return days


def _exceptions(ctx: Context, year: OneYear, reference: Reference) -> list[Excuse]:
    found = [
        changed_circumstances(ctx, reference),
        lawful_status(ctx, year.anniversary, reference),
        extraordinary(ctx),
    ]
    return [f for f in found if f is not None]


class ChildState(StrEnum):
    """What the applicant's age and care say about the one-year deadline (``deadline.minor``)."""

    UAC = "uac"
    """Under 18 on the filing day, no lawful status, no parent or legal guardian in the US."""
    ASK_GUARDIAN = "ask_guardian"
    """Under 18 (or may be) on the filing day; whether a parent or guardian is here is not asked."""
    UAC_AGE = "uac_age"
    """No parent or guardian here, but the birth date leaves open whether 18 is reached first."""
    UAC_STATUS = "uac_status"
    """No parent or guardian here, but lawful status on the filing day is held or not known."""
    ACCOMPANIED = "accompanied"
    """Under 18 with a parent or legal guardian in the US: minority may be an excuse only."""
    MINOR_AT_ARRIVAL = "minor"
    """Under 18 at the last arrival, 18 by the filing day: no longer a child for TVPRA."""


QUESTIONS = frozenset({ChildState.ASK_GUARDIAN, ChildState.UAC_AGE, ChildState.UAC_STATUS})
"""Open questions that decide whether the deadline applies at all: a late filing is at risk."""


@dataclass(frozen=True)
class Child:
    state: ChildState
    reference: Reference
    turns_adult: date
    """The earliest possible day the applicant reaches the age limit (18th birthday)."""
    turns_adult_latest: date
    values: tuple[UsedValue, ...]


def assess_child(ctx: Context) -> Child | None:
    """Whether the applicant is a child for the one-year deadline, on the filing reference day.

    The age is judged on the day the I-589 is (or will be) filed: the filing date, else the
    planned date while it is ahead, else today (Matter of M-A-C-O-). A birth date known only to
    the month or year gives the earliest and latest possible 18th birthdays.
    """
    birth = ctx.case.applicant.birth
    if birth is None:
        return None
    reference = filing_reference(ctx)
    age = ctx.value("uac.age_limit_years", reference.day)
    if age is None:
        return None
    adult_from = add_years(birth.date.earliest, int(age.value))
    adult_latest = add_years(birth.date.latest, int(age.value))
    arrival = ctx.facts.arrival
    minor_at_arrival = arrival is not None and arrival.date.earliest < adult_latest
    if reference.day >= adult_latest:
        if not minor_at_arrival:
            return None
        return Child(ChildState.MINOR_AT_ARRIVAL, reference, adult_from, adult_latest, (age,))
    exempt = ctx.value("one_year.uac_exempt", reference.day)
    used = tuple(v for v in (age, exempt) if v is not None)
    guardian = ctx.case.applicant.parent_or_legal_guardian_in_us
    if guardian is None:
        state = ChildState.ASK_GUARDIAN
    elif guardian or exempt is None or not exempt.value:
        state = ChildState.ACCOMPANIED
    elif reference.day >= adult_from:
        state = ChildState.UAC_AGE
    elif _lawful_status_on(ctx, reference.day) is not False:
        state = ChildState.UAC_STATUS
    else:
        state = ChildState.UAC
    return Child(state, reference, adult_from, adult_latest, used)


def _lawful_status_on(ctx: Context, day: date) -> bool | None:
    """Lawful status on ``day`` from the last entry: False (none), True (held), None (unknown)."""
    entry = ctx.facts.arrival
    if entry is None:
        return None
    if entry.manner is EntryManner.WITHOUT_INSPECTION:
        return False
    late = ctx.case.claim.late_filing
    until = (late.lawful_status_until if late else None) or entry.status_expires
    if until is None:
        return None
    if until.latest < day:
        return False
    return True if until.earliest >= day else None


def _child_params(child: Child) -> dict[str, object]:
    return {
        "reference": child.reference.day,
        "reference_kind": Terms.of("when", [child.reference.kind]),
        "adult_day": child.turns_adult,
        "last_child_day": child.turns_adult - timedelta(days=1),
    }


def _age_out(ctx: Context, child: Child) -> list[DatedDeadline]:
    """The last day to file as a child, while the I-589 is not filed yet."""
    if ctx.facts.filed_on is not None:
        return []
    last = child.turns_adult - timedelta(days=1)
    return [ctx.deadline("uac_age_out", last, "deadline.minor", False)]


def _unaccompanied(ctx: Context, child: Child) -> list[Finding]:
    params = _child_params(child)
    facts = ["applicant.birth.date", "applicant.parent_or_legal_guardian_in_us"]
    return [
        ctx.finding(
            "deadline.one_year",
            Status.MET,
            "uac",
            params,
            values=child.values,
            facts=facts,
            deadlines=_planned(ctx),
        ),
        ctx.finding(
            "deadline.minor",
            Status.MET,
            "uac",
            params,
            values=child.values,
            facts=facts,
            deadlines=_age_out(ctx, child),
        ),
    ]


def _minor(ctx: Context, child: Child | None) -> list[Finding]:
    if child is None:
        return []
    params = _child_params(child)
    arrival = ctx.facts.arrival
    params["arrival"] = arrival.date.text if arrival is not None else "-"
    facts = ["applicant.birth.date", "applicant.parent_or_legal_guardian_in_us"]
    deadlines = _age_out(ctx, child) if child.state in QUESTIONS else []
    return [
        ctx.finding(
            "deadline.minor",
            Status.AT_RISK,
            child.state.value,
            params,
            values=child.values,
            facts=facts,
            deadlines=deadlines,
        )
    ]


RULES = (one_year,)
