"""References to evidence. The evidence locker fills in files, hashes, text and translations."""

from __future__ import annotations

from pydantic import Field

from .dates import PartialDate
from .people import CaseModel

__all__ = ["EvidenceRef"]


class EvidenceRef(CaseModel):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", description="e.g. 'E01'")
    title: str = Field(description="What it is, in English, e.g. 'Ruling of the Frunzienski court'")
    kind: str | None = Field(
        default=None, description="ruling, summons, protocol, medical, photo, article, letter ..."
    )
    document_date: PartialDate | None = None
    language: str | None = Field(default=None, description="ru, be, en ...")
    source: str | None = Field(default=None, description="Who issued or published it")
    obtained: str | None = Field(default=None, description="How and when it was obtained")
    original: bool | None = None
    file: str | None = Field(
        default=None, description="File name under the case folder's evidence/ directory"
    )
    blob: str | None = Field(default=None, description="SHA-256 of the file in the locker")
    available: bool = Field(
        default=True, description="False when it exists but cannot be obtained (say why in notes)"
    )
    notes: str | None = None
