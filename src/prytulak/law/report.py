"""Render an Assessment as plain text, JSON or HTML in English, Russian or Belarusian."""

from __future__ import annotations

import json
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from .assessment import Assessment, Finding, Kind, Status
from .rulebook import Rulebook, load_rulebook

__all__ = ["FORMATS", "headline", "render"]

FORMATS = ("text", "json", "html")
MARKS = {Status.MET: "✓", Status.NOT_MET: "✗", Status.AT_RISK: "!", Status.UNKNOWN: "?"}


def _t(book: Rulebook, key: str, lang: str) -> str:
    return book.term(key)[lang]


def headline(assessment: Assessment, lang: str = "en", book: Rulebook | None = None) -> str:
    """One line: counts by status and what blocks, e.g. for ``prytulak demo``."""
    book = book or load_rulebook()
    counts = ", ".join(
        f"{assessment.count(s)} {_t(book, f'status.{s.value}', lang)}" for s in Status
    )
    blocking = [f.title[lang] for f in assessment.blocking]
    tail = (
        f"{_t(book, 'label.blocking', lang)}: {'; '.join(blocking)}"
        if blocking
        else _t(book, "label.nothing_blocking", lang)
    )
    return f"{_t(book, 'label.headline', lang)}: {counts}; {tail}"


def _finding_lines(finding: Finding, lang: str, book: Rulebook) -> list[str]:
    status = _t(book, f"status.{finding.status.value}", lang)
    lines = [f"  {MARKS[finding.status]} {finding.title[lang]} [{finding.id}]: {status}"]
    lines.append(f"      {finding.text(lang)}")
    if finding.resolve:
        lines.append(f"      → {_t(book, 'label.resolve', lang)}: {finding.resolve[lang]}")
    lines.append(f"      {_t(book, 'label.citations', lang)}: {'; '.join(finding.citations)}")
    for value in finding.values:
        verify = (
            f" ({_t(book, 'label.to_verify', lang)})" if value.confidence == "to_verify" else ""
        )
        lines.append(
            f"      · {value.id} = {value.value}, {_t(book, 'label.in_force', lang)} "
            f"{value.in_force_from.isoformat()} [{value.citation}]{verify}"
        )
    return lines


def render_text(assessment: Assessment, lang: str = "en", book: Rulebook | None = None) -> str:
    book = book or load_rulebook()
    lines = [
        f"{headline(assessment, lang, book)} ({_t(book, 'label.as_of', lang)} "
        f"{assessment.as_of.isoformat()})"
    ]
    if assessment.assumed_changes:
        lines.append(f"{_t(book, 'label.assumed', lang)}: {', '.join(assessment.assumed_changes)}")
    for kind in Kind:
        found = assessment.of_kind(kind)
        if not found:
            continue
        lines += ["", _t(book, f"kind.{kind.value}", lang)]
        for finding in found:
            lines += _finding_lines(finding, lang, book)
    if assessment.deadlines():
        lines += ["", _t(book, "label.deadlines", lang)]
        for d in assessment.deadlines():
            lines.append(f"  {d.day.isoformat()}  {d.title[lang]}")
    lines += ["", assessment.disclaimer[lang]]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("prytulak.law", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(assessment: Assessment, lang: str = "en", book: Rulebook | None = None) -> str:
    book = book or load_rulebook()
    template = _environment().get_template("assessment.html")
    groups = [(_t(book, f"kind.{k.value}", lang), assessment.of_kind(k)) for k in Kind]
    return template.render(
        a=assessment,
        lang=lang,
        groups=[(title, found) for title, found in groups if found],
        headline=headline(assessment, lang, book),
        t=lambda key: _t(book, key, lang),
        marks=MARKS,
    )


def render(assessment: Assessment, fmt: str = "text", lang: str = "en") -> str:
    if fmt == "json":
        return json.dumps(assessment.to_data(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return render_html(assessment, lang)
    return render_text(assessment, lang)
