"""Checks that span several fields: ids, references, and dates that cannot be.

These make a case file *invalid* (it cannot be used). Softer doubts (a date that looks odd, a
story that does not add up) belong to the case review, not here.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date

from .dates import PartialDate
from .model import CaseFile
from .problems import Problem

__all__ = ["integrity_problems"]


def integrity_problems(case: CaseFile, today: date) -> list[Problem]:
    checks = (
        _duplicate_ids,
        _same_child_twice,
        _unknown_references,
        _dates_before_birth,
        _dates_in_future,
        _reversed_periods,
        _consents_in_future,
        _evidence_files_outside,
    )
    problems: list[Problem] = []
    for check in checks:
        problems.extend(check(case, today))
    return problems


def _evidence_files_outside(case: CaseFile, today: date) -> Iterator[Problem]:
    """``evidence[].file`` names a file under the case folder's evidence/; a path that leaves
    it (``../``, an absolute path, a drive) would put some other file into the exhibits."""
    for index, item in enumerate(case.evidence):
        name = item.file
        if not name:
            continue
        parts = name.replace("\\", "/").split("/")
        absolute = name.startswith(("/", "\\", "~")) or (len(name) > 1 and name[1] == ":")
        if absolute or ".." in parts:
            base = parts[-1] or "document.pdf"
            yield Problem(
                f"evidence[{index}].file",
                f'"{name}" leads outside the case folder; put the file in the case\'s '
                f'evidence/ folder and write its name there (e.g. "{base}")',
            )


def _duplicate_ids(case: CaseFile, today: date) -> Iterator[Problem]:
    groups = {
        "claim.events": [e.id for e in case.claim.events],
        "claim.actors": [a.id for a in case.claim.actors],
        "evidence": [e.id for e in case.evidence],
        "family": [c.id for c in case.family.children]
        + [r.id for r in case.family.relatives]
        + ([case.family.spouse.id] if case.family.spouse else []),
    }
    for path, ids in groups.items():
        for ident, count in Counter(ids).items():
            if count > 1:
                yield Problem(
                    path,
                    f'the id "{ident}" is used {count} times; give each entry its own id',
                )


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).casefold().replace(" ", "")


def _same_child_twice(case: CaseFile, today: date) -> Iterator[Problem]:
    seen: dict[tuple[str, str, str], int] = {}
    for index, child in enumerate(case.family.children):
        key = (_fold(child.name.family), _fold(child.name.given), child.birth.date.text)
        if key in seen:
            yield Problem(
                f"family.children[{index}]",
                f"{child.name.full()} born {child.birth.date} is already listed as "
                f"family.children[{seen[key]}]; remove the second entry",
            )
        else:
            seen[key] = index


def _did_you_mean(given: str, known: set[str]) -> str:
    close = difflib.get_close_matches(given, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _unknown_references(case: CaseFile, today: date) -> Iterator[Problem]:
    evidence_ids = {e.id for e in case.evidence}
    actor_ids = {a.id for a in case.claim.actors}
    holders: list[tuple[str, list[str], list[str]]] = []
    for i, ev in enumerate(case.claim.events):
        holders.append((f"claim.events[{i}]", ev.evidence, ev.actors))
    for i, fear in enumerate(case.claim.fears):
        holders.append((f"claim.fears[{i}]", fear.evidence, fear.from_whom))
    for i, harm in enumerate(case.claim.family_harm):
        holders.append((f"claim.family_harm[{i}]", harm.evidence, harm.actors))
    for i, act in enumerate(case.claim.activities_abroad):
        holders.append((f"claim.activities_abroad[{i}]", act.evidence, []))
    for path, evidence, actors in holders:
        for ref in evidence:
            if ref not in evidence_ids:
                yield Problem(
                    f"{path}.evidence",
                    f'points at evidence "{ref}", which is not in the case\'s evidence list; '
                    f"add it there or correct the id{_did_you_mean(ref, evidence_ids)}",
                )
        for ref in actors:
            if ref not in actor_ids:
                yield Problem(
                    f"{path}.actors" if "fears" not in path else f"{path}.from_whom",
                    f'points at actor "{ref}", which is not in claim.actors; '
                    f"add the persecutor there or correct the id{_did_you_mean(ref, actor_ids)}",
                )


def _past_dates(case: CaseFile) -> Iterator[tuple[str, PartialDate]]:
    """Dates that describe things that already happened."""
    yield from _applicant_dates(case)
    yield from _travel_dates(case)
    yield from _family_dates(case)
    if case.filing.filed_on:
        yield "filing.filed_on", case.filing.filed_on
    for i, ev in enumerate(case.evidence):
        if ev.document_date:
            yield f"evidence[{i}].document_date", ev.document_date


def _applicant_dates(case: CaseFile) -> Iterator[tuple[str, PartialDate]]:
    if case.applicant.birth:
        yield "applicant.birth.date", case.applicant.birth.date
    for i, e in enumerate(case.claim.events):
        yield f"claim.events[{i}].date", e.date
    for i, h in enumerate(case.claim.family_harm):
        yield f"claim.family_harm[{i}].date", h.date


def _travel_dates(case: CaseFile) -> Iterator[tuple[str, PartialDate]]:
    for i, d in enumerate(case.travel.departures):
        yield f"travel.departures[{i}].date", d.date
    for i, u in enumerate(case.travel.us_entries):
        yield f"travel.us_entries[{i}].date", u.date
    for i, t in enumerate(case.travel.third_countries):
        if t.arrived:
            yield f"travel.third_countries[{i}].arrived", t.arrived


def _family_dates(case: CaseFile) -> Iterator[tuple[str, PartialDate]]:
    for i, c in enumerate(case.family.children):
        yield f"family.children[{i}].birth.date", c.birth.date
    if case.family.spouse:
        yield "family.spouse.birth.date", case.family.spouse.birth.date
        if case.family.spouse.marriage_date:
            yield "family.spouse.marriage_date", case.family.spouse.marriage_date


def _dates_in_future(case: CaseFile, today: date) -> Iterator[Problem]:
    for path, value in _past_dates(case):
        if value.earliest > today:
            yield Problem(
                path,
                f"{value} is in the future (today is {today.isoformat()}); "
                "this date must already have happened — check the year",
            )


def _consents_in_future(case: CaseFile, today: date) -> Iterator[Problem]:
    for i, consent in enumerate(case.representation.referral_consents):
        if consent.given_on > today:
            yield Problem(
                f"representation.referral_consents[{i}].given_on",
                f"{consent.given_on} is in the future (today is {today.isoformat()}); "
                "record consent on the day it was given",
            )


def _dates_before_birth(case: CaseFile, today: date) -> Iterator[Problem]:
    if case.applicant.birth is None:
        return
    born = case.applicant.birth.date
    for path, value in _past_dates(case):
        if path.startswith(("applicant.birth", "family.", "evidence[")):
            continue
        if value.latest < born.earliest:
            yield Problem(
                path,
                f"{value} is before the applicant was born ({born}); check both dates",
            )


def _reversed_periods(case: CaseFile, today: date) -> Iterator[Problem]:
    spans: list[tuple[str, PartialDate | None, PartialDate | None]] = []
    for i, e in enumerate(case.claim.events):
        spans.append((f"claim.events[{i}].end", e.date, e.end))
    for i, t in enumerate(case.travel.third_countries):
        spans.append((f"travel.third_countries[{i}].left", t.arrived, t.left))
    for i, r in enumerate(case.history.residences):
        spans.append((f"history.residences[{i}].to", r.start, r.end))
    for i, s in enumerate(case.history.education):
        spans.append((f"history.education[{i}].to", s.start, s.end))
    for i, j in enumerate(case.history.employment):
        spans.append((f"history.employment[{i}].to", j.start, j.end))
    for path, start, end in spans:
        if start is not None and end is not None and end.latest < start.earliest:
            yield Problem(path, f"{end} is before the start ({start}); swap or correct them")
