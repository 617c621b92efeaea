"""The exhibit bundle: cover, index, a tab before each exhibit, each foreign document followed by
its translation and the translator's certificate, continuous page numbers on every page, a
bookmark per tab, split into volumes under a size limit (ECAS: 25 MB per file).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import OutlineItem, Pdf

from prytulak.case import CaseFile
from prytulak.evidence import Locker

from ..notice import DRAFT_NOTICE
from .locker_source import LockerEvidence, names
from .pages import IndexRow, cover_pdf, index_pdf, stamp_font, stamp_page
from .plan import BundleOptions, Exhibit, plan_exhibits

__all__ = ["Bundle", "Volume", "build_bundle"]

FRONT_MATTER_BYTES = 200_000


@dataclass(frozen=True)
class Volume:
    number: int
    path: Path
    first_page: int
    last_page: int
    size: int


@dataclass(frozen=True)
class Bundle:
    volumes: tuple[Volume, ...]
    rows: tuple[IndexRow, ...]
    total_pages: int
    warnings: tuple[str, ...]
    not_included: tuple[str, ...]
    exhibits: tuple[dict[str, Any], ...] = ()
    """Per exhibit, for the manifest: tab, pages, volume and what went in (files or locker
    items with the SHA-256 of each original, the version used, translations)."""
    translated: int = 0
    """Exhibits enclosed with their English translation and translator's certificate."""
    untranslated: int = 0
    """Foreign-language exhibits enclosed with a translation still missing."""

    def tabs(self) -> dict[str, str]:
        """Evidence id → tab letter (for cross-references in the declaration)."""
        return {row.evidence_id: row.tab for row in self.rows}


def _caption(case: CaseFile) -> tuple[str, list[str]]:
    a = case.applicant
    a_number = a.a_number or "none"
    header = f"{a.name.full()} — A-number: {a_number}"
    court = case.travel.court
    lines = [f"In the matter of: {a.name.full()}", f"A-number: {a_number}"]
    if case.filing.posture.value == "defensive":
        lines.append(
            "In removal proceedings"
            + (f" before the {court.court} Immigration Court" if court.court else "")
        )
        if court.next_hearing:
            kind = f" ({court.hearing_kind})" if court.hearing_kind else ""
            lines.append(f"Next hearing: {court.next_hearing.describe()}{kind}")
        if court.judge:
            lines.append(f"Immigration Judge: {court.judge}")
        if court.detained:
            lines.append("DETAINED")
    else:
        lines.append("Affirmative application, U.S. Citizenship and Immigration Services")
    return header, lines


def _assign_volumes(exhibits: list[Exhibit], limit: int, warnings: list[str]) -> int:
    volume, used = 1, FRONT_MATTER_BYTES
    for exhibit in exhibits:
        if used + exhibit.size > limit * 0.95 and used > FRONT_MATTER_BYTES:
            volume, used = volume + 1, FRONT_MATTER_BYTES
        if exhibit.size > limit:
            warnings.append(
                f"Tab {exhibit.tab} alone is {exhibit.size / 2**20:.1f} MB, above the "
                f"{limit / 2**20:.0f} MB limit: compress or split that document"
            )
        exhibit.volume = volume
        used += exhibit.size
    return volume


def _number(exhibits: list[Exhibit], front_pages: int, volumes: int) -> int:
    page = front_pages
    current = 1
    for exhibit in exhibits:
        if exhibit.volume != current:
            current = exhibit.volume
            page += 1  # the volume's own cover page
        exhibit.first_page = page + 1
        page += exhibit.pages
    return page


def _rows(exhibits: list[Exhibit]) -> list[IndexRow]:
    rows = []
    for e in exhibits:
        labels = {p.label for p in e.parts}
        extra = ""
        if e.index_note is not None:
            extra = e.index_note
        elif "translation missing" in labels:
            extra = " (ENGLISH TRANSLATION MISSING)"
        elif "certificate" in labels:
            extra = " (with English translation and translator's certificate)"
        date = e.ref.document_date.describe() if e.ref.document_date else ""
        rows.append(
            IndexRow(
                e.ref.id,
                e.tab,
                f"{e.ref.id} — {e.ref.title}{extra}",
                date,
                e.ref.source or "",
                f"{e.first_page}–{e.last_page}",
                e.volume,
            )
        )
    return rows


def build_bundle(
    case: CaseFile,
    folder: Path,
    out_dir: Path,
    options: BundleOptions | None = None,
    progress: Callable[[str], None] | None = None,
    locker: Locker | None = None,
) -> Bundle:
    """Write ``exhibits.pdf`` (or ``exhibits-vol1.pdf`` …) into ``out_dir``.

    ``locker``: the case's evidence locker, opened with its passphrase; its items linked to the
    case's evidence are used (decrypted in memory only), plain files for the rest."""
    options = options or BundleOptions()
    keep: list[Pdf] = []
    warnings: list[str] = []
    missing: list[str] = []
    header, caption = _caption(case)
    evidence = _locker_evidence(case, folder, locker, warnings, options)
    try:
        exhibits = plan_exhibits(
            case, folder, options, header, keep, warnings, missing, progress, evidence
        )
        volumes = _assign_volumes(exhibits, options.max_volume_bytes, warnings)
        cover = cover_pdf(caption, options.title, DRAFT_NOTICE, header)
        index, total = _front_matter(exhibits, caption, header, volumes, cover)
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        start = 1
        for number in range(1, volumes + 1):
            members = [e for e in exhibits if e.volume == number]
            path = out_dir / ("exhibits.pdf" if volumes == 1 else f"exhibits-vol{number}.pdf")
            front = (
                [cover, index]
                if number == 1
                else [
                    cover_pdf(
                        [*caption, f"Volume {number} of {volumes}"],
                        options.title,
                        DRAFT_NOTICE,
                        header,
                    )
                ]
            )
            last = _write_volume(path, front, members, start, total, options)
            written.append(Volume(number, path, start, last, path.stat().st_size))
            if path.stat().st_size > options.max_volume_bytes:
                warnings.append(f"{path.name} is over the size limit; split it by hand")
            start = last + 1
        rows = _rows(exhibits)
        return Bundle(
            tuple(written),
            tuple(rows),
            total,
            tuple(warnings),
            tuple(missing),
            tuple(_exhibit_record(e, r) for e, r in zip(exhibits, rows, strict=True)),
            translated=sum(1 for e in exhibits if _translation_state(e) == "translated"),
            untranslated=sum(1 for e in exhibits if _translation_state(e) == "missing"),
        )
    finally:
        for pdf in keep:
            pdf.close()


def _translation_state(exhibit: Exhibit) -> str | None:
    """ "translated", "missing" (a translation is still to come) or None (in English)."""
    labels = {p.label for p in exhibit.parts}
    if "translation missing" in labels:
        return "missing"
    return "translated" if "certificate" in labels else None


def _locker_evidence(
    case: CaseFile,
    folder: Path,
    locker: Locker | None,
    warnings: list[str],
    options: BundleOptions,
) -> LockerEvidence | None:
    if locker is None:
        if Locker.exists(folder):
            warnings.append(
                "this case has an evidence locker that was not opened (no passphrase): none of "
                "its files is in the bundle"
            )
        return None
    evidence = LockerEvidence.read(locker)
    unlinked = evidence.unlinked(case)
    if unlinked:
        warnings.append(
            f"evidence locker items not linked to the case's evidence, so not in the bundle: "
            f"{names(unlinked)}; {options.remedies_for(folder).link_to_evidence()}"
        )
    return evidence


def _exhibit_record(exhibit: Exhibit, row: IndexRow) -> dict[str, Any]:
    return {
        "tab": exhibit.tab,
        "evidence_id": exhibit.ref.id,
        "title": exhibit.ref.title,
        "pages": row.pages,
        "volume": exhibit.volume,
        **exhibit.record,
    }


def _front_matter(
    exhibits: list[Exhibit],
    caption: list[str],
    header: str,
    volumes: int,
    cover: bytes,
) -> tuple[bytes, int]:
    """Render the index until its own page count is stable (it numbers the pages after it)."""
    index_pages = 1 + len(exhibits) // 22
    for _ in range(4):
        total = _number(exhibits, _count(cover) + index_pages, volumes)
        index = index_pdf(_rows(exhibits), "\n".join(caption), header, DRAFT_NOTICE, volumes)
        if _count(index) == index_pages:
            return index, total
        index_pages = _count(index)
    raise RuntimeError("the index page count does not settle")


def _count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def _label(page: int, total: int, options: BundleOptions) -> str:
    if options.bates_prefix:
        return f"{options.bates_prefix}{page:06d}"
    return f"Page {page} of {total}"


def _write_volume(
    path: Path,
    front: list[bytes],
    members: list[Exhibit],
    start: int,
    total: int,
    options: BundleOptions,
) -> int:
    out = Pdf.new()
    opened = [pikepdf.open(io.BytesIO(data)) for data in front]
    marks: list[tuple[str, int, list[tuple[str, int]]]] = []
    names = ["Cover", "Index of exhibits"] if len(front) == 2 else ["Cover"]
    for name, pdf in zip(names, opened, strict=True):
        marks.append((name, len(out.pages), []))
        out.pages.extend(pdf.pages)
    for exhibit in members:
        children = []
        tab_index = len(out.pages)
        for part in exhibit.parts:
            if part.bookmark:
                children.append((part.bookmark, len(out.pages)))
            out.pages.extend(part.pages)
        marks.append((f"Tab {exhibit.tab}: {exhibit.ref.title}", tab_index, children))
    _stamp(out, start, total, options)
    with out.open_outline() as outline:
        for title, index, children in marks:
            item = OutlineItem(title, index)
            item.children.extend(OutlineItem(t, i) for t, i in children)
            outline.root.append(item)
    out.docinfo["/Title"] = options.title
    out.docinfo["/Creator"] = "Prytulak (draft for attorney review)"
    out.save(path)
    last = start + len(out.pages) - 1
    out.close()
    for pdf in opened:
        pdf.close()
    return last


def _stamp(out: Pdf, start: int, total: int, options: BundleOptions) -> None:
    font = stamp_font(out)
    for offset, page in enumerate(out.pages):
        stamp_page(out, page, _label(start + offset, total, options), font)
