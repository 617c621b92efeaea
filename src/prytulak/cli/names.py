"""``prytulak names …``: spellings of a name across alphabets and systems; compare two names;
check the case's names against evidence text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from prytulak.case import CaseFile, CaseFileError, load_case
from prytulak.names import compare_names, name_variants, systems
from prytulak.names.consistency import check_name_consistency

from ._output import EXIT_INVALID, console, fail, fail_with_problems

names_app = typer.Typer(
    help="Names across alphabets: variants, comparison, consistency with evidence.",
    no_args_is_help=True,
)

DISCLAIMER = "Generated spellings are candidates, not names the person has used; confirm them."


def register(app: typer.Typer) -> None:
    app.add_typer(names_app, name="names")


def _require_name(name: str) -> str:
    if not name.strip() or not any(c.isalpha() for c in name):
        fail(f'"{name}" has no letters; give a name, e.g. "Аляксандр Лукашэнка"', 2)
    return name


@names_app.command("variants")
def variants(
    name: Annotated[str, typer.Argument(help="A name in Cyrillic or Latin letters")],
) -> None:
    """Every spelling of a name: Belarusian and Russian forms under each system."""
    found = name_variants(_require_name(name))
    if not found:
        fail(
            f'no variants for "{name}": variants are made from the Cyrillic spelling; give the '
            'name as written in Cyrillic (e.g. "Тэрэза Садоўская"), or compare a Latin '
            "spelling with 'prytulak names compare'",
        )
    table = Table(title=f"Variants of {name}")
    table.add_column("spelling")
    table.add_column("how it is made")
    for variant in found:
        table.add_row(variant.text, variant.how)
    console.print(table)
    console.print(DISCLAIMER)


@names_app.command("compare")
def compare(
    first: Annotated[str, typer.Argument(help="A name")],
    second: Annotated[str, typer.Argument(help="Another name, any script")],
) -> None:
    """How alike two names are across scripts, with the score and which spellings met."""
    match = compare_names(_require_name(first), _require_name(second))
    console.print(f"[bold]{match.score:.0f}/100[/]  {first}  ↔  {second}")
    for line in match.explanation():
        console.print(f"  • {line}", markup=False)
    console.print("A score measures spelling similarity; it never proves two names are one person.")


@names_app.command("systems")
def list_systems() -> None:
    """The transliteration systems Prytulak knows, with where each is used."""
    table = Table(title="Transliteration systems")
    for column in ("id", "system", "used for"):
        table.add_column(column)
    for system in systems():
        table.add_row(system.id, system.title, system.used_for)
    console.print(table)


def _read_texts(files: list[Path]) -> dict[str, str]:
    texts = {}
    for file in files:
        try:
            texts[file.stem] = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{file}: cannot read it as UTF-8 text ({exc}); give extracted text files (.txt)")
    return texts


def _load(path: Path) -> CaseFile:
    try:
        return load_case(path)
    except CaseFileError as error:
        fail_with_problems(error)


@names_app.command("check")
def check(
    case_path: Annotated[Path, typer.Argument(help="case.yaml or case folder")],
    texts: Annotated[
        list[Path] | None,
        typer.Argument(help="Evidence text files; the file name (without .txt) is the evidence id"),
    ] = None,
) -> None:
    """Spellings of the case's people in evidence text that differ from the case record."""
    case = _load(case_path)
    files = list(texts or [])
    if not files:
        folder = case_path if case_path.is_dir() else case_path.parent
        files = sorted((folder / "evidence").glob("*.txt"))
    if not files:
        fail("no evidence text given; pass text files (e.g. evidence/E09.txt)", EXIT_INVALID)
    findings = check_name_consistency(case, _read_texts(files))
    if not findings:
        console.print(f"[green]✓[/] no differing spellings found in {len(files)} text(s)")
        return
    for finding in findings:
        console.print(f"• {finding.message()}", markup=False)
    console.print("For the attorney's review; not legal advice.")
