"""Firm resettlement (INA 208(b)(2)(A)(vi); 8 CFR 208.15; Matter of A-G-G-)."""

from __future__ import annotations

from prytulak.case import ThirdCountryStay

from ..assessment import Finding, Status, UsedValue
from ..deadlines import add_months
from .context import Context

__all__ = ["RULES"]


def _long_stay(ctx: Context, stay: ThirdCountryStay) -> tuple[bool, UsedValue | None]:
    if stay.arrived is None:
        return False, None
    threshold = ctx.value("firm_resettlement.review_after_months", stay.arrived.earliest)
    if threshold is None:
        return False, None
    left = stay.left.latest if stay.left else ctx.as_of
    return add_months(stay.arrived.earliest, int(threshold.value)) <= left, threshold


def _describe(stay: ThirdCountryStay) -> str:
    span = f"{stay.arrived or '?'} – {stay.left or '?'}"
    return f"{stay.country} ({stay.status.value.replace('_', ' ')}, {span})"


def firm_resettlement(ctx: Context) -> Finding:
    stays = ctx.case.travel.third_countries
    if not stays:
        return ctx.finding("bar.firm_resettlement", Status.MET, "no_stays")
    table = ctx.book.table("third_countries")
    offers, paths, reviews, used = [], [], [], []
    for stay in stays:
        entry = table.get(stay.status.value)
        on = stay.arrived.earliest if stay.arrived else ctx.as_of
        if entry is not None:
            used.append(ctx.table_value(table, entry, on))
        long_stay, threshold = _long_stay(ctx, stay)
        if stay.offered_permanent_status or (entry is not None and entry.outcome == "offer"):
            offers.append(_describe(stay))
        elif stay.permanent_status_path:
            paths.append(f"{_describe(stay)}: {stay.permanent_status_path}")
        elif (entry is not None and entry.outcome == "review") or long_stay:
            reviews.append(_describe(stay))
            if long_stay and threshold is not None:
                used.append(threshold)
    facts = ["travel.third_countries"]
    params = {
        "offers": "; ".join(offers) or "-",
        "paths": "; ".join(paths) or "-",
        "reviews": "; ".join(reviews) or "-",
        "countries": "; ".join(_describe(s) for s in stays),
    }
    if offers:
        return ctx.finding(
            "bar.firm_resettlement", Status.NOT_MET, "offer", params, values=used, facts=facts
        )
    if paths:
        return ctx.finding(
            "bar.firm_resettlement", Status.AT_RISK, "path", params, values=used, facts=facts
        )
    if reviews:
        return ctx.finding(
            "bar.firm_resettlement", Status.AT_RISK, "review", params, values=used, facts=facts
        )
    return ctx.finding(
        "bar.firm_resettlement", Status.MET, "transit", params, values=used, facts=facts
    )


RULES = (firm_resettlement,)
