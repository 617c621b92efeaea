"""Export the locker as a BagIt bag (RFC 8493) that any BagIt tool can validate.

The bag is NOT encrypted: it is for handing to the attorney or court. Image copies in it have
location and device data removed (``image_metadata.py``) unless ``originals=True``; the
manifest ``items.json`` gives, for each file, the SHA-256 of the original in the locker and of
the exported copy, so the attorney can match them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import Any

from prytulak.store.blobs import BlobError

from .errors import EvidenceError, unreadable_file
from .image_metadata import strip_image_metadata
from .locker import Locker
from .processing import read_extraction
from .records import DerivedKind, Item
from .translation import render_translation

__all__ = ["ExportResult", "export_bag"]

README = """Evidence exported from a Prytulak evidence locker (BagIt bag, RFC 8493).

Each folder F001, F002, … is one item:
  original/     the file as received{strip_note}
  searchable.pdf  the PDF with an OCR text layer (derived; the original is unchanged)
  text.txt      text extracted from it (text layer, document text or OCR): a working copy
  translation-*.txt  English translations; DRAFT ones are not certified
  custody.log   the item's hash-chained custody log (JSON lines)
items.json lists every item with its provenance and the SHA-256 of each file.

To check that nothing changed since export: run any BagIt validator, e.g.
  bagit.py --validate THIS_FOLDER
This material was prepared with software for an attorney's review; it is not legal advice.
"""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    items: int
    files: int
    stripped: int


def export_bag(
    locker: Locker,
    out: Path,
    actor: str,
    *,
    item_ids: list[str] | None = None,
    originals: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise EvidenceError(f"{out} is a file, not a folder", "choose a new folder for the bag")
    if out.exists() and any(out.iterdir()):
        raise EvidenceError(
            f"{out} already exists and is not empty", "choose a new folder for the bag"
        )
    items = [locker.item(i) for i in item_ids] if item_ids else locker.items()
    if not items:
        raise EvidenceError(
            "the locker has no items to export", "add files with `prytulak evidence add`"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(out)
    # Everything is written to a hidden sibling folder and renamed into place at the end, so a
    # failure (a missing file, a full disk, Ctrl-C) leaves no half-written, unencrypted bag
    # behind and does not block a retry.
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.partial-"))
    try:
        files, stripped = _write_bag(locker, items, work, originals, progress)
        if out.exists():
            out.rmdir()  # checked empty above
        os.replace(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    with locker.lock():
        for item in items:
            locker.record(
                locker.item(item.id), actor, "exported", after=item.sha256, detail="BagIt export"
            )
    return ExportResult(out, len(items), files, stripped)


def _write_bag(
    locker: Locker,
    items: list[Item],
    out: Path,
    originals: bool,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int]:
    manifest: list[dict[str, Any]] = []
    stripped = 0
    for done, item in enumerate(items, start=1):
        try:
            entry, was_stripped = _export_item(locker, item, out / item.id, originals)
        except BlobError as error:
            raise unreadable_file(
                f"{item.id} ({item.original_name})", error, locker.case_folder
            ) from error
        stripped += was_stripped
        manifest.append(entry)
        if progress:
            progress(done, len(items))
    note = "" if originals else " (images: a copy without GPS and device data, see items.json)"
    (out / "README.txt").write_text(README.format(strip_note=note), encoding="utf-8")
    (out / "items.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    files = sum(1 for p in out.rglob("*") if p.is_file())
    import bagit  # type: ignore[import-untyped]  # slow to import; only needed here

    bagit.make_bag(
        str(out),
        bag_info={
            "Source-Organization": "Prytulak evidence locker",
            "External-Description": f"Evidence of case folder {locker.case_folder.name}",
            "Bag-Software-Agent": "Prytulak",
        },
        checksums=["sha256", "sha512"],
    )
    return files, stripped


def _remove_stale_partials(out: Path) -> None:
    """Partial bags left by an export that was killed (kill -9, power loss) before cleaning up."""
    for stale in out.parent.glob(f".{glob_escape(out.name)}.partial-*"):
        if stale.is_dir():
            with contextlib.suppress(OSError):
                shutil.rmtree(stale)


def _export_item(
    locker: Locker, item: Item, folder: Path, originals: bool
) -> tuple[dict[str, Any], int]:
    folder.mkdir(parents=True)
    data = locker.blobs.read(item.sha256)
    name = _safe_name(item.original_name)
    entry: dict[str, Any] = {
        "id": item.id,
        "original_name": item.original_name,
        "type": item.kind.value,
        "sha256_original": item.sha256,
        "size": item.size,
        "added": item.added,
        "provenance": item.provenance.model_dump(mode="json", exclude_none=True),
        "language": item.extraction.language if item.extraction else None,
        "translations": [
            {
                "id": t.id,
                "kind": t.kind.value,
                "status": t.status,
                "translator": t.certificate.name if t.certificate else None,
            }
            for t in item.translations
        ],
    }
    was_stripped = 0
    if item.kind.is_image and not originals:
        copy = strip_image_metadata(data, item.kind)
        data, name = copy.data, Path(name).stem + copy.suffix
        entry["exported_copy"] = {
            "removed": list(copy.removed),
            "note": "metadata removed for privacy",
        }
        was_stripped = 1
    (folder / "original").mkdir()
    (folder / "original" / name).write_bytes(data)
    entry["files"] = {f"original/{name}": _sha(data)}
    searchable = item.derived_of(DerivedKind.SEARCHABLE_PDF)
    if searchable:
        locker.blobs.write_to(searchable.sha256, folder / "searchable.pdf")
        entry["files"]["searchable.pdf"] = searchable.sha256
    content = read_extraction(locker, item)
    if content is not None and content.full_text().strip():
        (folder / "text.txt").write_text(content.full_text() + "\n", encoding="utf-8")
    for record in item.translations:
        rendered = render_translation(locker, item, record)
        (folder / f"translation-{record.id}.txt").write_text(rendered, encoding="utf-8")
    log = locker.custody(item.id).path
    if log.is_file():
        (folder / "custody.log").write_bytes(log.read_bytes())
    return entry, was_stripped


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\- ]", "_", name).strip(" .") or "file"
    return cleaned[:120]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
