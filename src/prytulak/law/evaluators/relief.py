"""Protection beyond asylum, in the same pass: withholding of removal and the Torture Convention."""

from __future__ import annotations

from prytulak.case import HarmType

from ..assessment import Finding, Status
from .context import Context

__all__ = ["RULES"]

WITHHOLDING_BARS = (
    "bar.persecutor",
    "bar.serious_crime",
    "bar.nonpolitical_crime",
    "bar.terrorism",
    "bar.security",
)
ASYLUM_ONLY_BARS = ("deadline.one_year", "bar.firm_resettlement")
TORTURE_SIGNS = frozenset({HarmType.TORTURE, HarmType.BEATING, HarmType.SEXUAL_VIOLENCE})


def _statuses(ctx: Context, ids: tuple[str, ...]) -> list[Status]:
    return [s for s in (ctx.status_of(i) for i in ids) if s is not None]


def withholding(ctx: Context) -> Finding:
    bar_states = _statuses(ctx, WITHHOLDING_BARS)
    if Status.NOT_MET in bar_states:
        return ctx.finding("relief.withholding", Status.NOT_MET, "barred")
    if Status.AT_RISK in bar_states:
        return ctx.finding("relief.withholding", Status.AT_RISK, "bars_to_check")
    if Status.NOT_MET in _statuses(ctx, ASYLUM_ONLY_BARS):
        return ctx.finding("relief.withholding", Status.MET, "remains")
    return ctx.finding("relief.withholding", Status.MET, "available")


def torture_convention(ctx: Context) -> Finding:
    claim = ctx.case.claim
    feared = any(f.torture for f in claim.fears)
    harmed = [
        h.event.id
        for h in ctx.facts.harm_events
        if h.by_state and TORTURE_SIGNS & set(h.event.harms)
    ]
    params = {"events": ", ".join(harmed)}
    facts = ["claim.fears[].torture", "claim.apply_for_cat"]
    if not claim.apply_for_cat:
        return ctx.finding("relief.cat", Status.AT_RISK, "not_requested", params, facts=facts)
    if not feared and not harmed:
        return ctx.finding("relief.cat", Status.AT_RISK, "weak", params, facts=facts)
    barred = Status.NOT_MET in _statuses(ctx, WITHHOLDING_BARS)
    variant = "deferral" if barred else "available"
    shown = variant if harmed else f"{variant}_feared"
    return ctx.finding("relief.cat", Status.MET, shown, params, facts=facts, resolve=variant)


RULES = (withholding, torture_convention)
