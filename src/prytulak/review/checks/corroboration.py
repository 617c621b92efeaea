"""Evidence gaps: what corroboration exists for each event and what is usually expected."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from prytulak.case import CaseFile, EvidenceRef

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check


@cache
def expectations() -> dict[str, Any]:
    text = (resources.files("prytulak.review") / "data" / "corroboration.yaml").read_text("utf-8")
    data: dict[str, Any] = YAML(typ="safe").load(text)
    return data


def _matches(item: EvidenceRef, kinds: Iterable[str]) -> bool:
    words = f"{item.kind or ''} {item.title}".lower()
    return item.available and any(kind in words for kind in kinds)


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


def _case_has(case: CaseFile, kinds: list[str]) -> bool:
    return any(_matches(item, kinds) for item in case.evidence)


@check("gaps.case-level")
def case_level_gaps(data: ReviewInput) -> Iterator[Finding]:
    table = expectations()
    case = data.case
    wanted = [("identity", "evidence", True), ("country_conditions", "evidence", True)]
    wanted.append(("membership", "claim.organizations", bool(case.claim.organizations)))
    wanted.append(
        ("activities_abroad", "claim.activities_abroad", bool(case.claim.activities_abroad))
    )
    for key, path, applies in wanted:
        rule = table[key]
        if applies and not _case_has(case, list(rule["need"])):
            yield Finding(
                "gaps.case-level",
                Severity.WARNING if key != "membership" else Severity.INFO,
                f"No evidence of {key.replace('_', ' ')}: {rule['why']}",
                "Add it to the evidence list",
                Location(path),
            )
