"""``prytulak country …``, ``prytulak library …`` and ``prytulak memo``: country conditions."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from prytulak.case import CaseFile, CaseFileError, load_case, parse_partial_date
from prytulak.country import UnknownCountryError, get_pack, lookup_term, select_profiles
from prytulak.country.memo import build_memo, render_docx, render_markdown, render_pdf
from prytulak.search import Library, ReportImportError, ReportInfo, library_path

from ._output import EXIT_USAGE, console, fail, fail_with_problems
from ._paths import output_file, write_bytes

country_app = typer.Typer(
    help="The country pack: sourced facts, profiles, glossary.", no_args_is_help=True
)
library_app = typer.Typer(
    help="The library of country reports: add and search.", no_args_is_help=True
)


class MemoFormat(StrEnum):
    MD = "md"
    DOCX = "docx"
    PDF = "pdf"


class SearchMode(StrEnum):
    HYBRID = "hybrid"
    FTS = "fts"
    SEMANTIC = "semantic"


def register(app: typer.Typer) -> None:
    app.add_typer(country_app, name="country")
    app.add_typer(library_app, name="library")
    app.command("memo")(memo)


CountryOption = Annotated[str, typer.Option("--country", help="Country pack code")]


def _pack(code: str):  # type: ignore[no-untyped-def]
    try:
        return get_pack(code)
    except UnknownCountryError as error:
        fail(str(error), EXIT_USAGE)


@country_app.command("facts")
def facts(
    profile: Annotated[
        list[str] | None, typer.Option("--profile", help="Only facts for this profile (repeatable)")
    ] = None,
    country: CountryOption = "BY",
) -> None:
    """List the sourced facts, newest first, with source, date and review flags."""
    pack = _pack(country)
    known = {p.id for p in pack.profiles}
    unknown = sorted(set(profile or ()) - known)
    if unknown:
        fail(
            f"unknown profile {', '.join(unknown)}; use one of: {', '.join(sorted(known))}",
            EXIT_USAGE,
        )
    chosen = (
        {f.id: f for p in profile or () for f in pack.facts_for_profile(p)}
        if profile
        else {f.id: f for f in pack.facts}
    )
    table = Table(show_lines=False)
    for column in ("id", "describes", "statement", "source", "flags"):
        table.add_column(column, overflow="fold")
    for fact in sorted(chosen.values(), key=lambda f: (f.sort_day(), f.id), reverse=True):
        flags = [fact.review.value]
        if fact.source.replace_before_filing:
            flags.append(f"{fact.source.url_kind.value}: replace URL")
        table.add_row(
            fact.id,
            fact.describes.text if fact.describes else "undated",
            fact.statement,
            f"{fact.source.publisher}, {fact.source.pinpoint}",
            "; ".join(flags),
        )
    console.print(table)
    console.print(
        f"{len(chosen)} fact(s). Paraphrases of the sources: verify before filing; "
        "not legal advice."
    )


@country_app.command("term")
def term(
    words: Annotated[str, typer.Argument(help="A Russian or Belarusian legal term")],
    country: CountryOption = "BY",
) -> None:
    """The English rendering of a Russian or Belarusian legal or institutional term."""
    _pack(country)
    english = lookup_term(words, country=country)
    if english is None:
        fail(f"'{words}' is not in the glossary; check the spelling or use the nominative form")
    console.print(english)


@library_app.command("add")
def add(
    files: Annotated[list[Path], typer.Argument(help="PDF, HTML or text reports")],
    title: Annotated[str | None, typer.Option(help="Report title (default: from the file)")] = None,
    publisher: Annotated[
        str | None, typer.Option(help="Publisher, e.g. 'Human Rights Center Viasna'")
    ] = None,
    report_date: Annotated[
        str | None, typer.Option("--date", help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY")
    ] = None,
    url: Annotated[str | None, typer.Option(help="Where the report was published")] = None,
    embed: Annotated[
        bool,
        typer.Option(
            help="Also compute e5 vectors now (about 5 passages a second on 2 cores); "
            "--no-embed leaves them to 'prytulak library embed'"
        ),
    ] = True,
) -> None:
    """Import reports into the library as passages with page numbers.

    Passages are searchable at once, by full text and by fast static vectors across
    languages; e5 vectors (better across languages) follow, and stopping them with Ctrl-C
    loses nothing: 'prytulak library embed' goes on where they stopped."""
    if report_date is not None:
        _check_date(report_date)
    library = Library()
    failed = 0
    for path in files:
        info = ReportInfo(title or "", publisher, report_date, url)
        try:
            result = library.add_file(path, info, embed=False)
        except ReportImportError as error:
            failed += 1
            console.print(f"[bold red]✗[/] {escape(str(error))}")
            continue
        note = " (already in the library)" if result.duplicate else ""
        console.print(f"✓ {path.name}: “{result.title}”, {result.passages} passage(s){note}")
        for remark in result.notes:
            console.print(f"  [yellow]![/] {escape(remark)}", soft_wrap=True)
        if result.notes:
            console.print(
                f"    (to record the date: 'prytulak library remove {result.report_id}', then "
                f"add {path.name} again with --date YYYY-MM-DD)",
                markup=False,
                soft_wrap=True,
            )
    console.print(f"Library: {library.path}")
    if embed:
        _embed(library)
    if failed:
        raise typer.Exit(1)


@library_app.command("embed")
def embed_command() -> None:
    """Compute e5 vectors for passages that have none (can be stopped and resumed)."""
    if not library_path().exists():
        fail("the library is empty; add reports with 'prytulak library add FILE…'")
    _embed(Library())


def _embed(library: Library) -> None:
    from rich.progress import Progress

    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("e5 vectors", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        try:
            added = library.embed_missing(progress=advance)
        except KeyboardInterrupt:
            console.print("Stopped; 'prytulak library embed' goes on from here.")
            raise typer.Exit(130) from None
    console.print(f"e5 vectors: {added} passage(s) embedded")


def _check_date(text: str) -> None:
    try:
        published = parse_partial_date(text)
    except ValueError as error:
        fail(f"--date {text!r}: {error}; write YYYY-MM-DD, YYYY-MM or YYYY", EXIT_USAGE)
    if published.earliest > date.today():
        fail(f"--date {text}: is in the future; give the date the report was published", EXIT_USAGE)


@library_app.command("remove")
def remove(
    report_id: Annotated[int, typer.Argument(help="The report's number in 'library list'")],
) -> None:
    """Remove a report and its passages (e.g. one added with the wrong date, to add it again)."""
    if not library_path().exists():
        fail("the library is empty; add reports with 'prytulak library add FILE…'")
    library = Library()
    title = library.remove_report(report_id)
    if title is None:
        fail(f"there is no report {report_id}; see 'prytulak library list'")
    console.print(f"Removed {report_id}: “{title}”")


@library_app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="Words in English, Russian or Belarusian")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="Only passages in en, ru or be")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many passages")] = 10,
    mode: Annotated[SearchMode, typer.Option(help="hybrid, fts or semantic")] = SearchMode.HYBRID,
) -> None:
    """Find passages in any language; each cites report, page and date."""
    if lang is not None and lang not in ("en", "ru", "be"):
        fail(f"--lang {lang!r}: use en, ru or be", EXIT_USAGE)
    if not library_path().exists():
        fail("the library is empty; add reports with 'prytulak library add FILE…'")
    hits = Library().search(query, limit=limit, language=lang, mode=mode.value)
    if not hits:
        console.print("No passages found.")
    for number, hit in enumerate(hits, start=1):
        how = escape(f"[{hit.language}, {'+'.join(hit.matched_by)}]")
        console.print(f"[bold]{number}. {escape(hit.citation())}[/] {how}")
        console.print(f"   {hit.text[:400]}", markup=False, soft_wrap=True)
    if any("static" in hit.matched_by for hit in hits):
        console.print(
            "static: found by fast static vectors, weaker across languages than e5; "
            "'prytulak library embed' computes e5 vectors for the rest of the library."
        )


@library_app.command("list")
def list_reports() -> None:
    """The reports in the library, with passage and vector counts."""
    if not library_path().exists():
        fail("the library is empty; add reports with 'prytulak library add FILE…'")
    for report in Library().reports():
        console.print(
            f"{report.id}. “{report.title}” ({report.publisher or 'no publisher'}, "
            f"{report.date or 'undated'}): {report.passages} passages, "
            f"{report.vectors} with e5 vectors"
        )


def memo(
    case_path: Annotated[Path, typer.Argument(metavar="CASE", help="case.yaml or case folder")],
    output_format: Annotated[
        MemoFormat, typer.Option("--format", help="md, docx or pdf")
    ] = MemoFormat.MD,
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: print Markdown)")
    ] = None,
    max_age: Annotated[
        int | None, typer.Option("--max-age", help="Flag facts older than this many years")
    ] = None,
    use_library: Annotated[
        bool, typer.Option("--library/--no-library", help="Add library passages")
    ] = True,
    country: CountryOption = "BY",
) -> None:
    """Country-conditions memo for a case: sourced facts and passages by legal element."""
    if out is not None:
        output_file(out, example=f"memo.{output_format.value}")
    try:
        case = load_case(case_path)
    except CaseFileError as error:
        fail_with_problems(error)
    library = Library() if use_library and library_path().exists() else None
    result = build_memo(case, _pack(country), date.today(), library=library, max_age_years=max_age)
    if output_format is MemoFormat.MD and out is None:
        console.print(render_markdown(result), markup=False, highlight=False, soft_wrap=True)
        return
    if out is None:
        fail(f"--format {output_format.value} needs --out FILE", EXIT_USAGE)
    data = {
        MemoFormat.MD: lambda: render_markdown(result).encode("utf-8"),
        MemoFormat.DOCX: lambda: render_docx(result),
        MemoFormat.PDF: lambda: render_pdf(result),
    }[output_format]()
    write_bytes(out, data)
    console.print(
        f"✓ wrote {out} ({len(result.sections)} element(s), {len(result.profiles)} profile(s))"
    )


def demo_step(folder: Path, case: CaseFile, out: Console) -> None:
    """One line: the persecution profiles the demo case belongs to."""
    titles = [m.profile.title for m in select_profiles(case, get_pack("BY"))]
    out.print(
        f"Country profiles: {'; '.join(titles) or 'none'} (reasons: prytulak memo CASE)",
        markup=False,
    )
