"""The refugee definition: protected ground, social group, persecutor, past harm, nexus."""

from __future__ import annotations

from prytulak.case import Ground

from ..assessment import Finding, Status
from ..deadlines import add_years
from ..facts import PROTECTED_GROUNDS, HarmEvent, political_charge
from ..wording import Labelled, Terms
from .context import Context

__all__ = ["RULES"]

SEVERE_EVENT_POINTS = 3
"""An event this heavy (e.g. detention with a beating) is screened as likely persecution."""
CUMULATIVE_POINTS = 3
"""Harms across events that together reach this are flagged for the cumulative analysis."""
CHILD_AGE = 18
"""Under this age at a harmful event, the applicant's claim is read as a child's claim."""


def protected_ground(ctx: Context) -> Finding:
    grounds = sorted(g.value for g in ctx.facts.grounds & PROTECTED_GROUNDS)
    if not grounds:
        variant = "only_cat" if Ground.TORTURE_CONVENTION in ctx.facts.grounds else "none"
        status = Status.NOT_MET if variant == "only_cat" else Status.UNKNOWN
        return ctx.finding("refugee.protected_ground", status, variant, facts=["claim.grounds"])
    political = Ground.POLITICAL_OPINION.value in grounds
    return ctx.finding(
        "refugee.protected_ground",
        Status.MET,
        "political" if political else "met",
        {"grounds": Terms.of("ground", grounds)},
        facts=["claim.grounds", "claim.events[].grounds"],
    )


def social_group(ctx: Context) -> Finding | None:
    if Ground.PARTICULAR_SOCIAL_GROUP not in ctx.facts.grounds:
        return None
    groups = ctx.case.claim.social_groups
    if not groups:
        return ctx.finding("refugee.social_group", Status.UNKNOWN, "undefined")
    table = ctx.book.table("social_groups")
    for text in groups:
        for entry in table.entries:
            if entry.matches_text(text):
                status = Status.MET if entry.outcome == "recognized" else Status.AT_RISK
                return ctx.finding(
                    "refugee.social_group",
                    status,
                    entry.outcome,
                    {"group": text, "precedent": entry.citation},
                    values=[ctx.table_value(table, entry, ctx.as_of)],
                    facts=["claim.social_groups"],
                )
    return ctx.finding(
        "refugee.social_group",
        Status.AT_RISK,
        "arguable",
        {"group": groups[0], "precedent": table.citation},
        facts=["claim.social_groups"],
    )


def persecutor(ctx: Context) -> Finding:
    acting = {a.id: a for h in ctx.facts.harm_events for a in h.actors}
    feared = {
        a.id: a
        for f in ctx.case.claim.fears
        for a in (ctx.case.claim.actor(i) for i in f.from_whom)
        if a is not None
    }
    everyone = {**acting, **feared}
    if not everyone:
        return ctx.finding("refugee.persecutor", Status.UNKNOWN, "none")
    state = sorted({a.kind.value for a in everyone.values() if a.is_state})
    if state:
        return ctx.finding(
            "refugee.persecutor",
            Status.MET,
            "state",
            {"actors": Terms.of("actor", state)},
            facts=["claim.actors[].kind"],
        )
    private = sorted({a.kind.value for a in everyone.values()})
    return ctx.finding(
        "refugee.persecutor",
        Status.AT_RISK,
        "private",
        {"actors": Terms.of("actor", private)},
        facts=["claim.actors[].kind"],
    )


def past_persecution(ctx: Context) -> Finding:
    """Judged on harm before the last departure; later harm is noted as future risk."""
    if not ctx.facts.harm_events:
        return ctx.finding("refugee.past_persecution", Status.UNKNOWN, "none")
    harmed = [h for h in ctx.facts.past_harm if h.points > 0 or h.severe]
    later = ctx.facts.later_harm
    params = _later_params(ctx)
    if not harmed and later:
        facts = [f"claim.events[{h.event.id}]" for h in later] + ["travel.departures"]
        return ctx.finding(
            "refugee.past_persecution", Status.NOT_MET, "only_later", params, facts=facts
        )
    table = ctx.book.table("harms")
    used = [
        ctx.table_value(table, entry, ctx.as_of)
        for entry in table.entries
        if any(entry.key in (x.value for x in h.event.harms) for h in harmed)
    ]
    heavy = [h for h in harmed if h.severe or h.points >= SEVERE_EVENT_POINTS]
    params |= {
        "events": ", ".join(f"{h.event.id} ({h.event.date})" for h in (heavy or harmed)) or "-",
        "count": len(harmed),
    }
    facts = [f"claim.events[{h.event.id}]" for h in ctx.facts.harm_events]
    if heavy:
        status, variant = Status.MET, "likely"
    elif ctx.facts.total_points >= CUMULATIVE_POINTS or any(h.serious for h in harmed):
        status, variant = Status.AT_RISK, "cumulative"
    elif _child_with_family_harm(ctx):
        status, variant = Status.AT_RISK, "below_child"
        params["family"] = "; ".join(f"{h.who} ({h.date})" for h in ctx.case.claim.family_harm)
    else:
        status, variant = Status.NOT_MET, "below"
    return ctx.finding(
        "refugee.past_persecution",
        status,
        f"{variant}_later" if later else variant,
        params,
        values=used,
        facts=[*facts, "travel.departures"] if later else facts,
        resolve=variant,
    )


def _child_with_family_harm(ctx: Context) -> bool:
    """A child (under 18 at some harmful event) whose close family was harmed too."""
    birth = ctx.case.applicant.birth
    if birth is None or not ctx.case.claim.family_harm:
        return False
    adult = add_years(birth.date.latest, CHILD_AGE)
    return any(h.event.date.earliest < adult for h in ctx.facts.past_harm)


def _later_params(ctx: Context) -> dict[str, object]:
    later = ctx.facts.later_harm
    departure = ctx.facts.departure
    return {
        "later": ", ".join(f"{h.event.id} ({h.event.date})" for h in later),
        "departure": departure.text if departure else "?",
    }


def _with_grounds(events: list[HarmEvent]) -> Labelled:
    return Labelled(
        tuple(
            (
                f"{h.event.id}, {h.event.date}",
                Terms.of("ground", sorted(g.value for g in h.grounds)),
            )
            for h in events
        )
    )


def _shows_motive(ctx: Context, harm: HarmEvent) -> bool:
    charges = ctx.book.table("charges")
    return bool(harm.event.stated_reason) or any(
        political_charge(charges, harm.event, c) is not None for c in harm.event.charges
    )


def nexus(ctx: Context) -> Finding:
    on = ctx.facts.filed_on or ctx.as_of
    test = ctx.value("nexus.test", on)
    params: dict[str, object] = {"test": str(test.value) if test else "at least one central reason"}
    if not ctx.facts.harm_events:
        return ctx.finding("refugee.nexus", Status.UNKNOWN, "none", values=[test])
    harmed = [h for h in ctx.facts.harm_events if h.points > 0 or h.severe]
    if not harmed:
        # Only harms that weigh little alone (threats, searches, questioning): the events are
        # still there, with their grounds and the persecutors' words, for the attorney.
        grounded = [h for h in ctx.facts.harm_events if h.grounds]
        params["events"] = _with_grounds(grounded) if grounded else "-"
        motive = [h for h in grounded if _shows_motive(ctx, h)]
        params["motive"] = ", ".join(h.event.id for h in motive) or "-"
        variant = "minor_motive" if motive else "minor_only"
        return ctx.finding(
            "refugee.nexus",
            Status.AT_RISK,
            variant,
            params,
            values=[test],
            facts=["claim.events[].grounds", "claim.events[].stated_reason"],
        )
    with_ground = [h for h in harmed if h.grounds]
    if not with_ground:
        return ctx.finding("refugee.nexus", Status.AT_RISK, "no_ground", values=[test])
    motive = [h for h in with_ground if _shows_motive(ctx, h)]
    if motive:
        params["events"] = ", ".join(h.event.id for h in motive)
        return ctx.finding("refugee.nexus", Status.MET, "motive", params, values=[test])
    params["events"] = ", ".join(h.event.id for h in with_ground)
    return ctx.finding("refugee.nexus", Status.AT_RISK, "no_motive", params, values=[test])


def prosecution(ctx: Context) -> Finding | None:
    if not ctx.facts.charges:
        return None
    table = ctx.book.table("charges")
    political, other, used = [], [], []
    for event, charge in ctx.facts.charges:
        entry = political_charge(table, event, charge)
        label = f"{charge.code.value} art. {charge.article}"
        if entry is None:
            other.append(label)
        else:
            political.append(f"{label} ({entry.label})")
            value = ctx.table_value(table, entry, ctx.as_of)
            if value not in used:
                used.append(value)
    params = {
        "political": "; ".join(dict.fromkeys(political)) or "-",
        "other": "; ".join(dict.fromkeys(other)) or "-",
    }
    facts = ["claim.events[].charges"]
    if other:
        variant = "mixed" if political else "other"
        return ctx.finding(
            "refugee.prosecution", Status.AT_RISK, variant, params, values=used, facts=facts
        )
    return ctx.finding(
        "refugee.prosecution", Status.MET, "political", params, values=used, facts=facts
    )


RULES = (protected_ground, social_group, persecutor, past_persecution, nexus, prosecution)
