"""The context of the declaration template, built from the case file's facts only.

Narratives are used as the case holds them (the attorney edits them with the applicant); each
event names who did it and why, tied to the protected ground, and cites its exhibits.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from prytulak.case import (
    Activity,
    CaseFile,
    Event,
    FamilyHarm,
    Fear,
    Organization,
    ThirdCountryStatus,
    ThirdCountryStay,
)

from ..document import Document, render_document
from ..forms.i589_narratives import charge_text
from ..forms.i589_narratives import late_filing_notes as lawful_status_notes
from ..one_year import filing_time
from ..sentences import at_time, clause, first_person, sentence, sentences

__all__ = [
    "compose_declaration",
    "declaration_context",
    "first_person_activities",
    "late_filing_notes",
]

PACKAGE = "prytulak.filing.declaration"


def _actors(case: CaseFile, ids: list[str]) -> str:
    return "; ".join(a.label() for a in (case.claim.actor(i) for i in ids) if a is not None)


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
    why = ", ".join(g.value.replace("_", " ") for g in event.grounds)
    charges = "; ".join(charge_text(c) for c in event.charges)
    return {
        "id": event.id,
        "line": sentence(f"{when}, {clause(event.place)}: {clause(event.summary)}"),
        "narrative": sentence(event.narrative) if event.narrative else None,
        "why": sentences(
            f"This was done by {who}" if who else None,
            f"They said: {clause(event.stated_reason)}" if event.stated_reason else None,
            f"I believe it happened because of my {why}" if why else None,
            f"Charges: {charges}" if charges else None,
        )
        if who or why
        else None,
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


def _journey(case: CaseFile) -> list[str]:
    lines = []
    for d in sorted(case.travel.departures, key=lambda d: d.date.sort_key()):
        via = f" through {clause(d.via)}" if d.via else ""
        lines.append(sentence(f"I left Belarus {at_time(d.date)}{via}"))
    lines += [_stay(stay) for stay in case.travel.third_countries]
    for entry in sorted(case.travel.us_entries, key=lambda e: e.date.sort_key()):
        lines.append(
            sentence(f"I entered the United States {at_time(entry.date)} at {clause(entry.place)}")
        )
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


def _family_harm(case: CaseFile, harm: FamilyHarm) -> str:
    who = clause(harm.who)
    relative = next((r for r in case.family.relatives if r.id == who), None)
    if relative is not None:
        who = relative.relation if relative.relation != "sibling" else relative.name.full()
    whom = f"my {who}" if who[:1].islower() and not who.startswith("my ") else who
    return sentences(
        f"{at_time(harm.date)} the following happened to {whom}: {clause(harm.what)}",
        f"This was done by {_actors(case, harm.actors)}" if harm.actors else None,
    )


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
    harm = clause(fear.harm)
    who = f" from {_actors(case, fear.from_whom)}" if fear.from_whom else ""
    return sentences(f"I fear {harm[:1].lower()}{harm[1:]}{who}", fear.why)


def declaration_context(case: CaseFile, tabs: Mapping[str, str] | None = None) -> dict[str, Any]:
    tabs = tabs or {}
    from ..forms.i589_narratives import late_filing_text

    rep = case.representation
    context = _background(case)
    context.update(
        {
            "events": [_event(case, e, tabs) for e in case.claim.timeline()],
            "family_harm": [_family_harm(case, h) for h in case.claim.family_harm],
            "activities": [_activity(a, tabs)[0] for a in case.claim.activities_abroad],
            "journey": _journey(case),
            "fears": [_fear(case, f) for f in case.claim.fears],
            "relocation": sentence(case.claim.relocation) if case.claim.relocation else None,
            "late_filing": sentence(late_filing_text(case)) if _late_section(case) else None,
            "interpreter": rep.interpreter.name if rep.interpreter else None,
            "interpreter_language": rep.interpreter.language if rep.interpreter else None,
        }
    )
    return context


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
