"""Where exhibits come from: the seam between the bundle and the evidence store.

Two sources, tried in this order for each of the case's ``EvidenceRef``:

1. The case's evidence locker (``<case>/evidence/locker/``, encrypted), when it is open: the
   items whose ``provenance.evidence_ref`` (or SHA-256, ``EvidenceRef.blob``) points at the
   reference, with their certified translations (``locker_source.py``). Nothing is decrypted
   to disk.
2. A plain file ``<case folder>/evidence/<EvidenceRef.file>``, with its translation beside it
   named ``<stem>.en.<ext>`` (PDF, image, DOCX or TXT), for example ``evidence/E04-medical.pdf``
   and ``evidence/E04-medical.en.pdf``.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prytulak.case import CaseFile, EvidenceRef

from ..document import Block, Document, render_pdf

if TYPE_CHECKING:
    from .locker_source import LockerEvidence, LockerExhibit

__all__ = [
    "EvidenceFileError",
    "Located",
    "PhotoPages",
    "image_pdf",
    "locate",
    "photo_pdf",
    "text_pdf",
    "to_pdf",
]

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp"}
TEXT_SUFFIXES = {".docx", ".txt"}


class EvidenceFileError(Exception):
    """An evidence file cannot go into the bundle; the message names the file and the fix.

    ``path`` is the file, or for an item of the evidence locker a description such as
    ``evidence locker item F003 (statement.txt)``."""

    def __init__(self, path: Path | str, problem: str, fix: str) -> None:
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
    locker: LockerExhibit | None = None
    """Set when the exhibit comes from the evidence locker (``original`` is then None)."""

    @property
    def found(self) -> bool:
        return self.original is not None or self.locker is not None


def _translation_for(path: Path) -> Path | None:
    for suffix in (".pdf", ".docx", ".txt", ".jpg", ".jpeg", ".png"):
        candidate = path.with_name(f"{path.stem}.en{suffix}")
        if candidate.is_file():
            return candidate
    return None


def locate(
    case: CaseFile, folder: Path, ref: EvidenceRef, locker: LockerEvidence | None = None
) -> Located:
    """Where the exhibit for ``ref`` comes from: the open locker first, then a plain file."""
    foreign = bool(ref.language) and ref.language != "en"
    if locker is not None and ref.available:
        from .locker_source import locker_exhibit

        found = locker_exhibit(case, locker, ref)
        if found is not None:
            return Located(ref, None, None, found.needs_translation, locker=found)
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
        return photo_pdf(path.read_bytes(), path).pdf
    if suffix in TEXT_SUFFIXES:
        return text_pdf(path.name, _plain_text(path))
    raise EvidenceFileError(
        path,
        f"files of type {suffix or '(none)'} cannot go into the bundle",
        "convert it to PDF, JPEG, PNG, HEIC or DOCX",
    )


@dataclass(frozen=True)
class PhotoPages:
    pdf: bytes
    removed: tuple[str, ...]
    """What was taken out of the copy: "GPS position", "camera model" …"""
    copy_sha256: str
    """SHA-256 of the cleaned image copy drawn on the pages."""


def photo_pdf(data: bytes, name: Path | str) -> PhotoPages:
    """A photo as pages, from a copy without GPS position and device data (the date taken and
    the orientation stay). The file itself is unchanged."""
    from PIL import Image, UnidentifiedImageError
    from pillow_heif import register_heif_opener

    from prytulak.evidence.image_metadata import strip_image_metadata
    from prytulak.evidence.sniff import FileKind

    register_heif_opener()
    kinds = {
        "JPEG": FileKind.JPEG,
        "MPO": FileKind.JPEG,
        "PNG": FileKind.PNG,
        "HEIF": FileKind.HEIC,
        "TIFF": FileKind.TIFF,
        "WEBP": FileKind.WEBP,
        "GIF": FileKind.GIF,
    }
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = kinds.get(image.format or "")
        if kind is None:
            return PhotoPages(image_pdf(data, name), (), hashlib.sha256(data).hexdigest())
        copy = strip_image_metadata(data, kind)
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise EvidenceFileError(
            name, f"the image cannot be read ({error})", "re-export it"
        ) from error
    except Exception as error:  # IntakeRefused from the locker's image checks (pixel bombs …)
        raise EvidenceFileError(name, str(error), "re-export it at a normal size") from error
    return PhotoPages(
        image_pdf(copy.data, name), copy.removed, hashlib.sha256(copy.data).hexdigest()
    )


def image_pdf(data: bytes, name: Path | str) -> bytes:
    """A photo or scan as Letter pages (one per frame), upright (EXIF orientation), centred.

    An upright RGB or greyscale JPEG is embedded as it is (no re-encoding: no loss, no growth),
    so its metadata is whatever the bytes carry: callers strip it first (``photo_pdf`` does)."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError
    from pillow_heif import register_heif_opener

    register_heif_opener()
    try:
        with Image.open(io.BytesIO(data)) as image:
            turned = image.getexif().get(0x0112, 1) not in (0, 1)
            if image.format == "JPEG" and image.mode in JPEG_COLOURS and not turned:
                return _jpeg_page(data, image.width, image.height, image.mode)
            frames = [
                ImageOps.exif_transpose(frame).convert("RGB")
                for frame in ImageSequence.Iterator(image)
            ]
    except (UnidentifiedImageError, OSError) as error:
        raise EvidenceFileError(
            name, f"the image cannot be read ({error})", "re-export it"
        ) from error
    return _pages_with_images(frames)


JPEG_COLOURS = {"RGB": "/DeviceRGB", "L": "/DeviceGray"}
LETTER_POINTS = (612.0, 792.0)
MARGIN = 36.0


def _fit(pixels_w: int, pixels_h: int) -> tuple[float, float, float, float]:
    """Where a picture goes on a Letter page: x, y, width, height."""
    page_w, page_h = LETTER_POINTS
    box_w, box_h = page_w - 2 * MARGIN, page_h - 2 * MARGIN - 24
    scale = min(box_w / pixels_w, box_h / pixels_h)
    width, height = pixels_w * scale, pixels_h * scale
    return (page_w - width) / 2, page_h - MARGIN - height, width, height


def _jpeg_page(data: bytes, pixels_w: int, pixels_h: int, mode: str) -> bytes:
    """One page showing the JPEG bytes as they are (DCTDecode)."""
    import pikepdf

    pdf = pikepdf.Pdf.new()
    image = pikepdf.Stream(pdf, data)
    image.Type = pikepdf.Name.XObject
    image.Subtype = pikepdf.Name.Image
    image.Width, image.Height = pixels_w, pixels_h
    image.ColorSpace = pikepdf.Name(JPEG_COLOURS[mode])
    image.BitsPerComponent = 8
    image.Filter = pikepdf.Name.DCTDecode
    x, y, width, height = _fit(pixels_w, pixels_h)
    content = f"q {width:.2f} 0 0 {height:.2f} {x:.2f} {y:.2f} cm /Photo Do Q".encode()
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, *LETTER_POINTS],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Photo=image)),
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _pages_with_images(frames: list[Any]) -> bytes:
    from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER_POINTS)
    for frame in frames:
        x, y, width, height = _fit(frame.width, frame.height)
        canvas.drawImage(ImageReader(frame), x, y, width, height)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def text_pdf(name: str, text: str, title: str | None = None) -> bytes:
    """Text as pages: a paragraph per non-empty line (no markup is interpreted)."""
    paragraphs = tuple(
        Block("paragraph", line.strip()) for line in text.splitlines() if line.strip()
    )
    document = Document(
        title or name,
        paragraphs,
        notice=f"{name}: text converted by Prytulak; formatting not kept",
        header=name,
        page_numbers=True,
    )
    return render_pdf(document)


def _plain_text(path: Path) -> str:
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
        return "\n".join(paragraphs)
    return path.read_text(encoding="utf-8", errors="replace")
