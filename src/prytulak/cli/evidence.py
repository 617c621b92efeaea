"""``prytulak evidence …``: the evidence locker of a case folder."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from prytulak.case import (
    CaseFile,
    CaseFileError,
    case_from_data,
    case_to_data,
    load_case,
    parse_partial_date,
)
from prytulak.evidence import (
    Acquisition,
    AddResult,
    EvidenceError,
    IntakeLimits,
    Item,
    JobObserver,
    Locker,
    OcrSettings,
    Provenance,
    add_files,
    add_human_translation,
    certify_translation,
    describe_item,
    export_bag,
    load_engine,
    machine_draft,
    pending_job,
    process_item,
    read_extraction,
    render_translation,
    run_job,
    split_known,
    terms_in,
    verify_locker,
)
from prytulak.evidence.sniff import decode_unicode
from prytulak.store import save_case
from prytulak.store.blobs import BlobError
from prytulak.store.keys import KdfParams, KeyringError

from ._output import EXIT_USAGE, console, err_console, fail, fail_with_problems

evidence_app = typer.Typer(
    help="The evidence locker: add, check, OCR, translate and export a case's documents.",
    no_args_is_help=True,
)
PASSPHRASE_ENV = "PRYTULAK_PASSPHRASE"

CaseArg = Annotated[Path, typer.Argument(help="Case folder (with case.yaml)")]
ActorOpt = Annotated[
    str | None, typer.Option("--as", help="Who is acting (default: $PRYTULAK_USER or login name)")
]


def register(app: typer.Typer) -> None:
    app.add_typer(evidence_app, name="evidence")


# --- shared helpers ---------------------------------------------------------------------------


@contextmanager
def _friendly_errors(case: Path | None = None) -> Iterator[None]:
    try:
        yield
    except CaseFileError as error:
        fail_with_problems(error)
    except BlobError as error:  # missing or altered: same advice as `verify` gives
        fail(
            f"a file in the evidence locker cannot be read ({error}); run "
            f"`prytulak evidence verify {case or 'CASE'}` to see what changed, "
            "and restore the case folder from a backup"
        )
    except (EvidenceError, KeyringError) as error:
        fail(str(error))


def _actor(actor: str | None) -> str:
    return actor or os.environ.get("PRYTULAK_USER") or getpass.getuser()


def _passphrase(confirm: bool) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        fail(
            f"the locker's passphrase is needed: set {PASSPHRASE_ENV} or run in a terminal",
            EXIT_USAGE,
        )
    if confirm:
        console.print("Creating the evidence locker. Choose a passphrase and keep it safe:")
        console.print("without it the evidence cannot be read, and nobody can recover it.")
    answer: str = typer.prompt("Locker passphrase", hide_input=True, confirmation_prompt=confirm)
    return answer


def _open(case: Path, create: bool = False) -> Locker:
    if not (case / "case.yaml").is_file():
        fail(f"{case} is not a case folder (no case.yaml); create one with `prytulak case new`")
    if create and not Locker.exists(case):
        return Locker.create(case, _passphrase(confirm=True))
    return Locker.open(case, _passphrase(confirm=False))


def _records(case: Path) -> Locker:
    """The locker's records, without the passphrase (no file contents)."""
    return Locker(case, None)


class _RichObserver(JobObserver):
    def __init__(self, progress: Progress, what: str) -> None:
        self.progress = progress
        self.what = what
        self.overall = progress.add_task(what, total=None)
        self.current: object = None

    def started(self, total: int, already_done: int) -> None:
        self.progress.update(self.overall, total=total, completed=already_done)  # type: ignore[arg-type]
        if already_done:
            self.progress.console.print(f"resuming: {already_done} of {total} already done")

    def unit_started(self, unit: str) -> None:
        self.current = self.progress.add_task(f"  {unit}", total=None)

    def unit_progress(self, unit: str, done: int, total: int) -> None:
        self.progress.update(self.current, total=total, completed=done)  # type: ignore[arg-type]

    def unit_finished(self, unit: str, error: str | None) -> None:
        self.progress.remove_task(self.current)  # type: ignore[arg-type]
        self.progress.advance(self.overall)  # type: ignore[arg-type]
        if error:
            self.progress.console.print(f"[red]✗[/] {unit}: {error}", markup=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


# --- add ----------------------------------------------------------------------------------------


@evidence_app.command("add")
def add(
    case: CaseArg,
    files: Annotated[list[Path], typer.Argument(help="Files or folders to add")],
    describe: Annotated[
        str | None, typer.Option("--describe", help="What it shows, in English")
    ] = None,
    provided_by: Annotated[str | None, typer.Option(help="Who provided it")] = None,
    acquisition: Annotated[Acquisition | None, typer.Option(help="How it was obtained")] = None,
    obtained: Annotated[str | None, typer.Option(help="When and how it was obtained")] = None,
    original: Annotated[
        bool | None, typer.Option("--original/--copy", help="Original or copy")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Issuer or publisher")] = None,
    url: Annotated[str | None, typer.Option(help="Web address it came from")] = None,
    document_date: Annotated[
        str | None, typer.Option("--date", help="Date on the document")
    ] = None,
    doc_type: Annotated[
        str | None, typer.Option("--type", help="summons, ruling, protocol …")
    ] = None,
    ref: Annotated[str | None, typer.Option(help="Case evidence id to link, e.g. E07")] = None,
    event: Annotated[list[str] | None, typer.Option(help="Case event id it supports")] = None,
    element: Annotated[list[str] | None, typer.Option(help="Legal element it supports")] = None,
    pdf_password: Annotated[str | None, typer.Option(help="Password of a protected PDF")] = None,
    quarantine: Annotated[
        bool, typer.Option(help="Keep refused files, encrypted, in quarantine")
    ] = False,
    ocr: Annotated[bool, typer.Option("--ocr/--no-ocr", help="OCR scans right away")] = False,
    max_size: Annotated[int, typer.Option(help="Largest file accepted, MiB")] = 512,
    max_pixels: Annotated[int, typer.Option(help="Largest image accepted, megapixels")] = 100,
    max_text_size: Annotated[int, typer.Option(help="Largest plain-text file accepted, MiB")] = 20,
    actor: ActorOpt = None,
) -> None:
    """Add files: real type checked, SHA-256 recorded, encrypted; duplicates recognised."""
    with _friendly_errors(case):
        case_file = load_case(case)
        _check_links(case_file, ref, event or [])
        provenance = Provenance(
            description=describe,
            provided_by=provided_by,
            acquisition=acquisition,
            obtained=obtained,
            original=original,
            source=source,
            source_url=url,
            document_type=doc_type,
            document_date=_date_text(document_date),
            evidence_ref=ref,
            events=event or [],
            elements=element or [],
        )
        if ref:  # refuse now what would make case.yaml invalid, before anything is written
            _linked_case(case, case_file, ref, "0" * 64, provenance)
        results: list[AddResult] = []
        if Locker.exists(case):
            known, files = split_known(_records(case), files)  # re-adding needs no passphrase
            results += known
            _report_added(known)
        if files:
            locker = _open(case, create=True)
            limits = IntakeLimits(
                max_bytes=max_size * 2**20,
                max_pixels=max_pixels * 1_000_000,
                max_text_bytes=max_text_size * 2**20,
            )
            new = add_files(
                locker,
                files,
                actor=_actor(actor),
                provenance=provenance,
                limits=limits,
                pdf_password=pdf_password,
                quarantine=quarantine,
            )
            results += new
            added = _report_added(new)
            for item_id in added:
                process_item(locker, item_id, _actor(actor), ocr=ocr)
        duplicates = [r.item for r in results if r.duplicate and r.item is not None]
        for existing in duplicates:
            _apply_to_existing(case, existing, provenance, _actor(actor), ocr)
        linked = [r.item for r in results if r.item is not None and not r.duplicate]
        if ref and (linked or duplicates):
            _link_case(case, case_file, ref, (linked or duplicates)[0].sha256, provenance)
    if any(r.refused for r in results):
        raise typer.Exit(1)


def _apply_to_existing(
    case: Path, item: Item, provenance: Provenance, actor: str, ocr: bool
) -> None:
    """A file added again: the provenance options given are applied to the item already in the
    locker, as `evidence describe` would (events and elements are added to its lists)."""
    given = provenance.model_dump(exclude_defaults=True)
    for key in ("events", "elements"):
        if key in given:
            given[key] = list(dict.fromkeys([*getattr(item.provenance, key), *given[key]]))
    if given:
        changed = describe_item(_records(case), item.id, actor, **given)
        if changed.custody_count != item.custody_count:
            options = ", ".join(_OPTION_NAMES[k] for k in sorted(given))
            console.print(
                f"  applied to {item.id}: {options} (custody entry {changed.custody_count})"
            )
        else:
            console.print(f"  {item.id} already has these details; nothing to change")
    if ocr and item.extraction is not None and item.extraction.needs_ocr:
        console.print(f"  {item.id} is not OCR'd yet: run `prytulak evidence ocr {case} {item.id}`")


_OPTION_NAMES = {
    "description": "--describe",
    "provided_by": "--provided-by",
    "acquisition": "--acquisition",
    "obtained": "--obtained",
    "original": "--original/--copy",
    "source": "--source",
    "source_url": "--url",
    "document_date": "--date",
    "document_type": "--type",
    "evidence_ref": "--ref",
    "events": "--event",
    "elements": "--element",
}


def _date_text(text: str | None) -> str | None:
    """The date on a document, refused (before anything is written) when it cannot be or has
    not happened yet, in the words the case file's own validation uses."""
    if text is None:
        return None
    try:
        value = parse_partial_date(text)
    except ValueError as error:
        fail(f"--date: {error}", EXIT_USAGE)
    today = date.today()
    if value.earliest > today:
        fail(
            f"--date: {value} is in the future (today is {today.isoformat()}); "
            "this date must already have happened — check the year",
            EXIT_USAGE,
        )
    return str(value)


def _check_links(case: CaseFile, ref: str | None, events: list[str]) -> None:
    known = {e.id for e in case.claim.events}
    unknown = [e for e in events if e not in known]
    if unknown:
        fail(
            f"no event {', '.join(unknown)} in the case; "
            f"known: {', '.join(sorted(known)) or 'none'}"
        )
    if ref is not None and not ref.replace("-", "").replace("_", "").isalnum():
        fail(f"--ref {ref!r} is not a valid evidence id (e.g. E12)", EXIT_USAGE)


def _report_added(results: list) -> list[str]:  # type: ignore[type-arg]
    added = []
    for result in results:
        if result.refused:
            kept = " (kept in quarantine)" if result.quarantined else ""
            err_console.print(f"[red]✗[/] {result.path.name}: {result.refused}{kept}", markup=True)
        elif result.duplicate:
            console.print(f"= {result.path.name}: already in the locker as {result.item.id}")
        else:
            item = result.item
            console.print(
                f"[green]✓[/] {item.id} {item.original_name} ({item.kind.value}, "
                f"{item.size} bytes, sha256 {item.sha256[:12]}…)"
            )
            for warning in result.warnings:
                console.print(f"  ! {warning}")
            added.append(item.id)
    return added


def _linked_case(
    folder: Path, case: CaseFile, ref: str, sha: str, provenance: Provenance
) -> CaseFile | None:
    """The case with the locker file ``sha`` linked to ``ref`` (None when it already has a
    file), validated as a whole exactly as `load_case` would: nothing invalid is ever written."""
    existing = case.evidence_item(ref)
    if existing is not None and existing.blob:
        if existing.blob != sha and sha != "0" * 64:
            console.print(
                f"  ! {ref} in case.yaml already names another locker file "
                f"({existing.blob[:12]}…); case.yaml was left as it is: edit its blob: there "
                "to change it",
                markup=False,
            )
        return None
    data = case_to_data(case)
    if existing is not None:
        for entry in data.get("evidence", []):
            if entry.get("id") == ref:
                entry["blob"] = sha
    else:
        new_ref: dict[str, object] = {
            "id": ref,
            "title": provenance.description or f"Evidence {ref}",
            "kind": provenance.document_type,
            "document_date": provenance.document_date,
            "source": provenance.source,
            "original": provenance.original,
            "blob": sha,
        }
        data.setdefault("evidence", []).append({k: v for k, v in new_ref.items() if v is not None})
    try:
        return case_from_data(data, str(folder / "case.yaml"))
    except CaseFileError as error:
        problems = "; ".join(str(p) for p in error.problems)
        fail(
            f"linking the file to {ref} would make case.yaml invalid ({problems}); "
            "nothing was written to case.yaml: correct the options and run the command again"
        )


def _link_case(folder: Path, case: CaseFile, ref: str, sha: str, provenance: Provenance) -> None:
    updated = _linked_case(folder, case, ref, sha, provenance)
    if updated is None:
        return
    save_case(folder, updated)
    console.print(f"  linked to {ref} in case.yaml")


# --- describe, list, show -----------------------------------------------------------------------


@evidence_app.command("describe")
def describe_cmd(
    case: CaseArg,
    item: Annotated[str, typer.Argument(help="Item id, e.g. F003")],
    describe: Annotated[str | None, typer.Option("--describe", help="What it shows")] = None,
    document_date: Annotated[
        str | None, typer.Option("--date", help="Date on the document")
    ] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="Document type")] = None,
    source: Annotated[str | None, typer.Option(help="Issuer or publisher")] = None,
    provided_by: Annotated[str | None, typer.Option(help="Who provided it")] = None,
    ref: Annotated[str | None, typer.Option(help="Case evidence id, e.g. E07")] = None,
    event: Annotated[list[str] | None, typer.Option(help="Case event id it supports")] = None,
    element: Annotated[list[str] | None, typer.Option(help="Legal element it supports")] = None,
    actor: ActorOpt = None,
) -> None:
    """Record or correct an item's provenance (e.g. confirm a suggested date or type)."""
    with _friendly_errors(case):
        case_file = load_case(case)
        _check_links(case_file, ref, event or [])
        changed = describe_item(
            _records(case),
            item,
            _actor(actor),
            description=describe,
            document_type=doc_type,
            document_date=_date_text(document_date),
            source=source,
            provided_by=provided_by,
            evidence_ref=ref,
            events=event,
            elements=element,
        )
    console.print(f"[green]✓[/] {changed.id} described (custody entry {changed.custody_count})")


@evidence_app.command("list")
def list_cmd(case: CaseArg) -> None:
    """Every item: type, pages, language, OCR and translation state, links. No passphrase needed."""
    with _friendly_errors(case):
        items = _records(case).items()
    table = Table(title=f"Evidence locker of {case}")
    for column in ("id", "file", "type", "pages", "lang", "text", "translation", "ref", "events"):
        table.add_column(column)
    for item in items:
        extraction = item.extraction
        text = "—"
        if extraction:
            text = "needs OCR" if extraction.needs_ocr else "ok"
        translation = ", ".join(t.status for t in item.translations) or (
            "needed" if extraction and extraction.language not in (None, "en") else "—"
        )
        table.add_row(
            item.id,
            item.original_name,
            item.kind.value,
            str(item.pages or 1),
            (extraction.language if extraction else None) or "?",
            text,
            translation,
            item.provenance.evidence_ref or "",
            ", ".join(item.provenance.events),
        )
    console.print(table)
    if not items:
        console.print("No items yet: `prytulak evidence add CASE FILE…`")


@evidence_app.command("show")
def show(
    case: CaseArg,
    item_id: Annotated[str, typer.Argument(help="Item id, e.g. F003")],
    text: Annotated[bool, typer.Option("--text", help="Print the extracted text")] = False,
) -> None:
    """Provenance, derived files, pages and languages, suggestions, translations, custody."""
    with _friendly_errors(case):
        locker = _open(case)
        item = locker.item(item_id)
        content = read_extraction(locker, item)
        custody = locker.custody(item.id).read()
    console.print(f"[bold]{item.id}[/] {item.original_name}  {item.kind.value}, {item.size} bytes")
    console.print(f"  sha256 {item.sha256}\n  added {item.added} by {item.added_by}")
    for key, value in item.provenance.model_dump(exclude_none=True).items():
        if value not in ([], None, ""):
            console.print(f"  {key.replace('_', ' ')}: {value}", markup=False)
    for note in item.intake_notes:
        console.print(f"  ! {note}")
    for derived in item.derived:
        console.print(f"  derived {derived.kind.value}: {derived.sha256[:12]}… ({derived.tool})")
    if item.extraction:
        for page in item.extraction.pages:
            console.print(
                f"  page {page.number}: {page.method.value}, {page.chars} chars, "
                f"language {page.language or '?'} ({page.confidence or 0:.2f})"
            )
    if content:
        for suggestion in content.suggestions:
            console.print(
                f"  suggested {suggestion.field}: {suggestion.value}  «{suggestion.snippet}»",
                markup=False,
            )
        if text:
            console.print(content.full_text(), markup=False)
    for record in item.translations:
        misses = (
            f"; glossary terms not rendered: {'; '.join(record.glossary_misses)}"
            if record.glossary_misses
            else ""
        )
        console.print(f"  translation {record.id}: {record.status}{misses}", markup=False)
    console.print(f"  custody: {len(custody.entries)} entries")
    for entry in custody.entries:
        console.print(
            f"    {entry.seq}. {entry.at} {entry.actor}: {entry.action} {entry.detail or ''}",
            markup=False,
        )


# --- verify, ocr, translate, export -------------------------------------------------------------


@evidence_app.command("verify")
def verify(case: CaseArg) -> None:
    """Decrypt and re-hash every file, check every custody chain; exit 1 on any change."""
    with _friendly_errors(case):
        report = verify_locker(_open(case))
    for finding in report.findings:
        mark = "[red]✗[/]" if finding.serious else "[yellow]![/]"
        console.print(f"{mark} {finding.item_id}: {finding.message}")
    if report.intact:
        console.print(f"[green]✓[/] {report.items} items, {report.blobs} files: all intact")
        return
    console.print("[red]✗[/] the locker has changed since the custody log was written")
    raise typer.Exit(1)


@evidence_app.command("ocr")
def ocr_cmd(
    case: CaseArg,
    items: Annotated[
        list[str] | None, typer.Argument(help="Item ids (default: all that need it)")
    ] = None,
    languages: Annotated[str, typer.Option(help="tesseract languages")] = "rus+bel+eng",
    actor: ActorOpt = None,
) -> None:
    """OCR scans and photos (resumable; finished pages are never OCR'd again)."""
    with _friendly_errors(case):
        locker = _open(case)
        targets = items or [
            i.id for i in locker.items() if i.extraction is None or i.extraction.needs_ocr
        ]
        if not targets:
            console.print("Nothing to OCR: every item has text.")
            return
        interrupted = pending_job(locker, "ocr")
        if interrupted and interrupted.units != targets:
            console.print(
                f"an earlier OCR job stopped after {len(interrupted.done)} item(s); "
                "finished pages are cached and will not be redone"
            )
        settings = OcrSettings(languages=languages)
        with _progress() as progress:
            report = run_job(
                locker,
                "ocr",
                targets,
                lambda unit, step: _ocr_one(locker, unit, _actor(actor), settings, step),
                _RichObserver(progress, "OCR"),
            )
        for item_id in report.done:
            item = locker.item(item_id)
            languages_found = ", ".join(item.extraction.languages) if item.extraction else "?"
            console.print(
                f"[green]✓[/] {item_id}: {item.pages or 1} page(s), language {languages_found}"
            )
    if report.failed:
        raise typer.Exit(1)


def _ocr_one(locker: Locker, item_id: str, actor: str, settings: OcrSettings, step: object) -> None:
    process_item(locker, item_id, actor, ocr=True, settings=settings, progress=step)  # type: ignore[arg-type]


@evidence_app.command("translate")
def translate(
    case: CaseArg,
    item_id: Annotated[str, typer.Argument(help="Item id, e.g. F003")],
    text_file: Annotated[
        Path | None, typer.Option("--text-file", help="A person's English translation (UTF-8)")
    ] = None,
    engine: Annotated[
        str | None, typer.Option(help="Machine draft: local:/model/dir or libretranslate:URL")
    ] = None,
    allow_remote: Annotated[
        bool, typer.Option(help="Allow a remote engine (text leaves this machine)")
    ] = False,
    translator: Annotated[str | None, typer.Option(help="Translator's name (certifies)")] = None,
    address: Annotated[str | None, typer.Option(help="Translator's address")] = None,
    certify: Annotated[
        str | None, typer.Option(help="Certify this existing translation id")
    ] = None,
    glossary: Annotated[
        bool, typer.Option("--glossary", help="Show glossary terms in the item")
    ] = False,
    print_it: Annotated[
        bool, typer.Option("--print", help="Print the translation document")
    ] = False,
    actor: ActorOpt = None,
) -> None:
    """Add a person's translation, make a machine DRAFT, certify one, or show glossary terms."""
    with _friendly_errors(case):
        locker = _open(case)
        who = _actor(actor)
        if glossary:
            _show_glossary(locker, item_id)
        record = None
        if text_file is not None:
            text = _translation_text(text_file)
            record = add_human_translation(
                locker, item_id, text, who, translator=translator, address=address
            )
        elif engine is not None:
            allowed = allow_remote or os.environ.get("PRYTULAK_ALLOW_REMOTE_TRANSLATION") == "1"
            chosen = load_engine(
                engine, allow_remote=allowed, warn=lambda m: err_console.print(f"[yellow]! {m}[/]")
            )
            record = machine_draft(locker, item_id, chosen, who)
        elif certify is not None:
            record = certify_translation(
                locker, item_id, certify, who, translator=translator or "", address=address
            )
        elif not glossary:
            fail("say what to do: --text-file, --engine, --certify or --glossary", EXIT_USAGE)
        if record is not None:
            console.print(f"[green]✓[/] {record.id}: {record.status}")
            for miss in record.glossary_misses:
                console.print(f"  ! glossary: {miss} (not found in the English)", markup=False)
            if print_it:
                console.print(
                    render_translation(locker, locker.item(item_id), record), markup=False
                )


def _translation_text(path: Path) -> str:
    """A person's translation: UTF-8, or UTF-16/32 with a byte-order mark (Notepad's
    "Unicode"); anything else is refused with how to save it, rather than guessed at."""
    try:
        data = path.read_bytes()
    except OSError as error:
        fail(f"--text-file {path} cannot be read ({error.strerror or error}); check the path")
    save_as = "save it as UTF-8 (Notepad: Save As → Encoding UTF-8) and run the command again"
    try:
        text = decode_unicode(data)
    except UnicodeDecodeError as error:
        fail(
            f"--text-file {path} is not UTF-8 text (byte {error.start} is "
            f"0x{data[error.start]:02x}); {save_as}"
        )
    if "\x00" in text:
        fail(f"--text-file {path} is not plain text (it contains NUL bytes); {save_as}")
    return text


def _show_glossary(locker: Locker, item_id: str) -> None:
    content = read_extraction(locker, locker.item(item_id))
    if content is None:
        fail(f"{item_id} has no text yet; run `prytulak evidence ocr` first")
    for match in terms_in(content.full_text()):
        note = f"  ({match.term.note})" if match.term.note else ""
        console.print(f"  {match.found} → {match.term.en}{note}", markup=False)


@evidence_app.command("export")
def export(
    case: CaseArg,
    out: Annotated[Path, typer.Argument(help="New folder for the BagIt bag")],
    item: Annotated[list[str] | None, typer.Option(help="Only these items")] = None,
    originals: Annotated[bool, typer.Option(help="Keep GPS/device data in image copies")] = False,
    actor: ActorOpt = None,
) -> None:
    """Write a BagIt bag (RFC 8493): files, text, translations, custody logs, manifest."""
    with _friendly_errors(case):
        locker = _open(case)
        with _progress() as progress:
            task = progress.add_task("export", total=None)
            result = export_bag(
                locker,
                out,
                _actor(actor),
                item_ids=item,
                originals=originals,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
    console.print(f"[green]✓[/] {result.items} items, {result.files} files → {result.path}")
    if result.stripped:
        console.print(f"  {result.stripped} image(s) exported without GPS and device data")
    console.print(
        "  The bag is NOT encrypted: hand it over securely. Check it with `bagit.py --validate`."
    )


# --- demo ---------------------------------------------------------------------------------------


def demo_step(folder: Path, case: CaseFile, console: Console) -> None:
    """Add two fictional documents to the demo case's locker and verify it (no OCR)."""
    from prytulak.evidence.specimens import SPECIMEN_TEXTS, render_scan

    if Locker.exists(folder):
        return
    inbox = folder / "inbox"
    inbox.mkdir(exist_ok=True)
    render_scan(SPECIMEN_TEXTS["ru"]).save(inbox / "summons-scan.png")
    (inbox / "statement.txt").write_text(SPECIMEN_TEXTS["be"], encoding="utf-8")
    locker = Locker.create(folder, "demo", KdfParams.light())
    results = add_files(locker, sorted(inbox.iterdir()), actor="demo")
    report = verify_locker(locker)
    state = "intact" if report.intact else "CHANGED"
    console.print(
        f"evidence: {len(results)} files in the encrypted locker (passphrase 'demo'), "
        f"verify: {state}; OCR them with `prytulak evidence ocr {folder}`"
    )
