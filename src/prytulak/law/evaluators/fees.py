"""Fees and the form edition, each taken on the date that decides it (postmark or filing)."""

from __future__ import annotations

from datetime import date, timedelta

from ..assessment import Finding, Status
from .context import Context

__all__ = ["RULES"]


def _filing_day(ctx: Context) -> tuple[date, str]:
    filing = ctx.case.filing
    if ctx.facts.filed_on is not None:
        return ctx.facts.filed_on, "filed"
    planned = filing.planned_filing_date.exact if filing.planned_filing_date else None
    if planned is not None and planned >= ctx.as_of:
        return planned, "planned"
    return ctx.as_of, "today"


def i589_fee(ctx: Context) -> Finding:
    day, basis = _filing_day(ctx)
    fee = ctx.value("fee.i589", day)
    if fee is None:
        return ctx.finding("fee.i589", Status.UNKNOWN, "no_rule", {"day": day})
    params = {"day": day, "amount": fee.value, "basis": basis}
    return ctx.finding("fee.i589", Status.MET, basis, params, values=[fee])


def ead_fee(ctx: Context) -> Finding:
    day, _basis = _filing_day(ctx)
    wait = ctx.value("ead.application_wait_days", day)
    on = max(day + timedelta(days=int(wait.value)) if wait else day, ctx.as_of)
    initial = ctx.value("fee.ead_initial", on)
    renewal = ctx.value("fee.ead_renewal", on)
    if initial is None:
        return ctx.finding("fee.ead", Status.UNKNOWN, "no_rule", {"day": on})
    params = {
        "day": on,
        "initial": initial.value,
        "renewal": renewal.value if renewal else "?",
    }
    validity = ctx.value("ead.validity_months", on)
    return ctx.finding(
        "fee.ead", Status.MET, "amounts", params, values=[initial, renewal, validity]
    )


def form_edition(ctx: Context) -> Finding:
    day, _basis = _filing_day(ctx)
    edition = ctx.value("form.i589_edition", day)
    if edition is None:
        return ctx.finding("form.i589_edition", Status.UNKNOWN, "no_rule", {"day": day})
    params = {"day": day, "edition": str(edition.value)}
    return ctx.finding("form.i589_edition", Status.MET, "edition", params, values=[edition])


RULES = (i589_fee, ead_fee, form_edition)
