"""The result of filling an official form: the PDF and a field-by-field account of it."""

from __future__ import annotations

from dataclasses import dataclass

from .continuation import Continuation
from .edition import FieldSpec, FormEdition
from .fill import WrittenField

__all__ = ["FilledForm"]


@dataclass(frozen=True)
class FilledForm:
    edition: FormEdition
    pdf: bytes
    written: tuple[WrittenField, ...]
    unanswered: tuple[FieldSpec, ...]
    continuations: tuple[Continuation, ...]
    page_count: int
    supplement_pages: int
    flattened: bool
    notes: tuple[str, ...] = ()
    """Notes on particular answers, shown before the generic ones."""

    def values(self) -> dict[str, str]:
        """Output field name → value written (checkboxes: their export value)."""
        return {w.name: w.value for w in self.written}

    def review_notes(self) -> list[str]:
        """What the attorney must look at before filing."""
        notes = list(self.notes)
        if self.unanswered:
            gaps = sorted({f"{s.where} ({s.label})" for s in self.unanswered})
            more = " …" if len(gaps) > 12 else ""
            notes.append(
                f"{len(gaps)} question(s) the case file does not answer were left blank: "
                + "; ".join(gaps[:12])
                + more
            )
        defaulted = [w for w in self.written if w.source == "if_empty"]
        if defaulted:
            notes.append(
                f"{len(defaulted)} box(es) had no answer in the case and were written as "
                "'None' or 'N/A' (USCIS rejects blank boxes): check each is true"
            )
        for item in self.continuations:
            notes.append(f"Continued on a supplement page: {item.title}")
        notes.append("Signatures and signature dates are left for the applicant to write by hand")
        return notes
