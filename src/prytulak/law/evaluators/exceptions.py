"""Exceptions to the one-year deadline: changed and extraordinary circumstances, lawful status.

Each asks the attorney the "reasonable period" question (8 CFR 208.4(a)(4)(ii), (a)(5)): the
engine reports how long it has been, never whether that is reasonable; past a screening
threshold (six months, ``one_year.reasonable_period_review_months``) it says the delay needs
explaining.

Only an exception claimed in ``claim.late_filing`` (and not plainly inapplicable) can make a late
filing a question for the attorney. Facts that merely suggest one (events after the arrival, a
status end date on the entry record) are shown as leads; the deadline stays blocking until the
exception is claimed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prytulak.case import PartialDate

from ..assessment import Finding, Status, UsedValue
from ..deadlines import add_months
from ..wording import Terms
from .context import Context

__all__ = [
    "Excuse",
    "Reference",
    "changed_circumstances",
    "extraordinary",
    "filing_reference",
    "lawful_status",
]


@dataclass(frozen=True)
class Reference:
    """The day a delay is measured to: the filing date, else the planned date, else today."""

    day: date
    kind: str
    """``filed``, ``planned`` or ``today`` (term ``when.<kind>``)."""

    def params(self) -> dict[str, object]:
        return {"reference": self.day, "reference_kind": Terms.of("when", [self.kind])}


def filing_reference(ctx: Context) -> Reference:
    """When the I-589 was or will be filed: a planned date counts only while it is ahead."""
    if ctx.facts.filed_on is not None:
        return Reference(ctx.facts.filed_on, "filed")
    planned = ctx.case.filing.planned_filing_date
    if planned is not None and planned.latest > ctx.as_of:
        return Reference(planned.latest, "planned")
    return Reference(ctx.as_of, "today")


@dataclass(frozen=True)
class Excuse:
    """An exception finding, and whether it is claimed (so the late filing is a question)."""

    finding: Finding
    claimed: bool
    name: str
    """Term key under ``exception.``."""


def _arrival(ctx: Context) -> PartialDate:
    arrival = ctx.facts.arrival
    assert arrival is not None
    return arrival.date


def _after_arrival(ctx: Context) -> list[tuple[str, date]]:
    """Events and harm to relatives that surely happened after the last arrival."""
    arrival = _arrival(ctx).latest
    claim = ctx.case.claim
    found = [(f"claim.events[{e.id}]", e.date.earliest) for e in claim.events]
    found += [(f"claim.family_harm[{h.who}]", h.date.earliest) for h in claim.family_harm]
    return sorted((label, day) for label, day in found if day > arrival)


def changed_circumstances(ctx: Context, reference: Reference) -> Excuse | None:
    late = ctx.case.claim.late_filing
    if late is not None and late.changed_circumstances:
        return _claimed_change(ctx, reference)
    later = _after_arrival(ctx)
    if not later:
        return None
    day = max(day for _label, day in later)
    params = {
        "events": ", ".join(item for item, _ in later),
        "changed_on": day,
        "days_since": (reference.day - day).days,
        **reference.params(),
    }
    finding = ctx.finding(
        "deadline.changed_circumstances",
        Status.AT_RISK,
        "suggested",
        params,
        facts=[item for item, _ in later],
    )
    return Excuse(finding, claimed=False, name="changed_circumstances")


def _claimed_change(ctx: Context, reference: Reference) -> Excuse:
    late = ctx.case.claim.late_filing
    assert late is not None
    changed_on = late.changed_on
    arrival = _arrival(ctx)
    params: dict[str, object] = {
        "changes": "; ".join(late.changed_circumstances),
        "changed_on": changed_on.text if changed_on else "?",
        "arrival": arrival.text,
        **reference.params(),
    }
    facts = ["claim.late_filing.changed_circumstances", "claim.late_filing.changed_on"]
    if changed_on is None:
        finding = ctx.finding(
            "deadline.changed_circumstances", Status.AT_RISK, "claimed_undated", params, facts=facts
        )
        return Excuse(finding, claimed=True, name="changed_circumstances")
    if changed_on.latest <= arrival.earliest:
        later = _after_arrival(ctx)
        params["events"] = ", ".join(item for item, _ in later)
        variant = "before_arrival_later" if later else "before_arrival"
        finding = ctx.finding(
            "deadline.changed_circumstances",
            Status.NOT_MET,
            variant,
            params,
            facts=[*facts, "travel.us_entries[].date"],
        )
        return Excuse(finding, claimed=False, name="changed_circumstances")
    params["days_since"] = (reference.day - changed_on.latest).days
    threshold = _long_delay(ctx, changed_on.latest, reference.day)
    variant = "claimed_long" if threshold is not None else "claimed"
    if threshold is not None:
        params["months"] = threshold.value
    finding = ctx.finding(
        "deadline.changed_circumstances",
        Status.AT_RISK,
        variant,
        params,
        facts=facts,
        values=[threshold] if threshold is not None else [],
    )
    return Excuse(finding, claimed=True, name="changed_circumstances")


def _long_delay(ctx: Context, start: date, end: date) -> UsedValue | None:
    """The screening threshold when the delay from ``start`` to ``end`` exceeds it."""
    threshold = ctx.value("one_year.reasonable_period_review_months", start)
    if threshold is None or add_months(start, int(threshold.value)) >= end:
        return None
    return threshold


def lawful_status(ctx: Context, anniversary: date, reference: Reference) -> Excuse | None:
    late = ctx.case.claim.late_filing
    until = late.lawful_status_until if late else None
    source = "claim.late_filing.lawful_status_until"
    claimed = until is not None
    if until is None:
        arrival = ctx.facts.arrival
        if arrival is None or arrival.status_expires is None:
            return None
        until, source = arrival.status_expires, "travel.us_entries[].status_expires"
    if until.latest <= anniversary:
        return None
    params = {
        "until": until.text,
        "days_since": (reference.day - until.latest).days,
        **reference.params(),
    }
    threshold = _long_delay(ctx, until.latest, reference.day) if claimed else None
    if not claimed:
        variant = "suggested"
    elif threshold is not None:
        variant, params["months"] = "after_status_long", threshold.value
    else:
        variant = "after_status" if reference.day > until.latest else "in_status"
    finding = ctx.finding(
        "deadline.lawful_status",
        Status.AT_RISK,
        variant,
        params,
        facts=[source],
        values=[threshold] if threshold is not None else [],
    )
    return Excuse(finding, claimed=claimed, name="lawful_status")


def extraordinary(ctx: Context) -> Excuse | None:
    late = ctx.case.claim.late_filing
    if late is None or not late.extraordinary_circumstances:
        return None
    params = {"reasons": "; ".join(late.extraordinary_circumstances)}
    finding = ctx.finding(
        "deadline.extraordinary",
        Status.AT_RISK,
        "claimed",
        params,
        facts=["claim.late_filing.extraordinary_circumstances"],
    )
    return Excuse(finding, claimed=True, name="extraordinary")
