"""The context of the declaration template, built from the case file's facts only.

Narratives are used as the case holds them (the attorney edits them with the applicant); each
event names who did it and why, tied to the protected ground, and cites its exhibits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prytulak.case import CaseFile, Event

from ..document import Document, render_document
from ..forms.i589_narratives import charge_text

__all__ = ["compose_declaration", "declaration_context"]

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
    support = []
    if event.witnesses:
        support.append("Witnesses: " + ", ".join(event.witnesses) + ".")
    if event.medical_treatment:
        support.append("I received medical treatment afterwards.")
    if event.evidence:
        support.append(f"See {_exhibits(event.evidence, tabs)}.")
    return {
        "id": event.id,
        "when": when,
        "place": event.place,
        "summary": event.summary.rstrip("."),
        "narrative": event.narrative,
        "who": _actors(case, event.actors),
        "stated_reason": event.stated_reason.rstrip(".") if event.stated_reason else None,
        "why": ", ".join(g.value.replace("_", " ") for g in event.grounds),
        "charges": "; ".join(charge_text(c) for c in event.charges),
        "support": " ".join(support),
    }


def _background(case: CaseFile) -> dict[str, Any]:
    a = case.applicant
    birth = "on an unknown date"
    if a.birth is not None:
        where = ", ".join(p for p in (a.birth.city, a.birth.country) if p)
        birth = f"{'on ' if a.birth.date.is_exact else 'in '}{a.birth.date.describe()}"
        birth += f" in {where}" if where else ""
    schools = [f"{e.school} ({e.kind}, {e.location})" for e in case.history.education]
    jobs = [f"{j.occupation} at {j.employer}" for j in case.history.employment]
    return {
        "name": a.name.full(),
        "a_number": a.a_number,
        "birth": birth,
        "nationality": a.nationality,
        "ethnicity": a.ethnicity,
        "religion": a.religion,
        "native_language": a.languages.native if a.languages else "not recorded",
        "education": ("My education: " + "; ".join(schools) + ".") if schools else None,
        "employment": ("My work: " + "; ".join(jobs) + ".") if jobs else None,
        "political_opinion": case.claim.political_opinion,
        "social_groups": case.claim.social_groups,
        "organizations": [
            f"I was a member of {o.name} ({o.kind}{', ' + o.role if o.role else ''})."
            for o in case.claim.organizations
        ],
    }


def _journey(case: CaseFile) -> list[str]:
    lines = []
    for d in sorted(case.travel.departures, key=lambda d: d.date.sort_key()):
        via = f" through {d.via}" if d.via else ""
        lines.append(f"I left Belarus {d.date.describe()}{via}.")
    for stay in case.travel.third_countries:
        detail = f" ({stay.status_detail})" if stay.status_detail else ""
        reason = f" {stay.reason_left}" if stay.reason_left else ""
        lines.append(f"I stayed in {stay.country}{detail}.{reason}")
    for entry in sorted(case.travel.us_entries, key=lambda e: e.date.sort_key()):
        lines.append(f"I entered the United States on {entry.date.describe()} at {entry.place}.")
    return lines


def declaration_context(case: CaseFile, tabs: Mapping[str, str] | None = None) -> dict[str, Any]:
    tabs = tabs or {}
    from ..forms.i589_narratives import late_filing_text

    rep = case.representation
    context = _background(case)
    context.update(
        {
            "events": [_event(case, e, tabs) for e in case.claim.timeline()],
            "family_harm": [
                f"{h.date.describe()[0].upper()}{h.date.describe()[1:]}, my {h.who}: {h.what}"
                + (f" This was done by {_actors(case, h.actors)}." if h.actors else "")
                for h in case.claim.family_harm
            ],
            "activities": [
                f"{a.what}{' (' + a.where + ')' if a.where else ''}"
                + (f", since {a.start.describe()}" if a.start else "")
                + "."
                + (f" See {_exhibits(a.evidence, tabs)}." if a.evidence else "")
                for a in case.claim.activities_abroad
            ],
            "journey": _journey(case),
            "fears": [
                f"I fear {f.harm[0].lower()}{f.harm[1:]}"
                + (f" from {_actors(case, f.from_whom)}" if f.from_whom else "")
                + f". {f.why}"
                for f in case.claim.fears
            ],
            "relocation": case.claim.relocation,
            "late_filing": late_filing_text(case),
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
