"""``assess``: run every evaluator over a case and collect the Assessment."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from prytulak.case import CaseFile

from .assessment import Assessment, Finding
from .evaluators import EVALUATORS, Context
from .facts import derive_facts
from .rulebook import Rulebook, RuleFileError, load_rulebook

__all__ = ["assess", "known_changes"]


def known_changes(book: Rulebook | None = None) -> list[str]:
    """Names of the pending (proposed) rule changes that ``assume`` can switch on."""
    book = book or load_rulebook()
    return sorted({v.change for rule in book.values.values() for v in rule.versions if v.change})


def assess(
    case: CaseFile,
    as_of: date | None = None,
    *,
    assume: Iterable[str] = (),
    rulebook: Rulebook | None = None,
) -> Assessment:
    """Evaluate the case on ``as_of`` (default today) under the rules in force on each date.

    ``assume`` names proposed changes to apply (see ``known_changes``).
    """
    book = rulebook or load_rulebook()
    assumed = frozenset(assume)
    unknown = assumed - set(known_changes(book))
    if unknown:
        raise RuleFileError(
            f"unknown rule change(s): {', '.join(sorted(unknown))}; "
            f"known: {', '.join(known_changes(book)) or 'none'}"
        )
    ctx = Context(
        case=case,
        as_of=as_of or date.today(),
        book=book,
        facts=derive_facts(case, book),
        assumed=assumed,
    )
    findings: list[Finding] = []
    for evaluator in EVALUATORS:
        result = evaluator(ctx)
        made = [result] if isinstance(result, Finding) else (result or [])
        for finding in made:
            ctx.earlier[finding.id] = finding
            findings.append(finding)
    return Assessment(
        case_id=case.id,
        as_of=ctx.as_of,
        findings=tuple(findings),
        disclaimer=dict(book.term("disclaimer")),
        assumed_changes=tuple(sorted(assumed)),
    )
