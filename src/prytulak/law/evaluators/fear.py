"""Well-founded fear and its presumption, internal relocation, sur place, humanitarian asylum."""

from __future__ import annotations

from prytulak.case import HarmType

from ..assessment import Finding, Status
from ..facts import PROTECTED_GROUNDS
from .context import Context

__all__ = ["RULES"]

CRIMINAL_PROCESS = frozenset({HarmType.PROSECUTION, HarmType.CONVICTION})


def _feared_actors_state(ctx: Context) -> bool:
    claim = ctx.case.claim
    feared = [claim.actor(i) for f in claim.fears for i in f.from_whom]
    acted = [a for h in ctx.facts.harm_events for a in h.actors]
    return any(a is not None and a.is_state for a in [*feared, *acted])


def well_founded_fear(ctx: Context) -> Finding:
    past = ctx.status_of("refugee.past_persecution")
    if past is Status.MET:
        return ctx.finding("refugee.well_founded_fear", Status.MET, "presumed")
    prosecuted = [
        h for h in ctx.facts.harm_events if h.by_state and CRIMINAL_PROCESS & set(h.event.harms)
    ]
    if prosecuted:
        events = ", ".join(h.event.id for h in prosecuted)
        return ctx.finding(
            "refugee.well_founded_fear", Status.MET, "prosecution", {"events": events}
        )
    fears = ctx.case.claim.fears
    if not fears:
        return ctx.finding("refugee.well_founded_fear", Status.UNKNOWN, "none")
    grounded = [f for f in fears if set(f.grounds) & PROTECTED_GROUNDS]
    variant = "fears" if grounded else "no_ground"
    return ctx.finding("refugee.well_founded_fear", Status.AT_RISK, variant, {"count": len(fears)})


def internal_relocation(ctx: Context) -> Finding:
    if _feared_actors_state(ctx):
        return ctx.finding("refugee.internal_relocation", Status.MET, "state")
    if ctx.status_of("refugee.past_persecution") is Status.MET:
        return ctx.finding("refugee.internal_relocation", Status.MET, "past")
    if ctx.case.claim.relocation:
        return ctx.finding("refugee.internal_relocation", Status.AT_RISK, "private_explained")
    return ctx.finding("refugee.internal_relocation", Status.UNKNOWN, "private_unexplained")


def sur_place(ctx: Context) -> Finding | None:
    activities = ctx.case.claim.activities_abroad
    if not activities:
        return None
    public = [a for a in activities if a.public]
    variant = "public" if public else "private"
    status = Status.MET if public else Status.AT_RISK
    return ctx.finding(
        "refugee.sur_place",
        status,
        variant,
        {"count": len(activities)},
        facts=["claim.activities_abroad"],
    )


def humanitarian(ctx: Context) -> Finding | None:
    if ctx.status_of("refugee.past_persecution") is not Status.MET:
        return None
    severe = [h for h in ctx.facts.past_harm if h.severe or h.event.medical_treatment]
    variant = "severe" if severe else "possible"
    events = ", ".join(h.event.id for h in severe) or "-"
    return ctx.finding("refugee.humanitarian", Status.AT_RISK, variant, {"events": events})


RULES = (well_founded_fear, internal_relocation, sur_place, humanitarian)
