"""Clocks: the asylum work-permit clock, the annual asylum fee, immigration-court deadlines."""

from __future__ import annotations

from datetime import date, timedelta

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
        return ctx.finding("clock.ead", Status.UNKNOWN, "projected", projected, values=used)
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


RULES = (ead_clock, annual_fee, court_deadline)
