"""Running every check over a case and collecting the findings into a report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from prytulak.case import CaseFile

from .findings import Finding, Severity
from .inputs import DocumentText, ReviewInput
from .registry import all_checks

__all__ = ["ReviewReport", "review"]


@dataclass(frozen=True)
class ReviewReport:
    case_id: str
    as_of: date
    findings: tuple[Finding, ...]
    failed_checks: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())
    """What the review could not look at (e.g. an evidence locker it could not read)."""

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.BLOCKING)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}


def review(
    case: CaseFile,
    *,
    today: date | None = None,
    documents: Sequence[DocumentText] = (),
    declaration: str | None = None,
) -> ReviewReport:
    """Cross-check the case, its documents and the declaration; nothing is changed."""
    data = ReviewInput(case, today or date.today(), documents, declaration)
    findings: list[Finding] = []
    failed: list[str] = []
    for item in all_checks():
        try:
            findings.extend(item.function(data))
        except Exception as error:  # one broken check must not hide the others
            failed.append(f"{item.name}: {type(error).__name__}: {error}")
    findings.sort(key=Finding.sort_key)
    return ReviewReport(case.id, data.today, tuple(findings), tuple(failed))
