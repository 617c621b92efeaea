"""Mandatory bars to asylum (INA 208(b)(2)(A)) and threshold bars (INA 208(a)(2))."""

from __future__ import annotations

from prytulak.case import EntryManner

from ..assessment import Finding, Status
from ..facts import political_charge
from .context import Context

__all__ = ["RULES"]


def _unanswered(ctx: Context, finding: str, field: str) -> Finding | None:
    """An unknown, blocking finding when the bars question was never asked (absent, not no)."""
    if getattr(ctx.case.claim.bars, field) is not None:
        return None
    return ctx.finding(finding, Status.UNKNOWN, "unanswered", facts=[f"claim.bars.{field}"])


def persecutor_bar(ctx: Context) -> Finding:
    """Decided on the applicant's own answers: C.3 (harmed others) and the service recorded.

    Only ``served_in`` (the applicant's own service) raises the bar as a question. The C.3
    explanation is the applicant's account and may name the KGB or the police as the ones who
    harmed or coerced the applicant (a victim's words): naming a force there is shown as a note
    to confirm, never as service in that force.
    """
    bars = ctx.case.claim.bars
    if bars.harmed_others:
        return ctx.finding(
            "bar.persecutor", Status.NOT_MET, "harmed", facts=["claim.bars.harmed_others"]
        )
    table = ctx.book.table("security_service")
    hits = [e for e in table.entries if any(e.matches_text(t) for t in bars.served_in if t)]
    if hits:
        return ctx.finding(
            "bar.persecutor",
            Status.AT_RISK,
            "served",
            {"service": "; ".join(bars.served_in)},
            values=[ctx.table_value(table, e, ctx.as_of) for e in hits],
            facts=["claim.bars.served_in"],
        )
    unanswered = _unanswered(ctx, "bar.persecutor", "harmed_others")
    if unanswered is not None:
        return unanswered
    explanation = bars.harmed_others_explanation or ""
    named = [e for e in table.entries if explanation and e.matches_text(explanation)]
    if named:
        return ctx.finding(
            "bar.persecutor",
            Status.MET,
            "clear_names_force",
            {"explanation": explanation.strip().rstrip(" .")},
            facts=["claim.bars.harmed_others", "claim.bars.harmed_others_explanation"],
        )
    return ctx.finding("bar.persecutor", Status.MET, "clear", facts=["claim.bars"])


def serious_crime(ctx: Context) -> Finding:
    bars = ctx.case.claim.bars
    if bars.crimes_in_us:
        return ctx.finding(
            "bar.serious_crime",
            Status.AT_RISK,
            "us_crime",
            {"detail": bars.crimes_explanation or "-"},
            facts=["claim.bars.crimes_in_us"],
        )
    unanswered = _unanswered(ctx, "bar.serious_crime", "crimes_in_us")
    return unanswered or ctx.finding(
        "bar.serious_crime", Status.MET, "clear", facts=["claim.bars.crimes_in_us"]
    )


def nonpolitical_crime(ctx: Context) -> Finding:
    bars = ctx.case.claim.bars
    if bars.serious_crime_abroad:
        return ctx.finding(
            "bar.nonpolitical_crime",
            Status.AT_RISK,
            "declared",
            {"detail": bars.serious_crime_explanation or "-"},
            facts=["claim.bars.serious_crime_abroad"],
        )
    table = ctx.book.table("charges")
    other = [
        f"{c.code.value} art. {c.article}"
        for e, c in ctx.facts.charges
        if political_charge(table, e, c) is None
    ]
    if other:
        return ctx.finding(
            "bar.nonpolitical_crime",
            Status.AT_RISK,
            "other_charge",
            {"articles": ", ".join(dict.fromkeys(other))},
            facts=["claim.events[].charges"],
        )
    unanswered = _unanswered(ctx, "bar.nonpolitical_crime", "serious_crime_abroad")
    return unanswered or ctx.finding("bar.nonpolitical_crime", Status.MET, "clear")


def _armed_support_texts(ctx: Context) -> list[str]:
    claim = ctx.case.claim
    texts = [claim.bars.armed_group_explanation or ""]
    texts += [f"{o.name} {o.kind} {o.role or ''}" for o in claim.organizations]
    texts += [a.what for a in claim.activities_abroad]
    return [t for t in texts if t]


def terrorism(ctx: Context) -> Finding:
    bars = ctx.case.claim.bars
    table = ctx.book.table("armed_groups")
    texts = _armed_support_texts(ctx)
    hits = [e for e in table.entries if any(e.matches_text(t) for t in texts)]
    if bars.armed_group_support or hits:
        detail = bars.armed_group_explanation or "; ".join(
            t for t in texts if any(e.matches_text(t) for e in hits)
        )
        return ctx.finding(
            "bar.terrorism",
            Status.AT_RISK,
            "support",
            {"detail": detail or "-"},
            values=[ctx.table_value(table, e, ctx.as_of) for e in hits],
            facts=["claim.bars.armed_group_support", "claim.organizations"],
        )
    unanswered = _unanswered(ctx, "bar.terrorism", "armed_group_support")
    return unanswered or ctx.finding("bar.terrorism", Status.MET, "clear")


def security(ctx: Context) -> Finding:
    return ctx.finding("bar.security", Status.MET, "clear")


def prior_denial(ctx: Context) -> Finding:
    denied = [
        p
        for p in ctx.case.claim.prior_applications
        if p.country.casefold() in {"united states", "us", "usa"}
        and any(w in p.outcome.casefold() for w in ("den", "refus", "reject", "order"))
    ]
    if denied:
        who = "; ".join(f"{p.who}: {p.outcome}" for p in denied)
        return ctx.finding(
            "bar.prior_denial",
            Status.AT_RISK,
            "denied",
            {"detail": who},
            facts=["claim.prior_applications"],
        )
    return ctx.finding("bar.prior_denial", Status.MET, "clear")


def safe_third_country(ctx: Context) -> Finding:
    canada = [t for t in ctx.case.travel.third_countries if t.country.casefold() == "canada"]
    if canada:
        return ctx.finding(
            "bar.safe_third_country", Status.AT_RISK, "canada", facts=["travel.third_countries"]
        )
    return ctx.finding("bar.safe_third_country", Status.MET, "clear")


def entry_limits(ctx: Context) -> Finding | None:
    entries = ctx.case.travel.us_entries
    if not entries:
        return None
    table = ctx.book.table("entry_limits")
    hits = []
    for entry in entries:
        for rule in table.entries:
            if entry.manner.value not in rule.applies_to:
                continue
            start, end = rule.start or table.start, rule.end
            if entry.date.latest >= start and (end is None or entry.date.earliest <= end):
                hits.append((entry, rule))
    if not hits:
        return ctx.finding("bar.entry_limits", Status.MET, "clear")
    params = {
        "rules": "; ".join(f"{r.label} ({r.citation})" for _e, r in hits),
        "entries": ", ".join(sorted({e.date.text for e, _r in hits})),
    }
    manner = EntryManner.WITHOUT_INSPECTION.value
    return ctx.finding(
        "bar.entry_limits",
        Status.AT_RISK,
        "limited",
        {**params, "manner": manner},
        values=[ctx.table_value(table, r, e.date.earliest) for e, r in hits],
        facts=["travel.us_entries[].manner"],
    )


RULES = (
    persecutor_bar,
    serious_crime,
    nonpolitical_crime,
    terrorism,
    security,
    prior_denial,
    safe_third_country,
    entry_limits,
)
