"""Exceptions to the one-year deadline: changed and extraordinary circumstances.

Each asks the attorney the "reasonable period" question (8 CFR 208.4(a)(4)(ii), (a)(5)): the
engine reports how long it has been, never whether that is reasonable.
"""

from __future__ import annotations

from datetime import date

from ..assessment import Finding, Status
from .context import Context

__all__ = ["changed_circumstances", "extraordinary", "lawful_status"]


def _after_arrival(ctx: Context, arrival: date) -> list[tuple[str, date]]:
    """Events and harm to relatives that surely happened after the last arrival."""
    claim = ctx.case.claim
    found = [(f"claim.events[{e.id}]", e.date.earliest) for e in claim.events]
    found += [(f"claim.family_harm[{h.who}]", h.date.earliest) for h in claim.family_harm]
    return sorted((label, day) for label, day in found if day > arrival)


def changed_circumstances(ctx: Context, arrival: date, reference: date) -> Finding | None:
    late = ctx.case.claim.late_filing
    if late is not None and late.changed_circumstances:
        since = late.changed_on.latest if late.changed_on else None
        params = {
            "changes": "; ".join(late.changed_circumstances),
            "changed_on": late.changed_on.text if late.changed_on else "?",
            "days_since": (reference - since).days if since else "?",
            "reference": reference,
        }
        variant = "claimed" if since else "claimed_undated"
        return ctx.finding(
            "deadline.changed_circumstances",
            Status.AT_RISK,
            variant,
            params,
            facts=["claim.late_filing.changed_circumstances", "claim.late_filing.changed_on"],
        )
    later = _after_arrival(ctx, arrival)
    if not later:
        return None
    _label, day = later[-1]
    params = {
        "events": ", ".join(item for item, _ in later),
        "changed_on": day,
        "days_since": (reference - day).days,
    }
    return ctx.finding(
        "deadline.changed_circumstances",
        Status.AT_RISK,
        "suggested",
        params,
        facts=[item for item, _ in later],
    )


def lawful_status(ctx: Context, anniversary: date, reference: date) -> Finding | None:
    late = ctx.case.claim.late_filing
    until = late.lawful_status_until if late else None
    source = "claim.late_filing.lawful_status_until"
    if until is None:
        arrival = ctx.facts.arrival
        if arrival is None or arrival.status_expires is None:
            return None
        until, source = arrival.status_expires, "travel.us_entries[].status_expires"
    if until.latest <= anniversary:
        return None
    params = {
        "until": until.text,
        "days_since": (reference - until.latest).days,
        "reference": reference,
    }
    variant = "after_status" if reference > until.latest else "in_status"
    return ctx.finding("deadline.lawful_status", Status.AT_RISK, variant, params, facts=[source])


def extraordinary(ctx: Context, reference: date) -> Finding | None:
    late = ctx.case.claim.late_filing
    if late is None or not late.extraordinary_circumstances:
        return None
    params = {"reasons": "; ".join(late.extraordinary_circumstances)}
    return ctx.finding(
        "deadline.extraordinary",
        Status.AT_RISK,
        "claimed",
        params,
        facts=["claim.late_filing.extraordinary_circumstances"],
    )
