"""Exhibits from the case's evidence locker: which items, which version of each, which
translation, all decrypted in memory only.

An item belongs to an exhibit when its ``provenance.evidence_ref`` names the case's
``EvidenceRef`` (``prytulak evidence add --ref E07``), or when its SHA-256 is the reference's
``blob``. For each item the bundle takes:

* a PDF: the searchable copy made by OCR when there is one (the text layer Prytulak added, the
  pages otherwise as scanned), else the unlocked copy of a password-protected original, else the
  original; text layers are kept;
* a photo: a copy without GPS position and device data (``strip_image_metadata``), one page per
  frame; the original in the locker keeps them;
* Word, text, e-mail or web page: its text as pages (formatting not kept).

A foreign-language item is followed by its newest *certified* English translation. A machine
draft, or a person's translation nobody has certified, is never used (see decision 0204).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from prytulak.case import CaseFile, EvidenceRef
from prytulak.evidence import EvidenceError, Item, Locker, TranslationRecord
from prytulak.evidence.extract import extract_pages
from prytulak.evidence.records import DerivedKind, TranslationKind
from prytulak.evidence.sniff import FileKind
from prytulak.store.blobs import BlobError

from .remedies import Remedies
from .sources import EvidenceFileError, photo_pdf, text_pdf

__all__ = [
    "LockerDocument",
    "LockerEvidence",
    "LockerExhibit",
    "LockerTranslation",
    "TranslationGap",
    "UncertifiedTranslationError",
    "certified_translations",
    "item_label",
    "load_documents",
    "locker_exhibit",
    "names",
    "refusal",
]

SEARCHABLE = "searchable PDF (OCR text layer added by Prytulak; original unchanged in the locker)"
UNLOCKED = "unlocked copy of the password-protected original"
ORIGINAL_PDF = "original PDF (its text layer kept)"
TEXT_PAGES = "text of the {kind} set as pages (formatting not kept)"
SHORT = {
    "original": "original",
    "searchable-pdf": "searchable copy, OCR text layer added",
    "unlocked-pdf": "unlocked copy",
    "photo-without-metadata": "photo; GPS and device data removed",
    "text": "text set as pages",
}


class UncertifiedTranslationError(EvidenceFileError):
    """A foreign-language item whose only English translation is not certified."""


@dataclass(frozen=True)
class LockerDocument:
    """One locker item as it goes into the bundle."""

    item_id: str
    name: str
    original_sha256: str
    included: str
    """``original``, ``searchable-pdf``, ``unlocked-pdf``, ``photo-without-metadata``, ``text``."""
    note: str
    included_sha256: str
    pdf: bytes
    metadata_removed: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        """For the index: which version this is, in a few words."""
        return SHORT[self.included]


@dataclass(frozen=True)
class LockerTranslation:
    item: Item
    record: TranslationRecord
    text: str


@dataclass(frozen=True)
class TranslationGap:
    """A foreign-language item without a certified English translation."""

    item: Item
    drafts: tuple[TranslationRecord, ...]
    """Uncertified translations it does have (machine drafts or unsigned human ones)."""

    def describe(self) -> str:
        if not self.drafts:
            return "no English translation"
        kinds = ", ".join(f"{t.id} ({t.status})" for t in self.drafts)
        return f"only an uncertified English translation: {kinds}"

    def short(self) -> str:
        """One line for the page that stands in for the translation."""
        name = self.item.original_name
        name = name if len(name) <= 40 else name[:37] + "…"
        if not self.drafts:
            return f"{self.item.id} ({name}): no English translation yet"
        draft = self.drafts[-1]
        what = "a machine draft" if draft.kind is TranslationKind.MACHINE_DRAFT else "a translation"
        return f"{self.item.id} ({name}): {draft.id} is {what}, not certified"


@dataclass(frozen=True)
class LockerExhibit:
    locker: Locker
    ref: EvidenceRef
    items: tuple[Item, ...]
    foreign: tuple[str, ...]
    """Ids of the items that need an English translation."""

    @property
    def needs_translation(self) -> bool:
        return bool(self.foreign)


@dataclass
class LockerEvidence:
    """The open locker's item records, grouped by the case reference they are linked to."""

    locker: Locker
    items: list[Item] = field(default_factory=list)

    @classmethod
    def read(cls, locker: Locker) -> LockerEvidence:
        return cls(locker, locker.items())

    def linked_to(self, ref: EvidenceRef) -> tuple[Item, ...]:
        return tuple(
            i for i in self.items if i.provenance.evidence_ref == ref.id or i.sha256 == ref.blob
        )

    def unlinked(self, case: CaseFile) -> list[Item]:
        linked = {i.id for ref in case.evidence for i in self.linked_to(ref)}
        return [i for i in self.items if i.id not in linked]


def item_label(item: Item) -> str:
    return f"evidence locker item {item.id} ({item.original_name})"


def _language(item: Item, ref: EvidenceRef) -> str | None:
    detected = item.extraction.language if item.extraction else None
    return detected or ref.language


def locker_exhibit(
    case: CaseFile, evidence: LockerEvidence, ref: EvidenceRef
) -> LockerExhibit | None:
    """The locker items of ``ref`` (records only, nothing decrypted), or None when it has none."""
    items = evidence.linked_to(ref)
    if not items:
        return None
    foreign = tuple(i.id for i in items if _language(i, ref) not in (None, "en"))
    return LockerExhibit(evidence.locker, ref, items, foreign)


def _read(locker: Locker, item: Item, sha256: str) -> bytes:
    try:
        return locker.blobs.read(sha256)
    except (BlobError, EvidenceError) as error:
        raise EvidenceFileError(
            item_label(item),
            f"its file cannot be read from the locker ({error})",
            "run `prytulak evidence verify CASE` and restore the case folder from a backup",
        ) from error


def load_documents(exhibit: LockerExhibit) -> list[LockerDocument]:
    """Decrypt (in memory) and convert each item to PDF pages."""
    return [_document(exhibit.locker, item) for item in exhibit.items]


def _document(locker: Locker, item: Item) -> LockerDocument:
    if item.kind is FileKind.PDF:
        return _pdf_document(locker, item)
    data = _read(locker, item, item.sha256)
    if item.kind.is_image:
        photo = photo_pdf(data, item_label(item))
        return LockerDocument(
            item.id,
            item.original_name,
            item.sha256,
            "photo-without-metadata",
            "photo copy without GPS position and device data (removed: "
            f"{', '.join(photo.removed) or 'none found'})",
            photo.copy_sha256,
            photo.pdf,
            photo.removed,
        )
    text = "\n".join(page.text for page in extract_pages(item.kind, data))
    kind = {"text": "text file", "docx": "Word file", "email": "e-mail", "html": "web page"}
    pdf = text_pdf(item.original_name, text, f"{item.original_name} ({item.id})")
    note = TEXT_PAGES.format(kind=kind.get(item.kind.value, item.kind.value))
    return LockerDocument(item.id, item.original_name, item.sha256, "text", note, _sha(pdf), pdf)


def _pdf_document(locker: Locker, item: Item) -> LockerDocument:
    searchable = item.derived_of(DerivedKind.SEARCHABLE_PDF)
    unlocked = item.derived_of(DerivedKind.UNLOCKED_PDF)
    if searchable is not None:
        chosen, included, note = searchable.sha256, "searchable-pdf", SEARCHABLE
    elif unlocked is not None:
        chosen, included, note = unlocked.sha256, "unlocked-pdf", UNLOCKED
    else:
        chosen, included, note = item.sha256, "original", ORIGINAL_PDF
    data = _read(locker, item, chosen)
    return LockerDocument(item.id, item.original_name, item.sha256, included, note, chosen, data)


def certified_translations(
    exhibit: LockerExhibit,
) -> tuple[list[LockerTranslation], list[TranslationGap]]:
    """The newest certified English translation of each foreign item, and the items without."""
    found: list[LockerTranslation] = []
    gaps: list[TranslationGap] = []
    for item in exhibit.items:
        if item.id not in exhibit.foreign:
            continue
        english = [t for t in item.translations if t.target_language == "en"]
        certified = [t for t in english if t.certified]
        if certified:
            record = certified[-1]
            text = _read(exhibit.locker, item, record.sha256).decode("utf-8", errors="replace")
            found.append(LockerTranslation(item, record, text))
        else:
            gaps.append(TranslationGap(item, tuple(english)))
    return found, gaps


def refusal(
    remedies: Remedies, ref: EvidenceRef, gap: TranslationGap
) -> UncertifiedTranslationError:
    """The message that stops the build when an item has only an uncertified translation."""
    draft = gap.drafts[-1]
    machine = draft.kind is TranslationKind.MACHINE_DRAFT
    what = "a machine draft" if machine else "a translation nobody has certified"
    return UncertifiedTranslationError(
        item_label(gap.item) + f" [{ref.id}]",
        f"its only English translation {draft.id} is {what}; an uncertified translation is "
        "never filed (8 CFR 103.2(b)(3), 8 CFR 1003.33)",
        remedies.certify_draft(gap.item.id, draft.id),
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def names(items: Iterable[Item]) -> str:
    return ", ".join(f"{i.id} ({i.original_name})" for i in items)
