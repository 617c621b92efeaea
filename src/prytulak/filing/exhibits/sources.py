"""Where exhibits come from: the seam between the bundle and the evidence store.

For now an exhibit's file is ``<case folder>/evidence/<EvidenceRef.file>``. A translation is a
file beside it named ``<stem>.en.<ext>`` (PDF, image, DOCX or TXT), for example
``evidence/E04-medical.pdf`` and ``evidence/E04-medical.en.pdf``. When the evidence locker
(``prytulak.evidence``) stores originals and translations, only :func:`locate` changes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

from prytulak.case import CaseFile, EvidenceRef

from ..document import Document, parse_document, render_pdf

__all__ = ["EvidenceFileError", "Located", "locate", "to_pdf"]

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp"}
TEXT_SUFFIXES = {".docx", ".txt"}


class EvidenceFileError(Exception):
    """An evidence file cannot go into the bundle; the message names the file and the fix."""

    def __init__(self, path: Path, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem}; {fix}")
        self.path = path
        self.problem = problem
        self.fix = fix


@dataclass(frozen=True)
class Located:
    ref: EvidenceRef
    original: Path | None
    translation: Path | None
    needs_translation: bool
    why_missing: str | None = None


def _translation_for(path: Path) -> Path | None:
    for suffix in (".pdf", ".docx", ".txt", ".jpg", ".jpeg", ".png"):
        candidate = path.with_name(f"{path.stem}.en{suffix}")
        if candidate.is_file():
            return candidate
    return None


def locate(case: CaseFile, folder: Path, ref: EvidenceRef) -> Located:
    foreign = bool(ref.language) and ref.language != "en"
    if not ref.available:
        return Located(
            ref, None, None, foreign, f"not obtainable: {ref.notes or 'no reason given'}"
        )
    if not ref.file:
        return Located(ref, None, None, foreign, "no file named in the case (evidence[].file)")
    path = folder / "evidence" / ref.file
    if not path.is_file():
        return Located(ref, None, None, foreign, f"file not found: {path}")
    return Located(ref, path, _translation_for(path) if foreign else None, foreign)


def to_pdf(path: Path) -> bytes:
    """Any supported evidence file as PDF bytes (PDFs unchanged; photos one per page)."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return path.read_bytes()
    if suffix in IMAGE_SUFFIXES:
        return _image_pdf(path)
    if suffix in TEXT_SUFFIXES:
        return render_pdf(_text_document(path))
    raise EvidenceFileError(
        path,
        f"files of type {suffix or '(none)'} cannot go into the bundle",
        "convert it to PDF, JPEG, PNG, HEIC or DOCX",
    )


def _image_pdf(path: Path) -> bytes:
    from PIL import Image, UnidentifiedImageError
    from pillow_heif import register_heif_opener
    from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
    from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

    register_heif_opener()
    try:
        with Image.open(path) as image:
            image.load()
            rgb = image.convert("RGB")
    except (UnidentifiedImageError, OSError) as error:
        raise EvidenceFileError(
            path, f"the image cannot be read ({error})", "re-export it"
        ) from error
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    margin = 36
    box_w, box_h = LETTER[0] - 2 * margin, LETTER[1] - 2 * margin - 24
    scale = min(box_w / rgb.width, box_h / rgb.height)
    width, height = rgb.width * scale, rgb.height * scale
    canvas.drawImage(
        ImageReader(rgb), (LETTER[0] - width) / 2, LETTER[1] - margin - height, width, height
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _text_document(path: Path) -> Document:
    if path.suffix.lower() == ".docx":
        from docx import Document as DocxDocument

        try:
            paragraphs = [p.text for p in DocxDocument(str(path)).paragraphs]
        except Exception as error:  # python-docx raises several types for broken files
            raise EvidenceFileError(
                path,
                f"the Word file cannot be read ({error})",
                "open and re-save it, or export it to PDF",
            ) from error
    else:
        paragraphs = path.read_text(encoding="utf-8", errors="replace").split("\n\n")
    body = "\n\n".join(p.strip().lstrip("#:") for p in paragraphs if p.strip())
    document = parse_document(f"# {path.name}\n\n{body}", header=path.name)
    return replace(document, notice=f"{path.name}: text converted by Prytulak; formatting not kept")
