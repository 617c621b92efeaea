"""The I-589's explanation boxes (Parts B and C), written from the case's facts.

Nothing is invented: each sentence restates a case value. Where the case holds only a summary,
the summary is used; where it holds a narrative, the narrative is used as written (the attorney
edits it with the applicant).
"""

from __future__ import annotations

from prytulak.case import CaseFile, Charge, Event, Fear, HarmType, ThirdCountryStatus

__all__ = [
    "arrests_text",
    "fears_text",
    "late_filing_text",
    "organizations_text",
    "past_harm_text",
    "prior_applications_text",
    "returns_text",
    "third_countries_text",
    "torture_text",
]

ARREST_HARMS = frozenset(
    {HarmType.DETENTION, HarmType.INTERROGATION, HarmType.PROSECUTION, HarmType.CONVICTION}
)


def _ground_words(values: list[str]) -> str:
    return ", ".join(v.replace("_", " ") for v in values)


def _actors(case: CaseFile, ids: list[str]) -> str:
    labels = [a.label() for a in (case.claim.actor(i) for i in ids) if a is not None]
    return "; ".join(labels)


def _event_text(case: CaseFile, event: Event) -> str:
    when = event.date.describe()
    if event.end is not None:
        when = f"{when} to {event.end.describe()}"
    parts = [f"{when}, {event.place}: {event.narrative or event.summary}"]
    who = _actors(case, event.actors)
    if who:
        parts.append(f"Who: {who}.")
    if event.stated_reason:
        parts.append(f"What they said: {event.stated_reason}.")
    if event.grounds:
        parts.append(f"Protected ground: {_ground_words([g.value for g in event.grounds])}.")
    return " ".join(p.rstrip() for p in parts)


def past_harm_text(case: CaseFile) -> str | None:
    events = [e for e in case.claim.timeline() if e.harms]
    paragraphs = [_event_text(case, e) for e in events]
    for harm in case.claim.family_harm:
        who = _actors(case, harm.actors)
        by = f" By: {who}." if who else ""
        paragraphs.append(f"{harm.date.describe()}, harm to family ({harm.who}): {harm.what}{by}")
    if not paragraphs:
        return None
    return "\n".join(paragraphs) + "\nSee also the attached declaration."


def _fear_text(case: CaseFile, fear: Fear) -> str:
    who = _actors(case, fear.from_whom)
    by = f" By: {who}." if who else ""
    return f"{fear.harm}.{by} Why: {fear.why}"


def fears_text(case: CaseFile) -> str | None:
    if not case.claim.fears:
        return None
    text = "\n".join(_fear_text(case, f) for f in case.claim.fears)
    if case.claim.relocation:
        text += f"\nRelocation inside the country: {case.claim.relocation}"
    return text


def torture_text(case: CaseFile) -> str | None:
    fears = [f for f in case.claim.fears if f.torture]
    return "\n".join(_fear_text(case, f) for f in fears) or None


def charge_text(charge: Charge) -> str:
    code = "Criminal Code" if charge.code.value == "criminal" else "Code of Administrative Offenses"
    part = f", part {charge.part}" if charge.part else ""
    outcome = f" ({charge.outcome})" if charge.outcome else ""
    return f"{code} art. {charge.article}{part}{outcome}"


def arrested_events(case: CaseFile) -> list[Event]:
    return [e for e in case.claim.timeline() if ARREST_HARMS & set(e.harms) or e.charges]


def arrests_text(case: CaseFile) -> str | None:
    lines = []
    for event in arrested_events(case):
        charges = "; ".join(charge_text(c) for c in event.charges)
        suffix = f" Charges: {charges}." if charges else ""
        when = event.date.describe()
        if event.end is not None:
            when = f"{when} to {event.end.describe()}"
        lines.append(f"{when}, {event.place}: {event.summary}.{suffix}")
    return "\n".join(lines) or None


def organizations_text(case: CaseFile, continuing_only: bool = False) -> str | None:
    lines = []
    for org in case.claim.organizations:
        if continuing_only and not org.continuing:
            continue
        role = f", {org.role}" if org.role else ""
        start = org.start.describe() if org.start else "date unknown"
        end = "present" if org.continuing else (org.end.describe() if org.end else "date unknown")
        lines.append(f"{org.name} ({org.kind}{role}), {start} to {end}.")
    return "\n".join(lines) or None


def prior_applications_text(case: CaseFile) -> str | None:
    lines = []
    for app in case.claim.prior_applications:
        when = app.date.describe() if app.date else "date unknown"
        number = f", A-number {app.a_number}" if app.a_number else ""
        lines.append(f"{app.who}: {app.country}, {when}: {app.outcome}{number}.")
    return "\n".join(lines) or None


def _status_words(status: ThirdCountryStatus) -> str:
    return (
        "no status (transit)"
        if status is ThirdCountryStatus.NONE
        else status.value.replace("_", " ")
    )


def third_countries_text(case: CaseFile) -> str | None:
    lines = []
    for stay in case.travel.third_countries:
        start = stay.arrived.describe() if stay.arrived else "date unknown"
        end = stay.left.describe() if stay.left else "date unknown"
        parts = [f"{stay.country}, {start} to {end}. Status: {_status_words(stay.status)}"]
        if stay.status_detail:
            parts.append(f"({stay.status_detail})")
        if stay.status_expires:
            parts.append(f"expiring {stay.status_expires.describe()}")
        text = " ".join(parts) + "."
        text += " Offered permanent status: " + ("yes." if stay.offered_permanent_status else "no.")
        if stay.could_return is not None:
            text += " Right to return now: " + ("yes." if stay.could_return else "no.")
        if stay.reason_left:
            text += f" Reason for leaving: {stay.reason_left}"
        text += " Applied for protection there: " + ("yes." if stay.sought_protection else "no.")
        lines.append(text)
    return "\n".join(lines) or None


def returns_text(case: CaseFile) -> str | None:
    lines = []
    for departure in case.travel.departures:
        if departure.returned is None:
            continue
        purpose = f" Purpose: {departure.purpose_of_return}." if departure.purpose_of_return else ""
        lines.append(
            f"Left {departure.date.describe()}, returned {departure.returned.describe()}.{purpose}"
        )
    return "\n".join(lines) or None


def late_filing_text(case: CaseFile) -> str | None:
    late = case.claim.late_filing
    if late is None:
        return None
    parts = []
    if late.changed_circumstances:
        parts.append("Changed circumstances: " + "; ".join(late.changed_circumstances) + ".")
    if late.changed_on:
        parts.append(f"The change happened or became known on {late.changed_on.describe()}.")
    if late.extraordinary_circumstances:
        parts.append(
            "Extraordinary circumstances: " + "; ".join(late.extraordinary_circumstances) + "."
        )
    if late.lawful_status_until:
        parts.append(f"Lawful status until {late.lawful_status_until.describe()}.")
    if late.explanation:
        parts.append(late.explanation)
    return " ".join(parts) or None
