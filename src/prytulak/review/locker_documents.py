"""Reading the evidence locker's extracted text and photo metadata for the review."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

from PIL import Image

from prytulak.evidence import Item, Locker, read_extraction

from .inputs import DocumentPage, DocumentText

__all__ = ["documents_from_locker"]

_DATETIME_ORIGINAL = 0x9003  # EXIF tag, in the Exif sub-IFD
_EXIF_IFD = 0x8769


def _photo_date(locker: Locker, item: Item) -> date | None:
    if not item.kind.is_image:
        return None
    try:
        with Image.open(io.BytesIO(locker.blobs.read(item.sha256))) as image:
            raw = image.getexif().get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL)
    except Exception:  # an unreadable image simply has no date to compare
        return None
    if not isinstance(raw, str):
        return None
    try:
        return datetime.strptime(raw.strip(), "%Y:%m:%d %H:%M:%S").date()
    except ValueError:
        return None


def documents_from_locker(case_folder: Path, passphrase: str) -> list[DocumentText]:
    """Every locker item linked to a case evidence id, with its text pages and photo date."""
    locker = Locker.open(case_folder, passphrase)
    documents = []
    for item in locker.items():
        ref = item.provenance.evidence_ref
        if ref is None:
            continue
        extracted = read_extraction(locker, item)
        pages = tuple(DocumentPage(p.number, p.text) for p in extracted.pages) if extracted else ()
        documents.append(DocumentText(ref, item.original_name, pages, _photo_date(locker, item)))
    return documents
