"""``prytulak screening …``: import sanctions lists, screen a case's named officials."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from prytulak.case import CaseFile, CaseFileError, load_case
from prytulak.screening import (
    NO_HIT_NOTE,
    ListFileError,
    NetworkDisabledError,
    ScreeningIndex,
    ScreeningIndexError,
    ScreeningReport,
    data_dir,
    download_list,
    import_list,
    index_path,
    list_formats,
    open_index,
    screen_case,
)
from prytulak.screening.importing import read_list

from ._output import EXIT_USAGE, console, fail, fail_with_problems

screening_app = typer.Typer(
    help="Sanctions lists: import them, screen the officials named in a case.",
    no_args_is_help=True,
)
DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data directory (default: $PRYTULAK_DATA_DIR or the user's)"),
]
SAMPLE_SOURCE = "sample"


def register(app: typer.Typer) -> None:
    app.add_typer(screening_app, name="screening")


def _index(directory: Path | None) -> ScreeningIndex:
    try:
        return open_index(directory)
    except ScreeningIndexError as exc:
        fail(str(exc))


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f'--list-date "{value}" is not a date; write it as YYYY-MM-DD', EXIT_USAGE)


def sample_list_path() -> Path:
    return Path(str(resources.files("prytulak.screening") / "samples" / "sample_list.xml"))


def _import_sample(index: ScreeningIndex) -> None:
    from dataclasses import replace

    parsed = read_list(sample_list_path())
    parsed.info = replace(
        parsed.info,
        source_id=SAMPLE_SOURCE,
        source="bundled FICTIONAL sample list (not a real sanctions list)",
    )
    stored = index.replace_list(parsed, sample_list_path())
    console.print(f"Imported the fictional sample list: {stored.entry_count} entries")


@screening_app.command("import")
def import_command(
    file: Annotated[Path | None, typer.Argument(help="The downloaded list file")] = None,
    format_id: Annotated[
        str | None, typer.Option("--format", help="List format id (see 'screening formats')")
    ] = None,
    list_date: Annotated[
        str | None, typer.Option("--list-date", help="Date of the list, YYYY-MM-DD")
    ] = None,
    sample: Annotated[
        bool, typer.Option("--sample", help="Import the bundled fictional sample list")
    ] = False,
    directory: DataDir = None,
) -> None:
    """Import a list file (OFAC SDN CSV/XML, EU FSF XML, UK CSV/XML) into the local index."""
    with _index(directory) as index:
        if sample:
            _import_sample(index)
            return
        if file is None:
            fail("give the list file to import, or --sample", EXIT_USAGE)
        try:
            result = import_list(index, file, format_id, _parse_date(list_date))
        except ListFileError as exc:
            fail(str(exc))
    stored = result.stored
    console.print(
        f"[green]✓[/] {stored.source}: {stored.entry_count} entries "
        f"({stored.belarus_count} Belarus-related), list dated {stored.list_date} "
        f"({stored.date_note})"
    )
    if result.replaced:
        console.print(f"  replaced the import of the list dated {result.replaced.list_date}")
    for warning in result.warnings:
        console.print(f"  [yellow]![/] {warning}")


@screening_app.command("download")
def download(
    source: Annotated[str, typer.Argument(help="ofac-sdn or eu-fsf")],
    allow_network: Annotated[
        bool, typer.Option("--allow-network", help="Allow this download (off by default)")
    ] = False,
    directory: DataDir = None,
) -> None:
    """Download an official list and import it: only with --allow-network."""
    folder = data_dir(directory) / "screening" / "downloads"
    try:
        path = download_list(source, folder, allow_network=allow_network)
    except NetworkDisabledError as exc:
        fail(str(exc), EXIT_USAGE)
    except (ListFileError, OSError) as exc:
        fail(f"download failed: {exc}; download the file yourself and import it")
    import_command(path, None, None, False, directory)


@screening_app.command("lists")
def lists(directory: DataDir = None) -> None:
    """The imported lists, with their dates."""
    with _index(directory) as index:
        stored = index.stored_lists()
    if not stored:
        console.print("No lists imported. Run 'prytulak screening import FILE'.")
        return
    table = Table(title="Imported sanctions lists")
    for column in ("source", "list date", "entries", "Belarus", "file", "imported"):
        table.add_column(column)
    for item in stored:
        table.add_row(
            item.source,
            f"{item.list_date} ({item.date_note})",
            str(item.entry_count),
            str(item.belarus_count),
            item.file_name,
            item.imported_at,
        )
    console.print(table)


@screening_app.command("formats")
def formats() -> None:
    """The list formats Prytulak reads."""
    for found in list_formats():
        console.print(f"{found.id}: {found.title}")


def _load(path: Path) -> CaseFile:
    try:
        return load_case(path)
    except CaseFileError as error:
        fail_with_problems(error)


def render_report(report: ScreeningReport, out: Console) -> None:
    for item in report.lists:
        out.print(f"  list: {item.source}, dated {item.list_date}", markup=False)
    if report.skipped:
        out.print(f"  not screened (no name in the case): {', '.join(report.skipped)}")
    for hit in report.hits:
        out.print(f"• {hit.statement()}", markup=False)
        out.print(f"    matched spelling: {hit.matched_variant}", markup=False)
        for line in hit.explanation:
            out.print(f"    - {line}", markup=False)
    for item in report.surname_only:
        out.print(f"  ! {item.statement()}", markup=False)
    missed = report.without_hits()
    if missed or not (report.hits or report.surname_only):
        names = ", ".join(n for _, names in missed for n in names) or "nobody"
        out.print(f"  no hits for {names}. {NO_HIT_NOTE}", markup=False)


def _report_json(report: ScreeningReport) -> str:
    data = {
        "lists": [
            {"source": s.source, "list_date": str(s.list_date), "date_note": s.date_note}
            for s in report.lists
        ],
        "threshold": report.threshold,
        "no_hits": [{"actor": a, "names": list(n)} for a, n in report.without_hits()],
        "surname_only": [
            {
                "actor": s.actor_id,
                "name": s.name,
                "given_name_only": s.given_only,
                "entries": [
                    {"listed_name": e.listed_name, "entry": e.entry.ref, "list": e.list.source}
                    for e in s.entries
                ],
                "statement": s.statement(),
            }
            for s in report.surname_only
        ],
        "hits": [
            {
                "actor": h.actor_id,
                "query": h.query,
                "score": h.score,
                "band": h.band,
                "matched_variant": h.matched_variant,
                "listed_name": h.listed_name,
                "entry": h.entry.ref,
                "programs": list(h.entry.programs),
                "belarus": h.entry.belarus,
                "reason": h.entry.reason,
                "list": h.list.source,
                "list_date": str(h.list.list_date),
                "explanation": list(h.explanation),
                "statement": h.statement(),
            }
            for h in report.hits
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


@screening_app.command("check")
def check(
    case_path: Annotated[Path, typer.Argument(help="case.yaml or case folder")],
    threshold: Annotated[float, typer.Option(help="Lowest score to report (0-100)")] = 85.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    directory: DataDir = None,
) -> None:
    """Screen every named official of the case against the imported lists."""
    if not 0 <= threshold <= 100:
        fail("--threshold must be between 0 and 100", EXIT_USAGE)
    case = _load(case_path)
    with _index(directory) as index:
        if not index.stored_lists():
            fail("no sanctions list imported; run 'prytulak screening import FILE' first")
        report = screen_case(case, index, threshold)
    if as_json:
        typer.echo(_report_json(report))
        return
    console.print(f"Screening {len(report.screened)} named actor(s) of {case.id}")
    render_report(report, console)


def demo_step(folder: Path, case: CaseFile, out: Console) -> None:
    """Screen the demo actors, only when some list has been imported (fast, no download)."""
    hint = (
        "Sanctions screening: no list imported (try 'prytulak screening import --sample' for "
        "the fictional sample list)."
    )
    if not index_path().exists():
        out.print(hint)
        return
    try:
        with open_index() as index:
            if not index.stored_lists():
                out.print(hint)
                return
            report = screen_case(case, index)
    except ScreeningIndexError:
        return
    dated = ", ".join(f"{s.source} ({s.list_date})" for s in report.lists)
    out.print(f"Sanctions screening of {len(report.screened)} named actor(s) against {dated}:")
    for hit in report.hits:
        out.print(
            f'  • {hit.band} {hit.score:.0f}/100: {hit.actor_label} ~ "{hit.listed_name}" '
            f"({hit.list.source}, entry {hit.entry.ref}); confirm before relying on it",
            markup=False,
        )
    for item in report.surname_only:
        out.print(f"  ! {item.statement()}", markup=False)
    if not report.hits:
        out.print("  no hits (which proves nothing: see 'prytulak screening check')")
