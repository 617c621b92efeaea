"""``prytulak review CASE``: inconsistencies, credibility risks and evidence gaps."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from prytulak.case import CaseFile, CaseFileError, load_case, parse_partial_date
from prytulak.review import DocumentText, ReviewReport, Severity, review
from prytulak.review.render import report_html, report_json, report_text

from ._output import EXIT_INVALID, EXIT_USAGE, console, err_console, fail, fail_with_problems
from ._paths import output_file, write_text


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"


def register(app: typer.Typer) -> None:
    app.command("review")(review_command)


def review_case(folder: Path, case: CaseFile, today: date | None = None) -> ReviewReport:
    """Review with whatever the case folder holds (declaration text, locker documents); what
    could not be read is a note in the report itself."""
    declaration = folder / "declaration.txt"
    text = declaration.read_text("utf-8") if declaration.is_file() else None
    notes: list[str] = []
    documents = _documents(folder, notes)
    report = review(case, today=today, declaration=text, documents=documents)
    return replace(report, notes=(*report.notes, *notes))


def _documents(folder: Path, notes: list[str]) -> list[DocumentText]:
    from prytulak.evidence import EvidenceError, Locker
    from prytulak.store import KeyringError

    if not Locker.exists(folder):
        return []
    passphrase = os.environ.get("PRYTULAK_PASSPHRASE")
    if not passphrase:
        notes.append(
            "The evidence locker was not read (set PRYTULAK_PASSPHRASE to check the "
            "documents' text against the case): document dates, durations and names were "
            "not compared."
        )
        return []
    from prytulak.review.locker_documents import documents_from_locker

    try:
        return documents_from_locker(folder, passphrase)
    except (EvidenceError, KeyringError) as error:
        notes.append(f"The evidence locker was not read: {error}")
        return []


def review_command(
    case_path: Annotated[Path, typer.Argument(metavar="CASE", help="case.yaml or case folder")],
    output_format: Annotated[Format, typer.Option("--format", help="text, json or html")] = (
        Format.TEXT
    ),
    out: Annotated[Path | None, typer.Option("--out", help="Write the report to a file")] = None,
    as_of: Annotated[str | None, typer.Option(help="Review as of this date (YYYY-MM-DD)")] = None,
) -> None:
    """Cross-check dates, names, places and evidence; exit 1 while blocking findings are open."""
    if out:
        output_file(out, example=f"review.{output_format.value.replace('text', 'txt')}")
    today = None
    if as_of:
        parsed = _as_of(as_of)
        today = parsed
    try:
        case = load_case(case_path)
    except CaseFileError as error:
        fail_with_problems(error)
    folder = case_path if case_path.is_dir() else case_path.parent
    report = review_case(folder, case, today)
    if out or output_format is not Format.TEXT:
        for note in report.notes:
            err_console.print(f"[yellow]![/] {note}", soft_wrap=True)
    rendered = {
        Format.TEXT: report_text,
        Format.JSON: report_json,
        Format.HTML: report_html,
    }[output_format](report)
    if out:
        write_text(out, rendered)
        console.print(f"Wrote {out}")
    elif output_format is Format.TEXT:
        console.print(rendered, markup=False, highlight=False, soft_wrap=True)
    else:
        sys.stdout.write(rendered)
    if report.blocking:
        raise typer.Exit(EXIT_INVALID)


def _as_of(text: str) -> date:
    try:
        value = parse_partial_date(text).exact
    except ValueError as error:
        fail(f"--as-of: {error}", EXIT_USAGE)
    if value is None:
        fail("--as-of needs a full date, YYYY-MM-DD", EXIT_USAGE)
    return value


def demo_step(folder: Path, case: CaseFile, out: Console) -> None:
    report = review_case(folder, case)
    counts = ", ".join(f"{report.count(s)} {s.label}" for s in reversed(Severity))
    out.print(f"  review: {counts}")
    for finding in report.findings[:2]:
        out.print(f"    [{finding.severity.label}] {finding.message}", markup=False)
