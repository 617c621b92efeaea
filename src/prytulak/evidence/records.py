"""Typed records of the locker: items, provenance, derived files, extraction, translations.

Item records (``items/<id>.json``) hold provenance and metadata, in the clear like ``case.yaml``.
File contents, extracted text, suggestions and translations are encrypted blobs; records only
point at them by SHA-256.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from .sniff import FileKind

__all__ = [
    "Acquisition",
    "Derived",
    "DerivedKind",
    "ExtractedPage",
    "ExtractedText",
    "Extraction",
    "Item",
    "PageInfo",
    "PageMethod",
    "Provenance",
    "Suggestion",
    "TranslationKind",
    "TranslationRecord",
    "TranslatorCertificate",
    "now_utc",
]


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Acquisition(StrEnum):
    FROM_APPLICANT = "from applicant"
    FROM_RELATIVE = "from relative or friend"
    SCAN_OF_PAPER = "scan of paper document"
    PHOTO_OF_PAPER = "photo of paper document"
    DEVICE_CAPTURE = "photo or video taken by the applicant"
    EMAIL = "e-mail"
    MESSENGER = "messenger export"
    WEB_CAPTURE = "web capture"
    OFFICIAL_REQUEST = "obtained from an authority"
    OTHER = "other"


class Provenance(Record):
    """Where an item came from and what it is for. Everything here is what a person said."""

    description: str | None = Field(default=None, description="What it shows, in English")
    provided_by: str | None = Field(default=None, description="Who gave it to the locker")
    acquisition: Acquisition | None = None
    obtained: str | None = Field(default=None, description="When and how it was obtained")
    original: bool | None = Field(default=None, description="True: original; False: a copy")
    source: str | None = Field(
        default=None, description="Issuer or publisher, e.g. 'Frunzienski District Court of Minsk'"
    )
    source_url: str | None = None
    document_date: str | None = Field(
        default=None, description="Date on the document, YYYY[-MM[-DD]]"
    )
    document_type: str | None = Field(default=None, description="summons, ruling, protocol ...")
    evidence_ref: str | None = Field(default=None, description="Id of the case's EvidenceRef")
    events: list[str] = Field(default_factory=list, description="Ids of the case's events")
    elements: list[str] = Field(
        default_factory=list,
        description="Legal elements it supports, e.g. 'nexus: political opinion'",
    )


class DerivedKind(StrEnum):
    UNLOCKED_PDF = "unlocked-pdf"
    SEARCHABLE_PDF = "searchable-pdf"
    TEXT = "text"
    TRANSLATION = "translation"


class Derived(Record):
    """A file made from the original (never a change to it), stored as its own blob."""

    kind: DerivedKind
    sha256: str
    media_type: str
    created: str = Field(default_factory=now_utc)
    tool: str
    note: str | None = None


class PageMethod(StrEnum):
    TEXT_LAYER = "text layer"
    OCR = "ocr"
    DOCUMENT = "document text"
    NONE = "no text"


class PageInfo(Record):
    number: int
    method: PageMethod
    chars: int
    language: str | None = None
    confidence: float | None = None


class Extraction(Record):
    """Summary of what was extracted; the text itself is the encrypted blob ``sha256``."""

    sha256: str
    pages: list[PageInfo]
    language: str | None
    languages: list[str] = Field(default_factory=list)
    needs_ocr: list[int] = Field(default_factory=list, description="Pages without text yet")
    created: str = Field(default_factory=now_utc)


class Suggestion(Record):
    """Something recognised in the text; a person must confirm it before it is used."""

    field: str = Field(description="date, name or document type")
    value: str
    page: int
    snippet: str


class ExtractedPage(Record):
    number: int
    method: PageMethod
    text: str


class ExtractedText(Record):
    """The decrypted content of an ``Extraction`` blob."""

    pages: list[ExtractedPage]
    suggestions: list[Suggestion] = Field(default_factory=list)

    def full_text(self) -> str:
        return "\n\n".join(page.text for page in self.pages if page.text)


class TranslatorCertificate(Record):
    """8 CFR 103.2(b)(3) and 8 CFR 1003.33: competence plus completeness and accuracy."""

    name: str
    address: str
    statement: str
    signed_on: str


class TranslationKind(StrEnum):
    HUMAN = "human"
    MACHINE_DRAFT = "machine draft"


class TranslationRecord(Record):
    id: str = Field(description="e.g. 'F003-T1'")
    kind: TranslationKind
    sha256: str = Field(description="Blob with the English text")
    source_language: str | None
    target_language: str = "en"
    engine: str | None = None
    created: str = Field(default_factory=now_utc)
    certificate: TranslatorCertificate | None = None
    glossary_misses: list[str] = Field(
        default_factory=list, description="Glossary terms in the source whose English is absent"
    )

    @property
    def certified(self) -> bool:
        return self.certificate is not None

    @property
    def status(self) -> str:
        if self.certified:
            return "certified"
        return (
            "DRAFT (machine, not certified)"
            if self.kind is TranslationKind.MACHINE_DRAFT
            else "uncertified"
        )


class Item(Record):
    id: str
    sha256: str
    size: int
    kind: FileKind
    media_type: str
    original_name: str
    added: str = Field(default_factory=now_utc)
    added_by: str
    pages: int | None = None
    intake_notes: list[str] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    derived: list[Derived] = Field(default_factory=list)
    extraction: Extraction | None = None
    translations: list[TranslationRecord] = Field(default_factory=list)
    custody_head: str = Field(description="Hash of the last custody entry, for truncation checks")
    custody_count: int

    def state_hash(self) -> str:
        """SHA-256 of the record apart from its custody pointer; custody entries carry it."""
        body = self.model_dump(mode="json", exclude={"custody_head", "custody_count"})
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def derived_of(self, kind: DerivedKind) -> Derived | None:
        return next((d for d in reversed(self.derived) if d.kind is kind), None)

    def blob_hashes(self) -> list[str]:
        hashes = [self.sha256, *(d.sha256 for d in self.derived)]
        if self.extraction:
            hashes.append(self.extraction.sha256)
        hashes.extend(t.sha256 for t in self.translations)
        return list(dict.fromkeys(hashes))
