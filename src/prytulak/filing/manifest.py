"""``manifest.json``: every file of the package with its SHA-256 and page count, the time it was
generated, and the form and rule editions used."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pikepdf

from .forms import FormEdition
from .notice import DRAFT_NOTICE

__all__ = ["ManifestFile", "file_entry", "write_manifest"]


@dataclass(frozen=True)
class ManifestFile:
    path: str
    role: str
    sha256: str
    bytes: int
    pages: int | None


def file_entry(root: Path, path: Path, role: str) -> ManifestFile:
    data = path.read_bytes()
    pages = None
    if path.suffix.lower() == ".pdf":
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
    return ManifestFile(
        str(path.relative_to(root)), role, hashlib.sha256(data).hexdigest(), len(data), pages
    )


def write_manifest(
    root: Path,
    files: list[ManifestFile],
    editions: list[FormEdition],
    generated: datetime,
    case_id: str,
    law: dict[str, Any] | None,
    warnings: list[str],
    review_notes: list[str] | None = None,
    exhibits: list[dict[str, Any]] | None = None,
) -> Path:
    """``exhibits``: per exhibit its tab, pages, volume file and what went in — plain files with
    their SHA-256, or evidence locker items with the item id, the SHA-256 of the original, the
    version used (original, searchable PDF, photo copy without metadata) and the translation."""
    data = {
        "case": case_id,
        "generated_at": generated.isoformat(timespec="seconds"),
        "generator": "Prytulak",
        "notice": DRAFT_NOTICE,
        "forms": [
            {
                "form": e.form,
                "edition": e.edition,
                "edition_date": e.edition_date.isoformat(),
                "blank_pdf_sha256": e.sha256,
                "source": e.source,
            }
            for e in editions
        ],
        "law": law,
        "files": [f.__dict__ for f in files],
        "exhibits": exhibits or [],
        "warnings": warnings,
        "review_notes": review_notes or [],
    }
    path = root / "manifest.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
