"""What every evaluator receives, and the one way findings are made from the rule texts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from prytulak.case import CaseFile

from ..assessment import DatedDeadline, Finding, Kind, Status, UsedValue
from ..facts import CaseFacts
from ..rulebook import Rulebook, Table, TableEntry
from ..wording import Param, localize

__all__ = ["Context"]


@dataclass
class Context:
    case: CaseFile
    as_of: date
    book: Rulebook
    facts: CaseFacts
    assumed: frozenset[str] = frozenset()
    earlier: dict[str, Finding] = field(default_factory=dict)
    """Findings already made in this pass, by id (relief reads the bars)."""

    def value(self, value_id: str, on: date) -> UsedValue | None:
        return self.book.value(value_id, on, self.assumed)

    def table_value(self, table: Table, entry: TableEntry, on: date) -> UsedValue:
        """A table classification, reported like a dated value."""
        return UsedValue(
            id=f"{table.id}.{entry.key}",
            value=entry.outcome,
            applied_on=on,
            basis=table.title,
            in_force_from=entry.start or table.start,
            in_force_to=entry.end,
            citation=entry.citation,
            confidence=entry.confidence,
            note=entry.note,
        )

    def status_of(self, finding_id: str) -> Status | None:
        found = self.earlier.get(finding_id)
        return found.status if found else None

    def finding(
        self,
        finding_id: str,
        status: Status,
        variant: str,
        params: Mapping[str, Param] | None = None,
        *,
        values: Iterable[UsedValue | None] = (),
        facts: Iterable[str] = (),
        deadlines: Iterable[DatedDeadline] = (),
        resolve: str | None = None,
    ) -> Finding:
        text = self.book.text(finding_id)
        params = dict(params or {})
        used = tuple(v for v in values if v is not None)
        citations = list(text.citations)
        for v in used:
            if v.citation not in citations:
                citations.append(v.citation)
        resolve_key = resolve if resolve is not None else variant
        resolve_text = text.resolve.get(resolve_key)
        return Finding(
            id=finding_id,
            kind=Kind(text.kind),
            status=status,
            title=dict(text.title),
            explanation=localize(text.variants[variant], params, self.book),
            resolve=localize(resolve_text, params, self.book) if resolve_text else {},
            citations=tuple(citations),
            values=used,
            facts=tuple(facts),
            deadlines=tuple(deadlines),
            blocking_rule=text.blocking,
        )

    def deadline(
        self,
        deadline_id: str,
        day: date,
        finding_id: str,
        to_verify: bool,
        latest: date | None = None,
    ) -> DatedDeadline:
        term = self.book.term(f"deadline.{deadline_id}")
        return DatedDeadline(
            id=deadline_id,
            day=day,
            title=dict(term),
            finding_id=finding_id,
            to_verify=to_verify,
            latest=latest if latest != day else None,
        )
