"""The context of the declaration template, built from the case file's facts only.

Narratives are used as the case holds them (the attorney edits them with the applicant); each
event names who did it and why, tied to the protected ground, and cites its exhibits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prytulak.case import Activity, CaseFile, Event, FamilyHarm, Fear, ThirdCountryStay

from ..document import Document, render_document
from ..forms.i589_narratives import charge_text
from ..sentences import at_time, clause, first_person, sentence, sentences

__all__ = ["compose_declaration", "declaration_context", "first_person_activities"]

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
        "organizations": [
            sentence(
                f"I was a member of {clause(o.name)} ({o.kind}{', ' + o.role if o.role else ''})"
            )
            for o in case.claim.organizations
        ],
    }


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


def _stay(stay: ThirdCountryStay) -> str:
    detail = f" ({clause(stay.status_detail)})" if stay.status_detail else ""
    reason = None
    if stay.reason_left:
        mine, rewritten = first_person(clause(stay.reason_left))
        reason = (
            mine if rewritten or mine.startswith("I ") else f"Why I left {stay.country}: {mine}"
        )
    return sentences(f"I stayed in {stay.country}{detail}", reason)


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
            "late_filing": sentence(late_filing_text(case)) or None,
            "interpreter": rep.interpreter.name if rep.interpreter else None,
            "interpreter_language": rep.interpreter.language if rep.interpreter else None,
        }
    )
    return context


def compose_declaration(case: CaseFile, tabs: Mapping[str, str] | None = None) -> Document:
    """The declaration as numbered paragraphs (``tabs`` maps evidence ids to exhibit letters)."""
    context = declaration_context(case, tabs)
    header = _caption(case)
    return render_document(PACKAGE, "declaration.en.j2", context, header)


def _caption(case: CaseFile) -> str:
    a_number = f"A{case.applicant.a_number}" if case.applicant.a_number else "A-number: none"
    return f"{case.applicant.name.full()} — {a_number}"
