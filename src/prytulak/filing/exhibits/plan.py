"""The bundle's plan: which exhibits, in which order, their parts, pages, tabs and volumes."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import pikepdf

from prytulak.case import CaseFile, EvidenceRef, Translator
from prytulak.evidence.translation import LANGUAGE_NAMES
from prytulak.store.blobs import sha256_file

from ..document import render_document, render_pdf
from ..forms.values import address_line
from .locker_source import LockerEvidence
from .pages import PACKAGE, tabs_pdf
from .remedies import CommandLineRemedies, Remedies
from .sources import EvidenceFileError, Located, locate, to_pdf

__all__ = [
    "BundleOptions",
    "Deferred",
    "Exhibit",
    "Part",
    "deferred_part",
    "generated_part",
    "open_pdf",
    "plan_exhibits",
    "tab_letter",
]

MB = 1024 * 1024


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
    remedies: Remedies | None = None
    """How warnings tell the user to fix a gap; ``None``: ``prytulak`` commands."""

    def remedies_for(self, case_folder: Path | str) -> Remedies:
        return self.remedies or CommandLineRemedies(str(case_folder))


@dataclass
class Part:
    label: str
    pages: list[pikepdf.Page]
    size: int
    bookmark: str | None = None
    """A child bookmark under the tab's, e.g. "English translation"."""


@dataclass
class Exhibit:
    tab: str
    ref: EvidenceRef
    parts: list[Part] = field(default_factory=list)
    first_page: int = 0
    volume: int = 1
    index_note: str | None = None
    """Overrides the index's default note on translations, e.g. a missing certified one."""
    record: dict[str, Any] = field(default_factory=dict)
    """What went in, for the manifest: files or locker items with their SHA-256."""

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


def open_pdf(data: bytes | Path, name: Path | str) -> pikepdf.Pdf:
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


def _load(path: Path, keep: list[pikepdf.Pdf], bookmark: str | None = None) -> Part:
    source: bytes | Path = path if path.suffix.lower() == ".pdf" else to_pdf(path)
    pdf = open_pdf(source, path)
    keep.append(pdf)
    if len(pdf.pages) == 0:
        raise EvidenceFileError(path, "the PDF has no pages", "re-export the document")
    size = path.stat().st_size if isinstance(source, Path) else len(source)
    return Part(path.name, list(pdf.pages), size, bookmark)


def generated_part(
    data: bytes, label: str, keep: list[pikepdf.Pdf], bookmark: str | None = None
) -> Part:
    pdf = pikepdf.open(io.BytesIO(data))
    keep.append(pdf)
    return Part(label, list(pdf.pages), len(data), bookmark)


Deferred = list[tuple[Part, tuple[str, str, str]]]
"""Tab-like pages drawn later in one batch: (the part to fill, (tab, title, note))."""


def deferred_part(
    label: str, spec: tuple[str, str, str], deferred: Deferred, bookmark: str | None = None
) -> Part:
    part = Part(label, [], 0, bookmark)
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
        "address": address_line(translator.address) if translator and translator.address else None,
        "phone": translator.phone if translator else None,
    }
    document = render_document(PACKAGE, "translator_certificate.en.j2", context, header)
    return render_pdf(replace(document, page_numbers=False))


def _exhibit(
    deferred: Deferred,
    folder: Path,
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
    translated = found.needs_translation and found.translation is not None
    note = ""
    if translated:
        note = f"{language} original; English translation follows"
    elif found.needs_translation:
        note = f"{language} original; English translation not yet provided"
    exhibit.parts.append(deferred_part("tab", (tab, ref.title, note), deferred))
    exhibit.parts.append(original)
    if found.needs_translation and found.translation is None:
        warnings.append(
            f"Tab {tab} ({ref.id}): no English translation; add "
            f"{found.original.stem}.en.pdf beside the original (no translator's certificate "
            "is enclosed until then)"
        )
        exhibit.parts.append(
            deferred_part(
                "translation missing",
                (tab, "ENGLISH TRANSLATION REQUIRED — not yet provided", ref.title),
                deferred,
                "English translation (missing)",
            )
        )
    elif found.translation is not None and found.needs_translation:
        exhibit.parts.append(_load(found.translation, keep, "English translation"))
        if _translator(case, ref.language or "") is None:
            warnings.append(
                f"Tab {tab} ({ref.id}): no translator for '{ref.language}' in the case;"
                " the certificate has blanks"
            )
        # A certificate only ever covers a translation that is enclosed.
        exhibit.parts.append(
            generated_part(
                _certificate(case, ref, tab, header),
                "certificate",
                keep,
                "Translator's certificate",
            )
        )
    exhibit.record = _file_record(found, folder)
    return exhibit


def _file_record(found: Located, folder: Path) -> dict[str, Any]:
    def entry(path: Path) -> dict[str, str]:
        return {"file": str(path.relative_to(folder)), "sha256": sha256_file(path)}

    assert found.original is not None
    record: dict[str, Any] = {"source": "file", "original": entry(found.original)}
    if found.translation is not None:
        record["translation"] = entry(found.translation)
    return record


def plan_exhibits(
    case: CaseFile,
    folder: Path,
    options: BundleOptions,
    header: str,
    keep: list[pikepdf.Pdf],
    warnings: list[str],
    missing: list[str],
    progress: Callable[[str], None] | None = None,
    locker: LockerEvidence | None = None,
) -> list[Exhibit]:
    """Open every exhibit (validating it); bad files are skipped or stop the build."""
    refs = _ordered(case, options.order)
    exhibits: list[Exhibit] = []
    deferred: Deferred = []
    for ref in refs:
        found = locate(case, folder, ref, locker)
        if not found.found:
            missing.append(f"{ref.id}: {ref.title} — not included ({found.why_missing})")
            continue
        tab = tab_letter(len(exhibits))
        mine: Deferred = []
        try:
            if found.locker is not None:
                from .locker_parts import locker_exhibit_parts

                made = locker_exhibit_parts(
                    mine, case, found.locker, tab, header, keep, warnings, options
                )
            else:
                made = _exhibit(mine, folder, case, found, tab, header, keep, warnings)
            exhibits.append(made)
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
