"""What the review looks at: the case, and whatever text the evidence locker has extracted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from prytulak.case import CaseFile

__all__ = ["DocumentPage", "DocumentText", "ReviewInput"]


@dataclass(frozen=True)
class DocumentPage:
    number: int
    text: str


@dataclass(frozen=True)
class DocumentText:
    """Text of one evidence item (OCR or text layer), with its page numbers."""

    evidence_id: str
    file: str | None
    pages: tuple[DocumentPage, ...]
    taken_on: date | None = field(default=None)  # photo metadata: when it was taken
    taken_at: str | None = field(default=None)  # photo metadata: place, if known


@dataclass(frozen=True)
class ReviewInput:
    case: CaseFile
    today: date
    documents: Sequence[DocumentText] = ()
    declaration: str | None = None

    def document(self, evidence_id: str) -> DocumentText | None:
        return next((d for d in self.documents if d.evidence_id == evidence_id), None)
