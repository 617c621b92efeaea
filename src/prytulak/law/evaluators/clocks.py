"""Clocks: the asylum work-permit clock, the annual asylum fee, immigration-court deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from prytulak.case import Child, MaritalStatus

from ..assessment import DatedDeadline, Finding, Status, UsedValue
from ..deadlines import add_years, roll_back
from .context import Context

__all__ = ["RULES"]

URGENT_DAYS = 7


def _ead_dates(ctx: Context, start: date) -> tuple[date, date, list[UsedValue]] | None:
    wait = ctx.value("ead.application_wait_days", start)
    grant = ctx.value("ead.earliest_grant_days", start)
    if wait is None or grant is None:
        return None
    stops = ctx.case.filing.clock_stopping_days
    day150 = start + timedelta(days=int(wait.value) + stops)
    # A permit cannot be granted before the I-765 can be filed (e.g. under a 365-day wait).
    day180 = max(start + timedelta(days=int(grant.value) + stops), day150)
    return day150, day180, [wait, grant]


def ead_clock(ctx: Context) -> Finding:
    filing = ctx.case.filing
    filed = ctx.facts.filed_on
    if filed is None:
        if filing.filed_on is not None:
            return ctx.finding("clock.ead", Status.UNKNOWN, "inexact")
        planned = filing.planned_filing_date.exact if filing.planned_filing_date else None
        dates = _ead_dates(ctx, planned) if planned else None
        if planned is None or dates is None:
            return ctx.finding("clock.ead", Status.UNKNOWN, "not_filed")
        day150, day180, used = dates
        projected = {"planned": planned, "day150": day150, "day180": day180}
        # Not filed yet: the dates are projected from the planned filing date, and say so.
        deadlines = [
            ctx.deadline("ead_150_projected", day150, "clock.ead", False),
            ctx.deadline("ead_180_projected", day180, "clock.ead", False),
        ]
        return ctx.finding(
            "clock.ead",
            Status.UNKNOWN,
            "projected",
            projected,
            values=used,
            facts=["filing.planned_filing_date"],
            deadlines=deadlines,
        )
    dates = _ead_dates(ctx, filed)
    if dates is None:
        return ctx.finding("clock.ead", Status.UNKNOWN, "no_rule")
    day150, day180, used = dates
    params: dict[str, object] = {
        "filed": filed,
        "day150": day150,
        "day180": day180,
        "stops": filing.clock_stopping_days,
        "days_left": (day150 - ctx.as_of).days,
    }
    deadlines = [
        ctx.deadline("ead_150", day150, "clock.ead", False),
        ctx.deadline("ead_180", day180, "clock.ead", False),
    ]
    if filing.ead_filed_on is not None:
        variant, status = "ead_filed", Status.MET
    elif ctx.as_of >= day150:
        variant, status = "can_file", Status.MET
    else:
        variant, status = "waiting", Status.NOT_MET
    facts = ["filing.filed_on", "filing.clock_stopping_days"]
    return ctx.finding(
        "clock.ead", status, variant, params, values=used, facts=facts, deadlines=deadlines
    )


def annual_fee(ctx: Context) -> Finding | None:
    filed = ctx.facts.filed_on
    if filed is None:
        return None
    threshold = ctx.value("aaf.filed_after", ctx.as_of)
    if threshold is None:
        return None
    if filed <= date.fromisoformat(str(threshold.value)):
        return ctx.finding(
            "clock.annual_fee", Status.MET, "exempt", {"filed": filed}, values=[threshold]
        )
    years = 1
    while add_years(filed, years) < ctx.as_of:
        years += 1
    next_due = add_years(filed, years)
    amount = ctx.value("fee.annual_asylum", next_due)
    params = {"filed": filed, "next_due": next_due, "amount": amount.value if amount else "?"}
    deadline = ctx.deadline("annual_fee", next_due, "clock.annual_fee", False)
    variant = "recurring" if years > 1 else "first"
    status = Status.AT_RISK if years > 1 else Status.MET
    return ctx.finding(
        "clock.annual_fee",
        status,
        variant,
        params,
        values=[threshold, amount, ctx.value("aaf.payment_window_days", next_due)],
        deadlines=[deadline],
    )


def court_deadline(ctx: Context) -> Finding | None:
    court = ctx.case.travel.court
    if court.next_hearing is None:
        return None
    hearing = court.next_hearing.exact
    if court.detained:
        return ctx.finding(
            "deadline.court_filing", Status.UNKNOWN, "detained", deadlines=_hearing(ctx, hearing)
        )
    if hearing is None:
        return ctx.finding("deadline.court_filing", Status.UNKNOWN, "inexact")
    days = ctx.value("court.filing_days_before_hearing", hearing)
    if days is None:
        return ctx.finding("deadline.court_filing", Status.UNKNOWN, "no_rule")
    roll = ctx.value("court.roll_back", hearing)
    due = hearing - timedelta(days=int(days.value))
    due = roll_back(due) if roll is not None and roll.value else due
    params = {
        "hearing": hearing,
        "due": due,
        "days": int(days.value),
        "days_left": (due - ctx.as_of).days,
        "kind": court.hearing_kind or "?",
    }
    if ctx.as_of > due:
        status, variant = Status.NOT_MET, "passed"
    elif (due - ctx.as_of).days < URGENT_DAYS:
        status, variant = Status.AT_RISK, "soon"
    else:
        status, variant = Status.MET, "open"
    deadline = DatedDeadline(
        "court_filing",
        due,
        dict(ctx.book.term("deadline.court_filing")),
        "deadline.court_filing",
        False,
    )
    return ctx.finding(
        "deadline.court_filing",
        status,
        variant,
        params,
        values=[days, roll],
        facts=["travel.court.next_hearing"],
        deadlines=[deadline, *_hearing(ctx, hearing)],
    )


def _hearing(ctx: Context, hearing: date | None) -> list[DatedDeadline]:
    """The hearing day itself, for the calendar (the filing cutoff is a separate event)."""
    if hearing is None:
        return []
    return [ctx.deadline("court_hearing", hearing, "deadline.court_filing", False)]


def _derivative_children(ctx: Context) -> list[Child]:
    return [
        c
        for c in ctx.case.family.children
        if c.include_in_application and c.marital_status is not MaritalStatus.MARRIED
    ]


def child_age_out(ctx: Context) -> Finding | None:
    """A child included in the application is a derivative only if under 21 on the filing day.

    CSPA (INA 208(b)(3)(B)) fixes the child's age on the day the parent files the I-589; a child
    who turns 21 before then ages out. Each included, unmarried child whose 21st birthday falls
    within a year of today or of the planned filing date gets a dated "file before" event.
    """
    children = _derivative_children(ctx)
    if not children:
        return None
    filed = ctx.facts.filed_on
    planned_date = ctx.case.filing.planned_filing_date
    planned = planned_date.latest if planned_date else None
    on = filed or planned or ctx.as_of
    limit = ctx.value("cspa.derivative_age_limit_years", on)
    if limit is None:
        return None
    horizon = add_years(max(ctx.as_of, planned or ctx.as_of), 1)
    soon: list[tuple[Child, date]] = []
    late: list[Child] = []
    for child in children:
        turns = add_years(child.birth.date.earliest, int(limit.value))
        if filed is not None:
            if filed >= turns:
                late.append(child)
            continue
        if turns <= ctx.as_of or (planned is not None and planned >= turns):
            late.append(child)
        elif turns <= horizon:
            soon.append((child, turns))
    if not soon and not late:
        return None
    params: dict[str, object] = {
        "soon": "; ".join(
            f"{_child_name(c)}: {(t - timedelta(days=1)).isoformat()}" for c, t in soon
        )
        or "-",
        "late": ", ".join(_child_name(c) for c in late) or "-",
        "planned": planned_date.text if planned_date else "-",
    }
    deadlines = [
        ctx.deadline("child_age_out", t - timedelta(days=1), "deadline.child_age_out", False)
        for _c, t in soon
    ]
    variant = "late" if late else "soon"
    if not late and planned is None:
        variant = "soon_unplanned"
    # A plan that files before every 21st birthday is on track; the date stays in the calendar.
    status = Status.MET if variant == "soon" else Status.AT_RISK
    return ctx.finding(
        "deadline.child_age_out",
        status,
        variant,
        params,
        values=[limit],
        facts=["family.children[].birth.date", "filing.planned_filing_date"],
        deadlines=deadlines,
    )


def _child_name(child: Child) -> str:
    return f"{child.name.given} {child.name.family} ({child.birth.date.text})"


RULES = (ead_clock, annual_fee, court_deadline, child_age_out)
