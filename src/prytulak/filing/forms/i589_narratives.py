"""The I-589's explanation boxes (Parts B and C), written from the case's facts.

Nothing is invented: each sentence restates a case value. Where the case holds only a summary,
the summary is used; where it holds a narrative, the narrative is used as written (the attorney
edits it with the applicant).
"""

from __future__ import annotations

import re

from prytulak.case import (
    CaseFile,
    Charge,
    Event,
    FamilyHarm,
    Fear,
    HarmType,
    Organization,
    PartialDate,
    ThirdCountryStatus,
    ThirdCountryStay,
)

from ..one_year import lawful_status_applies
from ..sentences import clause, sentence, sentences

__all__ = [
    "arrests_text",
    "family_arrests",
    "fears_text",
    "late_filing_notes",
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
    who = _actors(case, event.actors)
    return sentences(
        f"{when}, {clause(event.place)}: {clause(event.narrative or event.summary)}",
        f"Who: {who}" if who else None,
        f"What they said: {clause(event.stated_reason)}" if event.stated_reason else None,
        f"Protected ground: {_ground_words([g.value for g in event.grounds])}"
        if event.grounds
        else None,
    )


def past_harm_text(case: CaseFile) -> str | None:
    events = [e for e in case.claim.timeline() if e.harms]
    paragraphs = [_event_text(case, e) for e in events]
    for harm in case.claim.family_harm:
        who = _actors(case, harm.actors)
        paragraphs.append(
            sentences(
                f"{harm.date.describe()}, harm to family ({clause(harm.who)}): {clause(harm.what)}",
                f"By: {who}" if who else None,
            )
        )
    if not paragraphs:
        return None
    return "\n".join(paragraphs) + "\nSee also the attached declaration."


def _fear_text(case: CaseFile, fear: Fear) -> str:
    who = _actors(case, fear.from_whom)
    return sentences(fear.harm, f"By: {who}" if who else None, f"Why: {clause(fear.why)}")


def fears_text(case: CaseFile) -> str | None:
    if not case.claim.fears:
        return None
    text = "\n".join(_fear_text(case, f) for f in case.claim.fears)
    if case.claim.relocation:
        text += "\n" + sentence(f"Relocation inside the country: {clause(case.claim.relocation)}")
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


FAMILY_ARREST_WORDS = re.compile(
    r"\b("
    # English: questioned, interrogated, summoned/summons, detained/detention, arrested,
    # charged, convicted, sentenced, imprisoned, jailed
    r"question|interrogat|summon|detain|detention|arrest|charged|charges|convict|sentenc|"
    r"imprison|jail"
    # Russian: допрос/допрашивали, вызвали/вызывали, повестка, задержали, арест, обвинили,
    # осудили/осуждён, приговорили, посадили, тюрьма, СИЗО
    r"|допрос|допраш|вызва|вызыва|повестк|задерж|арест|обвин|осужд|осуди|пригов|посади|"
    r"тюрьм|тюрем|сизо"
    # Belarusian: допыт, выклікалі, павестка, затрымалі, арышт, абвінавацілі, асудзілі,
    # прысудзілі, пасадзілі, турма
    r"|допыт|выклік|павестк|затрым|арышт|абвінав|асудж|асудз|прысуд|пасадз|турм"
    r")",
    re.IGNORECASE,
)
"""Word stems that say a relative was questioned, summoned, detained, charged or imprisoned."""


def family_arrests(case: CaseFile) -> list[FamilyHarm]:
    """Family harm entries that I-589 B.2 asks about (chosen by their words: check them)."""
    return [h for h in case.claim.family_harm if FAMILY_ARREST_WORDS.search(h.what)]


def arrests_text(case: CaseFile) -> str | None:
    """B.2: the applicant's arrests and charges, then family members' (the question asks
    about "you or your family members")."""
    lines = []
    for event in arrested_events(case):
        charges = "; ".join(charge_text(c) for c in event.charges)
        when = event.date.describe()
        if event.end is not None:
            when = f"{when} to {event.end.describe()}"
        lines.append(
            sentences(
                f"{when}, {clause(event.place)}: {clause(event.summary)}",
                f"Charges: {charges}" if charges else None,
            )
        )
    for harm in family_arrests(case):
        who = _actors(case, harm.actors)
        lines.append(
            sentences(
                f"{harm.date.describe()}, family member ({clause(harm.who)}): {clause(harm.what)}",
                f"By: {who}" if who else None,
            )
        )
    return "\n".join(lines) or None


def home_organizations(case: CaseFile) -> list[Organization]:
    """The organizations B.3.A asks about: those in the home country (where the case file says
    nothing else), the applicant's and their family members'."""
    home = (case.applicant.nationality or "").casefold()
    return [
        org
        for org in case.claim.organizations
        if org.country is None or org.country.casefold() == home
    ]


def organizations_text(case: CaseFile, continuing_only: bool = False) -> str | None:
    lines = []
    for org in home_organizations(case):
        if continuing_only and not org.continuing:
            continue
        role = f", {clause(org.role)}" if org.role else ""
        start = org.start.describe() if org.start else "date unknown"
        end = "present" if org.continuing else (org.end.describe() if org.end else "date unknown")
        who = f"{clause(org.member)}: " if org.member else ""
        lines.append(
            sentence(f"{who}{clause(org.name)} ({clause(org.kind)}{role}), {start} to {end}")
        )
    return "\n".join(lines) or None


def prior_applications_text(case: CaseFile) -> str | None:
    lines = []
    for app in case.claim.prior_applications:
        when = app.date.describe() if app.date else "date unknown"
        number = f", A-number {app.a_number}" if app.a_number else ""
        lines.append(
            sentence(f"{clause(app.who)}: {app.country}, {when}: {clause(app.outcome)}{number}")
        )
    return "\n".join(lines) or None


TRANSIT_DAYS = 7
"""A stay without status this short (by its dates) is a transit; a longer one is not."""


def _status_words(stay: ThirdCountryStay) -> str:
    status = stay.status
    if status is ThirdCountryStatus.NONE:
        short = (
            stay.arrived is not None
            and stay.left is not None
            and (stay.left.latest - stay.arrived.earliest).days <= TRANSIT_DAYS
        )
        return "no status (transit)" if short else "no status"
    if status is ThirdCountryStatus.VISA_FREE:
        return "no status (visitor without a visa)"
    return status.value.replace("_", " ")


def _duration(start: PartialDate, end: PartialDate) -> str:
    """' (about 3 months)', ' (12 days)': the time between two dates, as precise as they are."""
    days = (end.earliest - start.earliest).days
    if days < 0:
        return ""
    exact = start.is_exact and end.is_exact
    if days < 60:
        count = days if exact else max(1, round(days / 7))
        unit = "day" if exact else "week"
        words = f"{count} {unit}{'s' if count != 1 else ''}"
    else:
        months = round(days / 30.44)
        words = f"{months} months"
    return f" ({'' if exact and days < 60 else 'about '}{words})"


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def third_countries_text(case: CaseFile) -> str | None:
    lines = []
    for stay in case.travel.third_countries:
        start = stay.arrived.describe() if stay.arrived else "date unknown"
        end = stay.left.describe() if stay.left else "date unknown"
        status = f"Status: {_status_words(stay)}"
        if stay.status_detail:
            status += f" ({clause(stay.status_detail)})"
        if stay.status_expires:
            status += f" expiring {stay.status_expires.describe()}"
        lines.append(
            sentences(
                f"{stay.country}, {start} to {end}",
                status,
                "Offered permanent status: " + _yes(stay.offered_permanent_status),
                f"Way to permanent status open there: {clause(stay.permanent_status_path)}"
                if stay.permanent_status_path
                else None,
                ("Right to return now: " + _yes(stay.could_return))
                if stay.could_return is not None
                else None,
                f"Reason for leaving: {clause(stay.reason_left)}" if stay.reason_left else None,
                "Applied for protection there: " + _yes(stay.sought_protection),
            )
        )
    return "\n".join(lines) or None


def returns_text(case: CaseFile) -> str | None:
    """C.4: each return to Belarus, its purpose, and how long it lasted (until the next
    departure)."""
    lines = []
    departures = sorted(case.travel.departures, key=lambda d: d.date.sort_key())
    for number, departure in enumerate(departures):
        if departure.returned is None:
            continue
        purpose = departure.purpose_of_return
        later = departures[number + 1] if number + 1 < len(departures) else None
        if later is not None:
            stayed = (
                f"Stayed in Belarus until {later.date.describe()}"
                f"{_duration(departure.returned, later.date)}"
            )
        else:
            stayed = "How long the return lasted is not recorded (no later departure)"
        lines.append(
            sentences(
                f"Left {departure.date.describe()}, returned {departure.returned.describe()}",
                f"Purpose: {clause(purpose)}" if purpose else None,
                stayed,
            )
        )
    return "\n".join(lines) or None


def late_filing_text(case: CaseFile) -> str | None:
    """The late-filing reasons; a lawful status only when it lasted until the one-year
    deadline (a status that ended earlier supports no exception: see late_filing_notes)."""
    late = case.claim.late_filing
    if late is None:
        return None
    changed = "; ".join(clause(c) for c in late.changed_circumstances)
    extraordinary = "; ".join(clause(c) for c in late.extraordinary_circumstances)
    text = sentences(
        f"Changed circumstances: {changed}" if changed else None,
        f"The change happened or became known on {late.changed_on.describe()}"
        if late.changed_on
        else None,
        f"Extraordinary circumstances: {extraordinary}" if extraordinary else None,
        f"Lawful status until {late.lawful_status_until.describe()}"
        if late.lawful_status_until and lawful_status_applies(case)
        else None,
        late.explanation,
    )
    return text or None


def late_filing_notes(case: CaseFile) -> list[str]:
    """What the attorney decides about late-filing facts left out of the filed text."""
    late = case.claim.late_filing
    if late is None or late.lawful_status_until is None:
        return []
    applies = lawful_status_applies(case)
    if applies:
        return []
    until = late.lawful_status_until.describe()
    if applies is False:
        return [
            f"Lawful status until {until} (claim.late_filing.lawful_status_until) is left out of "
            "the late-filing explanation: it ended before the one-year deadline, so it does not "
            "support the lawful-status exception (8 CFR 208.4(a)(5)(iv)); add it back only if "
            "the attorney relies on it"
        ]
    return [
        f"Lawful status until {until} (claim.late_filing.lawful_status_until) is left out of "
        "the late-filing explanation: the dates do not show whether it lasted until the "
        "one-year deadline; the attorney decides whether it supports an exception"
    ]
