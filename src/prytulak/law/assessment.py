"""The Assessment: what the law engine says about a case, as typed, frozen records.

Every finding names a rule (a stable id), a status, an explanation in English, Russian and
Belarusian, the citations, the dated rule values it used, and what would resolve it.

Status, read from the applicant's side: ``met`` the requirement is satisfied or nothing blocks;
``not_met`` it is not (for a bar: the bar applies; for a clock: not reached yet); ``at_risk`` an
attorney must weigh it; ``unknown`` the case file lacks the facts to decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

__all__ = [
    "LANGUAGES",
    "Assessment",
    "DatedDeadline",
    "Finding",
    "Kind",
    "Status",
    "UsedValue",
]

LANGUAGES = ("en", "ru", "be")


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    AT_RISK = "at_risk"
    UNKNOWN = "unknown"


class Kind(StrEnum):
    ELIGIBILITY = "eligibility"
    BAR = "bar"
    DEADLINE = "deadline"
    RELIEF = "relief"
    CLOCK = "clock"
    FEE = "fee"


@dataclass(frozen=True)
class UsedValue:
    """One dated rule value the engine applied, and why that version."""

    id: str
    value: int | float | str | bool
    applied_on: date
    basis: str
    in_force_from: date
    in_force_to: date | None
    citation: str
    confidence: str
    note: str | None = None

    def to_data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "value": self.value,
            "applied_on": self.applied_on.isoformat(),
            "basis": self.basis,
            "in_force_from": self.in_force_from.isoformat(),
            "in_force_to": self.in_force_to.isoformat() if self.in_force_to else None,
            "citation": self.citation,
            "confidence": self.confidence,
            "note": self.note,
        }


@dataclass(frozen=True)
class DatedDeadline:
    """A day to put in the calendar (the last day to file, a clock date, a fee due date)."""

    id: str
    day: date
    title: dict[str, str]
    finding_id: str
    to_verify: bool = False
    latest: date | None = None
    """The last possible day when the deadline counts from a date known only to the month (an
    arrival in 2025-11: ``day`` 2026-11-01, ``latest`` 2026-11-30); None for one known day."""

    def to_data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "latest": self.latest.isoformat() if self.latest else None,
            "title": self.title,
            "finding": self.finding_id,
            "to_verify": self.to_verify,
        }


@dataclass(frozen=True)
class Finding:
    id: str
    kind: Kind
    status: Status
    title: dict[str, str]
    explanation: dict[str, str]
    resolve: dict[str, str] = field(default_factory=dict)
    citations: tuple[str, ...] = ()
    values: tuple[UsedValue, ...] = ()
    facts: tuple[str, ...] = ()
    deadlines: tuple[DatedDeadline, ...] = ()
    blocking_rule: bool = False

    @property
    def is_blocking(self) -> bool:
        """A blocking rule (a bar, the deadline) that is not met stops asylum."""
        return self.blocking_rule and self.status is Status.NOT_MET

    @property
    def to_verify(self) -> bool:
        return any(v.confidence == "to_verify" for v in self.values)

    def text(self, lang: str = "en") -> str:
        return self.explanation.get(lang) or self.explanation["en"]

    def to_data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "status": self.status.value,
            "blocking": self.is_blocking,
            "title": self.title,
            "explanation": self.explanation,
            "resolve": self.resolve,
            "citations": list(self.citations),
            "values": [v.to_data() for v in self.values],
            "facts": list(self.facts),
            "deadlines": [d.to_data() for d in self.deadlines],
        }


@dataclass(frozen=True)
class Assessment:
    case_id: str
    as_of: date
    findings: tuple[Finding, ...]
    disclaimer: dict[str, str]
    assumed_changes: tuple[str, ...] = ()

    def finding(self, rule_id: str) -> Finding | None:
        return next((f for f in self.findings if f.id == rule_id), None)

    def of_kind(self, kind: Kind) -> list[Finding]:
        return [f for f in self.findings if f.kind is kind]

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.is_blocking]

    def deadlines(self) -> list[DatedDeadline]:
        days = [d for f in self.findings for d in f.deadlines]
        return sorted(days, key=lambda d: (d.day, d.id))

    def count(self, status: Status) -> int:
        return sum(1 for f in self.findings if f.status is status)

    def to_data(self) -> dict[str, Any]:
        return {
            "case": self.case_id,
            "as_of": self.as_of.isoformat(),
            "assumed_changes": list(self.assumed_changes),
            "blocking": [f.id for f in self.blocking],
            "findings": [f.to_data() for f in self.findings],
            "disclaimer": self.disclaimer,
        }
