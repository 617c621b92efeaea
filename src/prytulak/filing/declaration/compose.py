"""The context of the declaration template, built from the case file's facts only.

Narratives are used as the case holds them (the attorney edits them with the applicant); each
event names who did it and why, tied to the protected ground, and cites its exhibits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from prytulak.case import (
    Activity,
    Actor,
    ActorKind,
    CaseFile,
    Departure,
    EntryManner,
    Event,
    FamilyHarm,
    Fear,
    Ground,
    Organization,
    PartialDate,
    ThirdCountryStatus,
    ThirdCountryStay,
    UsEntry,
)

from ..document import Document, render_document
from ..forms.i589_narratives import charge_text
from ..forms.i589_narratives import late_filing_notes as lawful_status_notes
from ..one_year import filing_time, lawful_status_applies
from ..sentences import at_time, clause, first_person, sentence, sentences, they_said

__all__ = [
    "compose_declaration",
    "declaration_context",
    "first_person_activities",
    "late_filing_notes",
]

PACKAGE = "prytulak.filing.declaration"


_PEOPLE = frozenset({ActorKind.PRIVATE_PERSON, ActorKind.FAMILY_MEMBER, ActorKind.UNKNOWN})


def _actor(actor: Actor) -> str:
    """An actor as a sentence names it: a body with "the" ("the Investigative Committee,
    Brest regional department"), a person by name ("Siarhei Zhuk (judge, Leninsky District
    Court of Brest)")."""
    label = actor.label()
    if actor.name:
        if actor.name.rstrip().endswith(")"):  # "Andrei (surname unknown)": no "(…) (…)"
            extra = ", ".join(p for p in (actor.role, actor.agency) if p)
            return f"{actor.name}, {extra}" if extra else actor.name
        return label
    if actor.kind in _PEOPLE or label.lower().startswith(("the ", "a ", "an ")):
        return label
    return f"the {label}"


def and_list(items: list[str], separator: str = ", ") -> str:
    """'a', 'a and b', 'a, b and c'; with ``separator='; '`` (items holding commas):
    'a; b; and c'."""
    if len(items) < 2:
        return "".join(items)
    last = "; and " if separator.strip() == ";" else " and "
    return separator.join(items[:-1]) + last + items[-1]


def _actors(case: CaseFile, ids: list[str]) -> str:
    """'the KGB, Maladzechna city department', 'A and B', 'A; B; and C'."""
    found = [_actor(a) for a in (case.claim.actor(i) for i in ids) if a is not None]
    return and_list(found, "; " if any("," in a for a in found) else ", ")


GROUND_WORDS = {
    Ground.RACE: "my race",
    Ground.RELIGION: "my religion",
    Ground.NATIONALITY: "my nationality",
    Ground.POLITICAL_OPINION: "my political opinion",
    Ground.PARTICULAR_SOCIAL_GROUP: "my membership in a particular social group",
    Ground.TORTURE_CONVENTION: "",
}
"""A protected ground as the applicant says it ("because of my religion and my political
opinion")."""


def ground_words(grounds: list[Ground]) -> str:
    return and_list([GROUND_WORDS[g] for g in grounds if GROUND_WORDS.get(g)])


def _exhibits(ids: list[str], tabs: Mapping[str, str]) -> str:
    labels = [f"Exhibit {tabs[i]}" if i in tabs else i for i in ids]
    return ", ".join(labels)


def _event(case: CaseFile, event: Event, tabs: Mapping[str, str]) -> dict[str, Any]:
    when = event.date.describe()
    if event.end is not None:
        when = f"From {when} to {event.end.describe()}"
    else:
        when = f"On {when}" if event.date.is_exact else when[0].upper() + when[1:]
    who = _actors(case, event.actors)
    # "Why" only when something was done to the applicant: a donation is no persecution
    done_to_me = bool(event.harms or event.actors)
    why = ground_words(event.grounds) if done_to_me else ""
    charges = "; ".join(charge_text(c) for c in event.charges)
    lead = f"{when}, {clause(event.place)}"
    narrative = None
    if event.narrative:
        # The account tells what happened; the one-line summary is not repeated before it.
        # Its date and place go in front unless its first sentence gives the year itself.
        first = re.split(r"(?<=[.!?])\s+", " ".join(event.narrative.split()), maxsplit=1)[0]
        narrative = (
            sentence(event.narrative)
            if str(event.date.earliest.year) in first
            else sentences(f"{lead}: {clause(event.narrative)}")
        )
    reasons = sentences(
        f"This was done by {who}" if who else None,
        they_said(event.stated_reason) if event.stated_reason and done_to_me else None,
        f"I believe it happened because of {why}" if why else None,
        f"Charges: {charges}" if charges else None,
    )
    return {
        "id": event.id,
        "line": None if narrative else sentence(f"{lead}: {clause(event.summary)}"),
        "narrative": narrative,
        "why": reasons or None,
        "support": sentences(
            f"Witnesses: {', '.join(clause(w) for w in event.witnesses)}"
            if event.witnesses
            else None,
            "I received medical treatment afterwards" if event.medical_treatment else None,
            f"See {_exhibits(event.evidence, tabs)}" if event.evidence else None,
        ),
    }


def _background(case: CaseFile) -> dict[str, Any]:
    a = case.applicant
    birth = "on an unknown date"
    if a.birth is not None:
        where = ", ".join(p for p in (a.birth.city, a.birth.country) if p)
        birth = f"{'on ' if a.birth.date.is_exact else 'in '}{a.birth.date.describe()}"
        birth += f" in {where}" if where else ""
    schools = [
        f"{clause(e.school)} ({clause(e.kind)}, {clause(e.location)})"
        for e in case.history.education
    ]
    jobs = [f"{clause(j.occupation)} at {clause(j.employer)}" for j in case.history.employment]
    return {
        "name": a.name.full(),
        "a_number": a.a_number,
        "birth": birth,
        "nationality": a.nationality,
        "ethnicity": a.ethnicity,
        "religion": a.religion,
        "native_language": a.languages.native if a.languages else "not recorded",
        "education": sentence("My education: " + "; ".join(schools)) if schools else None,
        "employment": sentence("My work: " + "; ".join(jobs)) if jobs else None,
        "political_opinion": (
            sentence(f"My political opinion: {clause(case.claim.political_opinion)}")
            if case.claim.political_opinion
            else None
        ),
        "social_groups": [
            sentence(f"I am a member of a particular social group: {clause(g)}")
            for g in case.claim.social_groups
        ],
        "organizations": [_membership(o) for o in case.claim.organizations],
    }


def _membership(org: Organization) -> str:
    """'I have been a member of … since 2008' while it continues; 'I was a member of … from
    2006 to August 2022' when it ended; 'I joined … in 2008' when the case does not say."""
    what = f"{clause(org.name)} ({clause(org.kind)}{', ' + clause(org.role) if org.role else ''})"
    start = org.start.describe() if org.start else None
    if org.member:
        return _relative_membership(org, what, start)
    if org.continuing:
        return sentence(
            f"I have been a member of {what} since {start}" if start else f"I am a member of {what}"
        )
    if org.end is not None:
        span = f" from {start} to {org.end.describe()}" if start else f" until {org.end.describe()}"
        return sentence(f"I was a member of {what}{span}")
    return sentence(f"I joined {what} in {start}" if start else f"I was a member of {what}")


def _relative_membership(org: Organization, what: str, start: str | None) -> str:
    """'My brother Andrei was a member of Militia (police) from 2010 to 2019': a relative's
    membership, which I-589 B.3.A asks about too."""
    who = f"My {org.member}" if not (org.member or "").lower().startswith("my ") else org.member
    if org.continuing:
        when = f" since {start}" if start else ""
        return sentence(f"{who} has been a member of {what}{when}")
    span = f" from {start}" if start else ""
    span += f" to {org.end.describe()}" if org.end else ""
    return sentence(f"{who} was a member of {what}{span}")


_ROUTE_WORDS = ("by ", "via ", "through ", "across ", "from ", "on ", "at ", "over ", "on foot")
_PLACE_WORDS = ("near ", "at ", "in ", "between ", "outside ", "close to ", "by ", "on ")


def _route(via: str | None) -> str:
    """' through Brest - Terespol', ' by car to Smolensk', ' from Minsk National Airport'."""
    text = clause(via)
    if not text:
        return ""
    if text.lower().startswith(_ROUTE_WORDS):
        return f" {text[0].lower()}{text[1:]}"
    if "airport" in text.lower():
        return f" from {text}"
    return f" through {text}"


def _return(departure: Departure) -> str:
    """'I returned to Belarus on June 14, 2025, to care for my mother …'."""
    assert departure.returned is not None
    when = at_time(departure.returned)
    purpose = clause(departure.purpose_of_return)
    if not purpose:
        return sentence(f"I returned to Belarus {when}")
    if purpose.lower().startswith(("to ", "for ", "because ", "when ", "after ")):
        return sentence(f"I returned to Belarus {when} {purpose[0].lower()}{purpose[1:]}")
    mine, _ = first_person(purpose)
    return sentences(f"I returned to Belarus {when}", f"Why I returned: {mine}")


def _entry(entry: UsEntry) -> str:
    """'I entered the United States without inspection on December 5, 2025, near San Ysidro,
    CA'; a place that starts with its own preposition keeps it ("near …", not "at near …")."""
    place = clause(entry.place)
    where = place if place.lower().startswith(_PLACE_WORDS) else f"at {place}"
    how = " without inspection" if entry.manner is EntryManner.WITHOUT_INSPECTION else ""
    return sentence(f"I entered the United States{how} {at_time(entry.date)} {where}")


def _journey(case: CaseFile) -> list[str]:
    """How the applicant left, in order: each departure, the countries stayed in after it, a
    return to Belarus (and why) before the next departure, then the arrival in the US."""
    departures = sorted(case.travel.departures, key=lambda d: d.date.sort_key())
    stays = list(case.travel.third_countries)
    lines: list[str] = []

    def stays_before(limit: PartialDate | None) -> None:
        for stay in list(stays):
            if stay.arrived is None:
                continue
            if limit is None or stay.arrived.sort_key() < limit.sort_key():
                lines.append(_stay(stay))
                stays.remove(stay)

    for number, departure in enumerate(departures):
        stays_before(departure.date)  # a stay the dates put before this departure
        lines.append(sentence(f"I left Belarus {at_time(departure.date)}{_route(departure.via)}"))
        later = departures[number + 1].date if number + 1 < len(departures) else None
        boundary = departure.returned or later
        stays_before(boundary)
        if departure.returned is not None:
            lines.append(_return(departure))
    lines += [_stay(stay) for stay in stays]
    for entry in sorted(case.travel.us_entries, key=lambda e: e.date.sort_key()):
        lines.append(_entry(entry))
    return lines


STAY_STATUS = {
    ThirdCountryStatus.NONE: "without any status",
    ThirdCountryStatus.VISA_FREE: "as a visitor without a visa",
    ThirdCountryStatus.VISA: "on a visa",
    ThirdCountryStatus.HUMANITARIAN_VISA: "on a humanitarian visa",
    ThirdCountryStatus.TEMPORARY_RESIDENCE: "with temporary residence",
    ThirdCountryStatus.PERMANENT_RESIDENCE: "with permanent residence",
    ThirdCountryStatus.REFUGEE_STATUS: "with refugee status",
    ThirdCountryStatus.SUBSIDIARY_PROTECTION: "with subsidiary protection",
    ThirdCountryStatus.CITIZENSHIP: "as a citizen",
    ThirdCountryStatus.OFFER_OF_PERMANENT_RESIDENCE: "with an offer of permanent residence",
}
"""A third-country stay's status as the applicant says it ("I stayed in Poland … with …")."""


def _stay_dates(stay: ThirdCountryStay) -> str:
    if stay.arrived and stay.left:
        return f" from {stay.arrived.describe()} to {stay.left.describe()}"
    if stay.arrived:
        return f" from {stay.arrived.describe()}"
    if stay.left:
        return f" until {stay.left.describe()}"
    return ""


def _stay(stay: ThirdCountryStay) -> str:
    detail = f" ({clause(stay.status_detail)})" if stay.status_detail else ""
    expires = (
        f", valid until {stay.status_expires.describe()}"
        if stay.status_expires and not stay.status_detail
        else ""
    )
    # No status recorded but a detail written: the detail says it ("Schengen visa issued …")
    words = (
        "" if stay.status is ThirdCountryStatus.NONE and detail else f", {STAY_STATUS[stay.status]}"
    )
    status = f"{words}{detail}{expires}"
    reason = None
    if stay.reason_left:
        mine, rewritten = first_person(clause(stay.reason_left))
        reason = (
            mine if rewritten or mine.startswith("I ") else f"Why I left {stay.country}: {mine}"
        )
    return sentences(f"I stayed in {stay.country}{_stay_dates(stay)}{status}", reason)


_RELATIONS = (
    "mother",
    "father",
    "brother",
    "sister",
    "sibling",
    "husband",
    "wife",
    "son",
    "daughter",
    "parents",
    "grandmother",
    "grandfather",
    "aunt",
    "uncle",
    "cousin",
)


_PLAIN_OPENINGS = frozenset(
    {
        "police",
        "officers",
        "militia",
        "the",
        "a",
        "an",
        "two",
        "three",
        "four",
        "several",
        "masked",
        "unknown",
        "they",
        "someone",
        "men",
        "investigators",
        "officials",
    }
)
"""First words a family-harm sentence may start with that are no names (so they can be set
in lower case after the date)."""


def _relative_words(case: CaseFile, who: str) -> str:
    """'my brother' for the case's relative ``brother`` (a sibling is named by the id or the
    case's words, never by the passport name in capitals)."""
    relative = next((r for r in case.family.relatives if r.id == who), None)
    if relative is not None:
        if relative.relation != "sibling":
            who = relative.relation
        elif any(word in who.lower() for word in ("brother", "sister")):
            who = who.replace("-", " ").replace("_", " ")
        else:
            given = (relative.name.given or "").title()
            who = f"sibling {given}".strip()
    return f"my {who}" if who[:1].islower() and not who.startswith("my ") else who


def _family_harm(case: CaseFile, harm: FamilyHarm) -> str:
    whom = _relative_words(case, clause(harm.who))
    what = clause(harm.what)
    when = at_time(harm.date)
    when = when if when.endswith(",") else f"{when},"
    by = f"This was done by {_actors(case, harm.actors)}" if harm.actors else None
    # "My brother was summoned …" says whom it happened to: told as it is
    first = what.split(" ", 1)[0]
    if first.lower() == "my" or (
        whom.lower() in what.lower()
        and (first.isupper() or first.lower() in _PLAIN_OPENINGS)  # "KGB officers", "Police"
    ):
        if not first.isupper():
            what = what[0].lower() + what[1:]
        return sentences(f"{when} {what}", by)
    return sentences(f"{when.rstrip(',')} the following happened to {whom}: {what}", by)


def _activity(activity: Activity, tabs: Mapping[str, str]) -> tuple[str, bool]:
    """The activity in the applicant's words; also whether its verb was put in the first
    person here (the attorney checks those)."""
    what, rewritten = first_person(clause(activity.what))
    lead = ", ".join(
        p
        for p in (
            f"since {activity.start.describe()}" if activity.start else None,
            f"in {clause(activity.where)}" if activity.where else None,
        )
        if p
    )
    if not lead and not (rewritten or what.startswith("I ")):
        lead = "after I left Belarus"
    text = f"{lead}: {what}" if lead else what
    see = f"See {_exhibits(activity.evidence, tabs)}" if activity.evidence else None
    return sentences(text, see), rewritten


def first_person_activities(case: CaseFile) -> list[str]:
    """Paragraph ids of the activities whose leading verb was put in the first person here."""
    return [
        f"activity-{n}"
        for n, a in enumerate(case.claim.activities_abroad, start=1)
        if _activity(a, {})[1]
    ]


def _fear(case: CaseFile, fear: Fear) -> str:
    """'I fear imprisonment …. It would come from the KGB …' (a separate sentence: the harm
    often ends in its own clause, "… as I grow up")."""
    harm = clause(fear.harm)
    who = (
        f"It would come from {_actors(case, fear.from_whom)}"
        if fear.from_whom and _actors(case, fear.from_whom)
        else None
    )
    return sentences(f"I fear {harm[:1].lower()}{harm[1:]}", who, fear.why)


def declaration_context(case: CaseFile, tabs: Mapping[str, str] | None = None) -> dict[str, Any]:
    tabs = tabs or {}
    rep = case.representation
    context = _background(case)
    context.update(
        {
            **_relief(case),
            "events": [_event(case, e, tabs) for e in case.claim.timeline()],
            "family_harm": [_family_harm(case, h) for h in case.claim.family_harm],
            "activities": [_activity(a, tabs)[0] for a in case.claim.activities_abroad],
            "journey": _journey(case),
            "fears": [_fear(case, f) for f in case.claim.fears],
            "relocation": sentence(case.claim.relocation) if case.claim.relocation else None,
            "late_filing": _late_filing(case) if _late_section(case) else None,
            "interpreter": rep.interpreter.name if rep.interpreter else None,
            "interpreter_language": rep.interpreter.language if rep.interpreter else None,
        }
    )
    return context


def _relief(case: CaseFile) -> dict[str, str]:
    """What the application asks for: the Torture Convention only when the case applies
    under it (``claim.apply_for_cat``)."""
    if case.claim.apply_for_cat:
        return {
            "relief_title": "Asylum, Withholding of Removal and Protection under the "
            "Convention Against Torture",
            "relief": "asylum, withholding of removal and protection under the Convention "
            "Against Torture",
        }
    return {
        "relief_title": "Asylum and Withholding of Removal",
        "relief": "asylum and withholding of removal",
    }


def _late_filing(case: CaseFile) -> str | None:
    """The one-year explanation in the applicant's sentences (the I-589 C.5 box keeps its
    labels)."""
    late = case.claim.late_filing
    if late is None:
        return None
    changed = "; ".join(clause(c) for c in late.changed_circumstances)
    extraordinary = "; ".join(clause(c) for c in late.extraordinary_circumstances)
    status = late.lawful_status_until if lawful_status_applies(case) else None
    return (
        sentences(
            f"My circumstances changed: {changed}" if changed else None,
            f"This happened or became known to me {at_time(late.changed_on).rstrip(',')}"
            if late.changed_on
            else None,
            f"Extraordinary circumstances kept me from filing within one year: {extraordinary}"
            if extraordinary
            else None,
            f"I had lawful status in the United States until {status.describe()}"
            if status
            else None,
            late.explanation,
        )
        or None
    )


def _late_section(case: CaseFile) -> bool:
    """The sworn late-filing section only when the filing is late, or may be (the dates do not
    tell: the note in :func:`late_filing_notes` says so); never for a timely filing."""
    return case.claim.late_filing is not None and filing_time(case, date.today()).late is not False


def late_filing_notes(case: CaseFile) -> list[str]:
    """What the attorney decides about the late-filing section."""
    if case.claim.late_filing is None:
        return []
    timing = filing_time(case, date.today())
    if timing.late is False:
        return [
            "The reasons for filing late (claim.late_filing) are left out of the declaration: "
            "the application is filed within one year of the last arrival"
        ]
    notes = list(lawful_status_notes(case))
    if timing.late is None:
        notes.append(
            f"The late-filing section is kept although {timing.why_unknown}: check the dates "
            "and remove the section if the application is filed within one year"
        )
    return notes


def compose_declaration(case: CaseFile, tabs: Mapping[str, str] | None = None) -> Document:
    """The declaration as numbered paragraphs (``tabs`` maps evidence ids to exhibit letters)."""
    context = declaration_context(case, tabs)
    header = _caption(case)
    return render_document(PACKAGE, "declaration.en.j2", context, header)


def _caption(case: CaseFile) -> str:
    a_number = f"A{case.applicant.a_number}" if case.applicant.a_number else "A-number: none"
    return f"{case.applicant.name.full()} — {a_number}"
