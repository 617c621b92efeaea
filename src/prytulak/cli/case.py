"""``prytulak case …``: create, validate, show a case; print the schema."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from prytulak.case import (
    CaseFile,
    CaseFileError,
    EntryManner,
    Problem,
    case_json_schema_text,
    load_case,
)
from prytulak.case.starting import new_case
from prytulak.store import create_case_folder

from ._output import EXIT_USAGE, console, fail, fail_with_problems
from ._paths import OutputPathError, check_output_folder, output_file, write_failed, write_text

case_app = typer.Typer(help="Create, check and show case files.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(case_app, name="case")


def _load_or_exit(path: Path) -> CaseFile:
    try:
        return load_case(path)
    except CaseFileError as error:
        fail_with_problems(error)


@case_app.command("validate")
def validate(
    paths: Annotated[list[Path], typer.Argument(help="case.yaml files or case folders")],
) -> None:
    """Check case files; print every problem with the field, line and fix."""
    bad = 0
    for path in paths:
        try:
            case = load_case(path)
        except CaseFileError as error:
            bad += 1
            console.print(f"[bold red]✗ {error.source}[/]: {len(error.problems)} problem(s)")
            for problem in error.problems:
                console.print(f"  • {problem}", markup=False, soft_wrap=True)
            continue
        console.print(f"[green]✓[/] {path}: valid ({case.applicant.name.full()})")
    if bad:
        raise typer.Exit(1)


@case_app.command("schema")
def schema(
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file")] = None,
) -> None:
    """Print the JSON Schema of the case file."""
    text = case_json_schema_text()
    if out:
        write_text(output_file(out, example="case.schema.json"), text)
        console.print(f"Wrote {out}")
    else:
        sys.stdout.write(text)


@case_app.command("show")
def show(path: Annotated[Path, typer.Argument(help="case.yaml or case folder")]) -> None:
    """Who, arrival, one-year date, events timeline."""
    case = _load_or_exit(path)
    render_case_summary(case)


def render_case_summary(case: CaseFile, today: date | None = None) -> None:
    today = today or date.today()
    applicant = case.applicant
    name = applicant.name
    native = " / ".join(n.full() for n in name.native)
    console.print(f"[bold]{name.full()}[/]" + (f"  ({native})" if native else ""))
    if applicant.birth:
        console.print(f"  born {applicant.birth.date.describe()}, {applicant.birth.city or '?'}")
    arrival = case.travel.last_arrival()
    if arrival:
        console.print(
            f"  last arrival: {arrival.date.describe()} at {arrival.place} ({arrival.manner.value})"
        )
    for line in deadline_lines(case, today):
        console.print(f"  {line}")
    table = Table(title="Timeline", show_lines=False)
    table.add_column("date")
    table.add_column("place")
    table.add_column("what happened")
    table.add_column("harm")
    for event in case.claim.timeline():
        span = f"{event.date}" + (f" – {event.end}" if event.end else "")
        table.add_row(span, event.place, event.summary, ", ".join(h.value for h in event.harms))
    console.print(table)


def deadline_lines(case: CaseFile, today: date) -> list[str]:
    """Deadlines to show; the law engine supplies them once installed (see prytulak.law)."""
    try:
        from prytulak.law import deadline_summary
    except ImportError:
        return _provisional_one_year(case, today)
    lines: list[str] = deadline_summary(case, today)
    return lines


def _provisional_one_year(case: CaseFile, today: date) -> list[str]:
    arrival = case.travel.last_arrival()
    if arrival is None or arrival.date.exact is None:
        return ["one-year deadline: unknown (no exact date of last arrival)"]
    last = arrival.date.exact
    try:
        deadline = last.replace(year=last.year + 1)
    except ValueError:
        deadline = last.replace(year=last.year + 1, day=28) + timedelta(days=1)
    left = (deadline - today).days
    state = f"{left} days left" if left >= 0 else f"{-left} days late"
    return [f"one-year deadline: {deadline.isoformat()} ({state})"]


@case_app.command("new")
def new(
    folder: Annotated[Path, typer.Argument(help="Folder to create for the case")],
    family: Annotated[str | None, typer.Option(help="Family name as in the passport")] = None,
    given: Annotated[str | None, typer.Option(help="Given name as in the passport")] = None,
    birth: Annotated[str | None, typer.Option(help="Date of birth, YYYY-MM-DD")] = None,
    arrival: Annotated[str | None, typer.Option(help="Date of last arrival in the US")] = None,
    port: Annotated[str | None, typer.Option(help="Place of last arrival")] = None,
    manner: Annotated[
        EntryManner | None, typer.Option(help="Status at entry (asked when there is an arrival)")
    ] = None,
    case_id: Annotated[str | None, typer.Option("--id", help="Case id")] = None,
) -> None:
    """Start a case folder, asking for what is missing when run interactively."""
    interactive = sys.stdin.isatty()
    family = family or _ask("Family name (as in the passport)", interactive)
    given = given or _ask("Given name (as in the passport)", interactive)
    birth = birth or _ask("Date of birth (YYYY-MM-DD)", interactive)
    if arrival is None and interactive:
        arrival = typer.prompt("Date of last arrival in the US (empty if unknown)", default="")
    if arrival and port is None:
        port = _ask("Place of last arrival (e.g. JFK Airport, New York)", interactive)
    if arrival and manner is None:
        known = ", ".join(m.value for m in EntryManner)
        answer = _ask(f"Status at entry ({known})", interactive, "--manner")
        if answer not in {m.value for m in EntryManner}:
            fail(f"status at entry {answer!r}: use one of {known}", EXIT_USAGE)
        manner = EntryManner(answer)
    try:
        case = new_case(family, given, birth, arrival or None, port, manner, case_id)
    except ValueError as error:
        fail(str(error))
    try:
        check_output_folder(folder, "folder", create=False)
        created = create_case_folder(folder, case)
    except OutputPathError as error:
        fail(str(error))
    except FileExistsError as error:
        fail(str(error))
    except CaseFileError as error:
        fail_with_problems(_as_flags(error))
    except OSError as error:
        fail(str(write_failed(folder, error, "folder")))
    console.print(f"[green]✓[/] created {created.case_file}")


_FLAGS = {
    "applicant.name.family": "--family",
    "applicant.name.given": "--given",
    "applicant.birth.date": "--birth",
    "travel.us_entries[0].date": "--arrival",
    "travel.us_entries[0].place": "--port",
    "travel.us_entries[0].manner": "--manner",
    "id": "--id",
}


def _as_flags(error: CaseFileError) -> CaseFileError:
    """The problems of a case not yet written, named by the flag to change (no file lines)."""
    problems = [Problem(_FLAGS.get(p.path, p.path), p.message) for p in error.problems]
    return CaseFileError("the case was not created; fix these and run it again", problems)


def _ask(question: str, interactive: bool, flag: str = "") -> str:
    if not interactive:
        named = f" {flag}" if flag else ""
        fail(f"missing option{named} for: {question} (pass it as a flag)", EXIT_USAGE)
    answer: str = typer.prompt(question)
    return answer
