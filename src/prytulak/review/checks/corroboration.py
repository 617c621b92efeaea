"""Evidence gaps: what corroboration exists for each event and what is usually expected."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from prytulak.case import CaseFile, EvidenceRef, Organization

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check


@cache
def expectations() -> dict[str, Any]:
    text = (resources.files("prytulak.review") / "data" / "corroboration.yaml").read_text("utf-8")
    data: dict[str, Any] = YAML(typ="safe").load(text)
    return data


_WORD = re.compile(r"[^\W_]+")


def _tokens(text: str) -> tuple[str, ...]:
    """Lower-case words, plural -s dropped, so that 'reports' is 'report' and 'card' is not
    found inside 'cardiology'."""
    words = (w.lower() for w in _WORD.findall(text))
    return tuple(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    )


def _has_phrase(words: tuple[str, ...], phrase: str) -> bool:
    wanted = _tokens(phrase)
    size = len(wanted)
    return any(words[i : i + size] == wanted for i in range(len(words) - size + 1))


def _matches(item: EvidenceRef, kinds: Iterable[str]) -> bool:
    """The item is available and its kind or title has one of ``kinds`` as whole words."""
    fields = (_tokens(item.kind or ""), _tokens(item.title))
    return item.available and any(_has_phrase(w, kind) for w in fields for kind in kinds)


def _linked(case: CaseFile, ids: Iterable[str]) -> list[EvidenceRef]:
    return [item for i in ids if (item := case.evidence_item(i)) is not None]


def _witness_counts(kinds: list[str], witnesses: list[str]) -> bool:
    return "witness" in kinds and bool(witnesses)


@check("gaps.event-uncorroborated")
def event_gaps(data: ReviewInput) -> Iterator[Finding]:
    harms_table = expectations()["harms"]
    for i, event in enumerate(data.case.claim.events):
        linked = _linked(data.case, event.evidence)
        for harm in event.harms:
            rule = harms_table.get(harm.value)
            if rule is None:
                continue
            kinds = list(rule["need"])
            if any(_matches(item, kinds) for item in linked):
                continue
            if _witness_counts(kinds, event.witnesses):
                continue
            severe = harm.value in {"beating", "torture", "detention", "conviction"}
            yield Finding(
                "gaps.event-uncorroborated",
                Severity.WARNING if severe else Severity.INFO,
                f"'{event.summary}' ({event.date}): nothing corroborates the "
                f"{harm.value.replace('_', ' ')}",
                f"Get {rule['why']}; if it cannot be obtained, explain why in the declaration "
                "(INA 208(b)(1)(B)(ii); Matter of L-A-C-)",
                Location(f"claim.events[{i}].evidence"),
            )


@check("gaps.medical-missing")
def medical_after_treatment(data: ReviewInput) -> Iterator[Finding]:
    for i, event in enumerate(data.case.claim.events):
        if not event.medical_treatment:
            continue
        if not any(_matches(e, ["medical"]) for e in _linked(data.case, event.evidence)):
            yield Finding(
                "gaps.medical-missing",
                Severity.WARNING,
                f"The applicant was treated after '{event.summary}' but no medical record is "
                "linked",
                "Ask the clinic or hospital for the record (a relative can request it), or "
                "explain why it cannot be had",
                Location(f"claim.events[{i}].evidence"),
            )


def _about_events(case: CaseFile) -> set[str]:
    """Evidence linked to an event or a relative's harm: proof of that, not of the case-level
    facts (a report on the applicant's own trial is not country-conditions evidence)."""
    linked = {i for event in case.claim.events for i in event.evidence}
    return linked | {i for harm in case.claim.family_harm for i in harm.evidence}


def _general(case: CaseFile) -> list[EvidenceRef]:
    about = _about_events(case)
    return [item for item in case.evidence if item.id not in about]


_STOP = frozenset(
    {"the", "of", "in", "and", "for", "a", "an", "on", "at", "to", "with", "by", "my", "i", "me"}
)


def _subject(text: str) -> set[str]:
    return {w for w in _tokens(text) if w not in _STOP and len(w) > 2}


def _names_organization(item: EvidenceRef, organization: Organization) -> bool:
    name = _subject(organization.name)
    shared = name & _subject(item.title)
    return len(shared) >= min(2, len(name))


def _membership_evidence(case: CaseFile, need: list[str]) -> bool:
    """A membership document, or a card or letter that names the organization."""
    for item in case.evidence:
        if _matches(item, ["membership"]):
            return True
        if _matches(item, need) and any(
            _names_organization(item, o) for o in case.claim.organizations
        ):
            return True
    return False


def _identity_or_conditions(case: CaseFile, key: str, need: list[str]) -> bool:
    pool = case.evidence if key == "identity" else _general(case)
    return any(_matches(item, need) for item in pool)


@check("gaps.case-level")
def case_level_gaps(data: ReviewInput) -> Iterator[Finding]:
    table = expectations()
    case = data.case
    for key in ("identity", "country_conditions"):
        rule = table[key]
        if not _identity_or_conditions(case, key, list(rule["need"])):
            yield _case_gap(key, rule, Severity.WARNING, "evidence")
    rule = table["membership"]
    if case.claim.organizations and not _membership_evidence(case, list(rule["need"])):
        yield _case_gap("membership", rule, Severity.INFO, "claim.organizations")
    yield from _activity_gaps(case, table["activities_abroad"])


def _case_gap(key: str, rule: dict[str, Any], severity: Severity, path: str) -> Finding:
    return Finding(
        "gaps.case-level",
        severity,
        f"No evidence of {key.replace('_', ' ')}: {rule['why']}",
        "Add it to the evidence list",
        Location(path),
    )


def _activity_gaps(case: CaseFile, rule: dict[str, Any]) -> Iterator[Finding]:
    """Each activity abroad: its own linked evidence first; otherwise evidence of the right
    kind, not about an event in Belarus, whose title names the activity or the place."""
    need = list(rule["need"])
    general = _general(case)
    for i, activity in enumerate(case.claim.activities_abroad):
        if any(item.available for item in _linked(case, activity.evidence)):
            continue
        subject = _subject(f"{activity.what} {activity.where or ''}")
        if any(_matches(e, need) and subject & _subject(e.title) for e in general):
            continue
        yield Finding(
            "gaps.case-level",
            Severity.WARNING,
            f"No evidence of the activity abroad '{activity.what}': {rule['why']}",
            f"Add it to the evidence list and link it in claim.activities_abroad[{i}].evidence",
            Location(f"claim.activities_abroad[{i}].evidence"),
        )
