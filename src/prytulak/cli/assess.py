"""``prytulak assess`` and ``prytulak calendar``: the law engine on a case file."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from prytulak.case import CaseFile, CaseFileError, load_case
from prytulak.law import RuleFileError, assess, calendar_ics, headline, render

from ._output import EXIT_INVALID, EXIT_USAGE, console, fail, fail_with_problems
from ._paths import output_file, write_bytes, write_text


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"


class Lang(StrEnum):
    EN = "en"
    RU = "ru"
    BE = "be"


def register(app: typer.Typer) -> None:
    app.command("assess")(assess_command)
    app.command("calendar")(calendar_command)


def _load(path: Path) -> CaseFile:
    try:
        return load_case(path)
    except CaseFileError as error:
        fail_with_problems(error)


def _as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--as-of {text!r} is not a date; write YYYY-MM-DD, e.g. 2026-11-26", EXIT_USAGE)


def assess_command(
    case: Annotated[Path, typer.Argument(help="case.yaml or case folder")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Assess as of this day (YYYY-MM-DD)")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="text, json or html")] = Format.TEXT,
    lang: Annotated[Lang, typer.Option("--lang", help="en, ru or be")] = Lang.EN,
    assume: Annotated[
        list[str] | None,
        typer.Option("--assume", help="Apply a proposed rule change (repeatable)"),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file")] = None,
) -> None:
    """Eligibility, bars, deadlines, other protection, clocks and fees, with citations.

    Exit code 0 when nothing blocks asylum, 1 when a bar or the deadline is not met.
    """
    if out is not None:
        output_file(out, example=f"assessment.{fmt.value.replace('text', 'txt')}")
    loaded = _load(case)
    try:
        result = assess(loaded, _as_of(as_of), assume=assume or ())
    except RuleFileError as error:
        fail(str(error), EXIT_USAGE)
    text = render(result, fmt.value, lang.value)
    if out is not None:
        write_text(out, text)
        console.print(f"Wrote {out}")
    else:
        sys.stdout.write(text)
    if result.blocking:
        raise typer.Exit(EXIT_INVALID)


def calendar_command(
    case: Annotated[Path, typer.Argument(help="case.yaml or case folder")],
    out: Annotated[Path, typer.Option("--out", help="The .ics file to write")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="en, ru or be")] = Lang.EN,
) -> None:
    """Write every deadline of the case (one-year, work permit, court, fees) as an .ics file."""
    if out.suffix.lower() != ".ics" and not out.is_dir():
        fail(f"{out} does not end in .ics; name the calendar file e.g. deadlines.ics", EXIT_USAGE)
    output_file(out, example="deadlines.ics")
    result = assess(_load(case), _as_of(as_of))
    write_bytes(out, calendar_ics(result, lang.value))
    console.print(f"Wrote {len(result.deadlines())} deadline(s) to {out}")


def demo_step(folder: Path, case: CaseFile, console: Console) -> None:
    """A short headline of the assessment, and what needs the attorney's attention."""
    result = assess(case)
    console.print(f"  [bold]law:[/] {headline(result, 'en')}", markup=True, highlight=False)
    flagged = [f for f in result.findings if f.status.value in ("not_met", "at_risk")]
    for finding in flagged[:4]:
        console.print(f"    {finding.status.value}: {finding.title['en']}", markup=False)
