"""``prytulak build`` and ``prytulak forms fill``: the filing package and the official forms."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn

from prytulak.case import CaseFile, CaseFileError, load_case
from prytulak.evidence import EvidenceError, Locker
from prytulak.filing import BundleOptions, EvidenceFileError, build_package, fill_i589, fill_i765
from prytulak.filing.fonts import FontMissingError
from prytulak.filing.notice import SHORT_NOTICE
from prytulak.store.blobs import BlobError
from prytulak.store.keys import KeyringError

from ._output import EXIT_USAGE, console, fail, fail_with_problems
from ._paths import output_file, output_folder, write_bytes

forms_app = typer.Typer(help="Fill official USCIS forms from a case.", no_args_is_help=True)
fill_app = typer.Typer(help="Fill one form.", no_args_is_help=True)
forms_app.add_typer(fill_app, name="fill")


PASSPHRASE_ENV = "PRYTULAK_PASSPHRASE"


class OnBad(StrEnum):
    STOP = "stop"
    SKIP = "skip"


def register(app: typer.Typer) -> None:
    app.command("build")(build)
    app.add_typer(forms_app, name="forms")


def _folder(path: Path) -> Path:
    return path.parent if path.is_file() else path


def _library() -> object | None:
    """The country-report library for the memo's passages, when there is one."""
    from prytulak.search import Library, library_path

    return Library() if library_path().exists() else None


def _load(path: Path) -> CaseFile:
    try:
        return load_case(path)
    except CaseFileError as error:
        fail_with_problems(error)


def _fill(form: str, case_path: Path, out: Path | None, flatten: bool) -> None:
    case = _load(case_path)
    target = output_file(out or Path(f"{case.id}-{form}.pdf"), example=f"{form}.pdf")
    try:
        filled = (fill_i589 if form == "i589" else fill_i765)(case, flatten_form=flatten)
    except FontMissingError as error:
        fail(str(error))
    write_bytes(target, filled.pdf)
    console.print(
        f"Wrote {target} ({filled.page_count} pages, {len(filled.written)} fields, "
        f"{filled.edition.label})"
    )
    for note in filled.review_notes():
        console.print(f"  • {note}", markup=False)
    console.print(f"[dim]{SHORT_NOTICE}[/]")


CaseArg = Annotated[Path, typer.Argument(help="case.yaml or case folder")]
OutFile = Annotated[Path | None, typer.Option("--out", help="PDF to write")]
Flatten = Annotated[bool, typer.Option("--flatten", help="Burn values into the pages")]


@fill_app.command("i589")
def fill_i589_command(case: CaseArg, out: OutFile = None, flatten: Flatten = False) -> None:
    """Fill Form I-589 (edition 01/20/25), with Supplements A and B as needed."""
    _fill("i589", case, out, flatten)


@fill_app.command("i765")
def fill_i765_command(case: CaseArg, out: OutFile = None, flatten: Flatten = False) -> None:
    """Fill Form I-765 (edition 08/21/25) for category (c)(8)."""
    _fill("i765", case, out, flatten)


def build(
    case_path: CaseArg,
    out: Annotated[Path, typer.Option("--out", help="Folder for the package")],
    order: Annotated[
        str | None, typer.Option(help="Exhibit order: evidence ids, comma-separated")
    ] = None,
    bates: Annotated[str | None, typer.Option(help="Bates prefix instead of 'Page N of M'")] = None,
    max_mb: Annotated[float, typer.Option(help="Size limit per exhibit volume, MB")] = 25.0,
    on_bad_evidence: Annotated[
        OnBad,
        typer.Option(
            help="A damaged or locked evidence file, or a locker item whose only translation is "
            "an uncertified draft: stop, or go on with a warning (the file is left out; the "
            "draft is replaced by a 'TRANSLATION REQUIRED' page)"
        ),
    ] = OnBad.STOP,
    without_locker: Annotated[
        bool,
        typer.Option(
            "--without-locker",
            help="Do not open the case's evidence locker: plain files in evidence/ only",
        ),
    ] = False,
) -> None:
    """Write the whole filing package (forms, declaration, exhibits, letters, manifest).

    When the case has an evidence locker, its items linked to the case's evidence go into the
    exhibits (decrypted in memory only); the passphrase comes from PRYTULAK_PASSPHRASE or a
    prompt in a terminal."""
    output_folder(out)
    case = _load(case_path)
    locker = None if without_locker else _open_locker(_folder(case_path))
    options = BundleOptions(
        order=tuple(i.strip() for i in order.split(",") if i.strip()) if order else None,
        bates_prefix=bates,
        max_volume_bytes=int(max_mb * 1024 * 1024),
        on_bad_evidence=on_bad_evidence.value,
    )
    total = len(case.evidence) + 3
    with Progress(
        TextColumn("{task.description}"), BarColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task("Building", total=total)

        def advance(label: str) -> None:
            progress.update(task, advance=1, description=f"Building: {label}")

        try:
            package = build_package(
                case,
                _folder(case_path),
                out,
                options=options,
                progress=advance,
                locker=locker,
                library=_library(),
            )
        except EvidenceFileError as error:
            fail(f"{error}\n  (or run again with --on-bad-evidence skip: {_SKIP_MEANS})")
        except (EvidenceError, BlobError) as error:
            fail(f"the evidence locker cannot be read: {error}")
        except ValueError as error:
            fail(str(error), EXIT_USAGE)
        except FontMissingError as error:
            fail(str(error))
    console.print(f"Wrote the filing package for {case.applicant.name.full()} to {out}/")
    for entry in package.files:
        pages = f"{entry.pages} pages" if entry.pages else f"{entry.bytes // 1024} KB"
        console.print(f"  {entry.path}  ({pages})", markup=False)
    left_out = [w for w in package.warnings if w.startswith("Not in the bundle")]
    for warning in package.warnings:
        if warning not in left_out:
            console.print(f"[yellow]⚠[/] {warning}", markup=True, highlight=False)
    console.print(
        f"{len(package.review_notes)} review note(s) in the forms and declaration; "
        "see manifest.json and the notes above."
    )
    _warn_open_review_findings(case, case_path)
    _warn_left_out(left_out, _folder(case_path))
    console.print(f"[dim]{SHORT_NOTICE}[/]")


def _warn_left_out(left_out: list[str], folder: Path) -> None:
    """Evidence that is not in the exhibits is said last, where it is seen, with the fix; the
    package is still written (exit 0) so the rest can be reviewed."""
    if not left_out:
        return
    console.print(
        f"[bold yellow]⚠ {len(left_out)} evidence item(s) are NOT in the exhibits[/]:",
        soft_wrap=True,
    )
    for warning in left_out:
        shown = warning.removeprefix("Not in the bundle: ")
        console.print(f"    • {shown}", markup=False, soft_wrap=True)
    console.print(
        f"  To include them: put each file in {folder / 'evidence'}/ under the name given in "
        "its evidence[].file (or correct that name in case.yaml), then run build again.",
        markup=False,
        soft_wrap=True,
    )


_SKIP_MEANS = (
    "a damaged file is left out, and an item without a certified translation keeps a "
    "'TRANSLATION REQUIRED' page in its place, each with a warning"
)


def _open_locker(folder: Path) -> Locker | None:
    """The case's locker opened with the passphrase, or None when the case has none."""
    if not Locker.exists(folder):
        return None
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if not passphrase and sys.stdin.isatty():
        passphrase = typer.prompt("Evidence locker passphrase", hide_input=True)
    if not passphrase:
        fail(
            f"{folder} has an evidence locker, and its passphrase was not given, so its "
            f"documents cannot go into the exhibits: set {PASSPHRASE_ENV} (or run in a "
            "terminal to be asked), or pass --without-locker to build from the plain files in "
            "evidence/ only",
            EXIT_USAGE,
        )
    try:
        return Locker.open(folder, passphrase)
    except (KeyringError, EvidenceError) as error:
        fail(str(error))


def _warn_open_review_findings(case: CaseFile, case_path: Path) -> None:
    """The package is built either way; blocking review findings are said out loud."""
    from prytulak.review import review

    blocking = review(case).blocking
    if not blocking:
        return
    console.print(
        f"[bold yellow]⚠ {len(blocking)} blocking review finding(s) are open[/]: do not file "
        f"until they are fixed or explained (prytulak review {case_path})",
        soft_wrap=True,
    )
    for finding in blocking[:5]:
        console.print(f"    • {finding.message} [at {finding.location}]", markup=False)


def demo_step(folder: Path, case: CaseFile, console: Console) -> None:
    """Fill the I-589 of a demo case and say what the attorney must still look at."""
    filled = fill_i589(case)
    target = folder / "out" / "i589.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(filled.pdf)
    console.print(
        f"Filing: I-589 filled ({filled.page_count} pages, {len(filled.written)} fields, "
        f"{len(filled.continuations)} answer(s) continued on Supplement B) → {target}"
    )
