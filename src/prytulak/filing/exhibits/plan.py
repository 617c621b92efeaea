"""The bundle's plan: which exhibits, in which order, their parts, pages, tabs and volumes."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import pikepdf

from prytulak.case import CaseFile, EvidenceRef, Translator

from ..document import render_document, render_pdf
from .pages import PACKAGE, tabs_pdf
from .sources import EvidenceFileError, Located, locate, to_pdf

__all__ = ["BundleOptions", "Exhibit", "Part", "plan_exhibits", "tab_letter"]

MB = 1024 * 1024
LANGUAGE_NAMES = {
    "ru": "Russian",
    "be": "Belarusian",
    "uk": "Ukrainian",
    "pl": "Polish",
    "lt": "Lithuanian",
    "en": "English",
}


@dataclass(frozen=True)
class BundleOptions:
    order: tuple[str, ...] | None = None
    """Evidence ids in the attorney's order; default: the case's order."""
    bates_prefix: str | None = None
    """``None``: "Page 37 of 412"; otherwise Bates numbers, e.g. ``KAZLOU-000037``."""
    max_volume_bytes: int = 25 * MB
    """Immigration-court e-filing (ECAS) takes files up to 25 MB."""
    on_bad_evidence: Literal["skip", "stop"] = "stop"
    title: str = "Exhibits in Support of the Application for Asylum (Form I-589)"


@dataclass
class Part:
    label: str
    pages: list[pikepdf.Page]
    size: int


@dataclass
class Exhibit:
    tab: str
    ref: EvidenceRef
    parts: list[Part] = field(default_factory=list)
    first_page: int = 0
    volume: int = 1

    @property
    def pages(self) -> int:
        return sum(len(p.pages) for p in self.parts)

    @property
    def size(self) -> int:
        return sum(p.size for p in self.parts)

    @property
    def last_page(self) -> int:
        return self.first_page + self.pages - 1


def tab_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def open_pdf(data: bytes | Path, name: Path) -> pikepdf.Pdf:
    """Open an evidence PDF or raise :class:`EvidenceFileError` that says what to do."""
    try:
        return pikepdf.open(data if isinstance(data, Path) else io.BytesIO(data))
    except pikepdf.PasswordError as error:
        raise EvidenceFileError(
            name,
            "the PDF is password-protected",
            "save an unprotected copy (for example: qpdf --password=PASSWORD --decrypt in.pdf "
            "out.pdf) and put it in evidence/",
        ) from error
    except pikepdf.PdfError as error:
        raise EvidenceFileError(
            name,
            f"the PDF is damaged or not a PDF ({str(error).splitlines()[0][:120]})",
            "re-scan or re-export the document, or remove it from the bundle",
        ) from error


def _load(path: Path, keep: list[pikepdf.Pdf]) -> Part:
    source: bytes | Path = path if path.suffix.lower() == ".pdf" else to_pdf(path)
    pdf = open_pdf(source, path)
    keep.append(pdf)
    if len(pdf.pages) == 0:
        raise EvidenceFileError(path, "the PDF has no pages", "re-export the document")
    size = path.stat().st_size if isinstance(source, Path) else len(source)
    return Part(path.name, list(pdf.pages), size)


def _generated(data: bytes, label: str, keep: list[pikepdf.Pdf]) -> Part:
    pdf = pikepdf.open(io.BytesIO(data))
    keep.append(pdf)
    return Part(label, list(pdf.pages), len(data))


Deferred = list[tuple[Part, tuple[str, str, str]]]
"""Tab-like pages drawn later in one batch: (the part to fill, (tab, title, note))."""


def _deferred(label: str, spec: tuple[str, str, str], deferred: Deferred) -> Part:
    part = Part(label, [], 0)
    deferred.append((part, spec))
    return part


def _draw_deferred(deferred: Deferred, keep: list[pikepdf.Pdf]) -> None:
    """All tab pages in one PDF: one embedded font subset instead of one per tab."""
    if not deferred:
        return
    data = tabs_pdf([spec for _, spec in deferred])
    pdf = pikepdf.open(io.BytesIO(data))
    keep.append(pdf)
    for (part, _), page in zip(deferred, pdf.pages, strict=True):
        part.pages = [page]
        part.size = len(data) // len(deferred)


def _translator(case: CaseFile, language: str) -> Translator | None:
    return next((t for t in case.representation.translators if language in t.languages), None)


def _certificate(case: CaseFile, ref: EvidenceRef, tab: str, header: str) -> bytes:
    translator = _translator(case, ref.language or "")
    language = LANGUAGE_NAMES.get(ref.language or "", ref.language or "the original language")
    context = {
        "translator": translator.name if translator else "______________________",
        "language": language,
        "document": ref.title,
        "tab": tab,
        "address": translator.address.one_line() if translator and translator.address else None,
        "phone": translator.phone if translator else None,
    }
    document = render_document(PACKAGE, "translator_certificate.en.j2", context, header)
    return render_pdf(replace(document, page_numbers=False))


def _exhibit(
    deferred: Deferred,
    case: CaseFile,
    found: Located,
    tab: str,
    header: str,
    keep: list[pikepdf.Pdf],
    warnings: list[str],
) -> Exhibit:
    assert found.original is not None
    ref = found.ref
    exhibit = Exhibit(tab, ref)
    original = _load(found.original, keep)
    language = LANGUAGE_NAMES.get(ref.language or "", ref.language)
    note = f"{language} original; English translation follows" if found.needs_translation else ""
    exhibit.parts.append(_deferred("tab", (tab, ref.title, note), deferred))
    exhibit.parts.append(original)
    if found.needs_translation:
        if found.translation is not None:
            exhibit.parts.append(_load(found.translation, keep))
        else:
            warnings.append(
                f"Tab {tab} ({ref.id}): no English translation; add "
                f"{found.original.stem}.en.pdf beside the original"
            )
            exhibit.parts.append(
                _deferred(
                    "translation missing",
                    (tab, "ENGLISH TRANSLATION REQUIRED — not yet provided", ref.title),
                    deferred,
                )
            )
        if _translator(case, ref.language or "") is None:
            warnings.append(
                f"Tab {tab} ({ref.id}): no translator for '{ref.language}' in the case;"
                " the certificate has blanks"
            )
        exhibit.parts.append(_generated(_certificate(case, ref, tab, header), "certificate", keep))
    return exhibit


def plan_exhibits(
    case: CaseFile,
    folder: Path,
    options: BundleOptions,
    header: str,
    keep: list[pikepdf.Pdf],
    warnings: list[str],
    missing: list[str],
    progress: Callable[[str], None] | None = None,
) -> list[Exhibit]:
    """Open every exhibit (validating it); bad files are skipped or stop the build."""
    refs = _ordered(case, options.order)
    exhibits: list[Exhibit] = []
    deferred: Deferred = []
    for ref in refs:
        found = locate(case, folder, ref)
        if found.original is None:
            missing.append(f"{ref.id}: {ref.title} — not included ({found.why_missing})")
            continue
        tab = tab_letter(len(exhibits))
        mine: Deferred = []
        try:
            exhibits.append(_exhibit(mine, case, found, tab, header, keep, warnings))
            deferred += mine
        except EvidenceFileError as error:
            if options.on_bad_evidence == "stop":
                raise
            warnings.append(f"SKIPPED {ref.id} ({error})")
            missing.append(f"{ref.id}: {ref.title} — not included ({error.problem})")
        if progress:
            progress(ref.id)
    _draw_deferred(deferred, keep)
    return exhibits


def _ordered(case: CaseFile, order: tuple[str, ...] | None) -> list[EvidenceRef]:
    if not order:
        return list(case.evidence)
    known = {e.id: e for e in case.evidence}
    unknown = [i for i in order if i not in known]
    if unknown:
        raise ValueError(
            f"unknown evidence id(s) in the exhibit order: {', '.join(unknown)}; "
            f"the case has {', '.join(known) or 'no evidence'}"
        )
    rest = [e for e in case.evidence if e.id not in order]
    return [known[i] for i in order] + rest
