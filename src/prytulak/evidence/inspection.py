"""Checks a file must pass before it enters the locker: size, damage, passwords, bombs, macros.

Nothing here runs or renders the content; each refusal names the problem and the fix.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

if TYPE_CHECKING:
    import pikepdf

from .errors import IntakeRefused
from .sniff import FileKind, Sniffed, decode_text_noted, sniff

__all__ = ["Inspected", "IntakeLimits", "inspect_file", "open_image"]

HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class IntakeLimits:
    max_bytes: int = 512 * 1024 * 1024
    max_text_bytes: int = 20 * 1024 * 1024
    """Plain text: a real text document is far smaller (a 500-page book is about 1 MiB), and
    text is decoded, searched for dates and names, and stored as extracted text, all in memory."""
    max_pixels: int = 100_000_000
    max_unpacked_bytes: int = 256 * 1024 * 1024
    max_pack_ratio: int = 200


@dataclass(frozen=True)
class Inspected:
    kind: FileKind
    pages: int | None
    warnings: tuple[str, ...]
    decrypted_pdf: bytes | None = None
    """For a password-protected PDF opened with its password: an unlocked working copy."""


def inspect_file(path: Path, limits: IntakeLimits, pdf_password: str | None = None) -> Inspected:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise IntakeRefused(
            "too-large",
            f"the file is {size / 2**20:.0f} MiB, "
            f"over the limit of {limits.max_bytes / 2**20:.0f} MiB",
            "split it or raise the limit with --max-size (in MiB)",
        )
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
        if head.startswith(b"PK\x03\x04"):
            head += handle.read()
    sniffed = sniff(head, path.name)
    if sniffed.kind is FileKind.TEXT and size > limits.max_text_bytes:
        raise IntakeRefused(
            "too-large",
            f"this text file is {size / 2**20:.0f} MiB, over the limit of "
            f"{limits.max_text_bytes / 2**20:.0f} MiB for plain text (a real text document is "
            "far smaller; this is more likely a log or a data export)",
            "add only the part that is evidence (split it), or raise the limit with "
            "--max-text-size (in MiB)",
        )
    if sniffed.kind is FileKind.PDF:
        return _inspect_pdf(path, sniffed, pdf_password)
    if sniffed.kind.is_image:
        return _inspect_image(path, sniffed, limits)
    notes = sniffed.warnings
    if sniffed.kind is FileKind.DOCX:
        _inspect_docx(head, limits)
    elif sniffed.kind in (FileKind.TEXT, FileKind.HTML):
        note = decode_text_noted(path.read_bytes()).note
        notes += (note,) if note else ()
    return Inspected(sniffed.kind, None, notes)


def _inspect_pdf(path: Path, sniffed: Sniffed, password: str | None) -> Inspected:
    import pikepdf

    notes = list(sniffed.warnings)
    try:
        pdf = pikepdf.open(path, password=password or "")
    except pikepdf.PasswordError:
        if password:
            raise IntakeRefused(
                "wrong-pdf-password",
                "the PDF password given does not open this PDF",
                "check the password (ask whoever sent the file)",
            ) from None
        raise IntakeRefused(
            "encrypted-pdf",
            "this PDF is protected by a password",
            "add it again with --pdf-password PASSWORD (the original stays as received; "
            "an unlocked working copy is kept beside it)",
        ) from None
    except pikepdf.PdfError as exc:
        raise IntakeRefused(
            "damaged-pdf",
            f"this PDF is damaged and cannot be read ({_short(exc).replace(str(path) + ': ', '')})",
            "download or scan it again; if only some pages open, print those to a new PDF",
        ) from None
    with pdf:
        pages = len(pdf.pages)
        if pages == 0:
            raise IntakeRefused("damaged-pdf", "this PDF has no pages", "check the source file")
        if _has_javascript(pdf):
            notes.append("the PDF contains JavaScript; Prytulak never runs it")
        unlocked = None
        if pdf.is_encrypted:
            buffer = io.BytesIO()
            pdf.save(buffer, encryption=False)
            unlocked = buffer.getvalue()
    return Inspected(FileKind.PDF, pages, tuple(notes), unlocked)


def _has_javascript(pdf: pikepdf.Pdf) -> bool:
    """JavaScript in the document's name tree, its open action, the additional actions of the
    document or a page, or an annotation's action (link, form field), following /Next chains."""
    import pikepdf

    try:
        root = pdf.Root
        if "/Names" in root and "/JavaScript" in root.Names:
            return True
        if _js_action(root.get("/OpenAction")) or _js_in_aa(root.get("/AA")):
            return True
        for page in pdf.pages[:2000]:
            if _js_in_aa(page.obj.get("/AA")):
                return True
            for annotation in page.obj.get("/Annots") or []:
                if isinstance(annotation, pikepdf.Dictionary) and (
                    _js_action(annotation.get("/A")) or _js_in_aa(annotation.get("/AA"))
                ):
                    return True
    except (pikepdf.PdfError, AttributeError, TypeError, ValueError):
        return False  # a malformed action tree: the note is a courtesy, not a check
    return False


def _js_in_aa(actions: object) -> bool:
    import pikepdf

    if not isinstance(actions, pikepdf.Dictionary):
        return False
    return any(_js_action(value) for _, value in actions.items())


def _js_action(action: object, depth: int = 0) -> bool:
    import pikepdf

    if depth > 20:
        return False
    if isinstance(action, pikepdf.Array):
        return any(_js_action(a, depth + 1) for a in action)
    if not isinstance(action, pikepdf.Dictionary):
        return False  # e.g. an OpenAction that is only a destination (a page to show)
    if action.get("/S") == pikepdf.Name.JavaScript or "/JS" in action:
        return True
    return _js_action(action.get("/Next"), depth + 1)


def open_image(data: bytes | Path, max_pixels: int) -> Image.Image:
    """Open an image lazily, refusing pixel bombs before any pixel is decoded."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(source)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _pixel_bomb(max_pixels) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise IntakeRefused(
                "damaged-image",
                f"this image is damaged and cannot be read ({_short(exc)})",
                "copy the original photo again (from the phone, not a messenger preview)",
            ) from None
    width, height = image.size
    if width * height > max_pixels:
        raise _pixel_bomb(max_pixels, width, height)
    return image


def _inspect_image(path: Path, sniffed: Sniffed, limits: IntakeLimits) -> Inspected:
    image = open_image(path, limits.max_pixels)
    frames = getattr(image, "n_frames", 1)
    try:
        for frame in range(min(frames, 50)):
            image.seek(frame)
            image.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise IntakeRefused(
            "damaged-image",
            f"this image is damaged or incomplete ({_short(exc)})",
            "copy the original photo again (from the phone, not a messenger preview)",
        ) from None
    finally:
        image.close()
    return Inspected(sniffed.kind, frames, sniffed.warnings)


def _inspect_docx(data: bytes, limits: IntakeLimits) -> None:
    archive = zipfile.ZipFile(io.BytesIO(data))
    unpacked = sum(info.file_size for info in archive.infolist())
    packed = max(1, sum(info.compress_size for info in archive.infolist()))
    if unpacked > limits.max_unpacked_bytes or unpacked / packed > limits.max_pack_ratio:
        raise IntakeRefused(
            "decompression-bomb",
            f"this Word file would unpack to {unpacked / 2**20:.0f} MiB "
            f"({unpacked / packed:.0f} times its size): a decompression bomb",
            "do not open it; ask the sender for a PDF instead",
        )
    bad = archive.testzip()
    if bad is not None:
        raise IntakeRefused(
            "damaged-docx",
            f"this Word file is damaged ({bad} is corrupt)",
            "save it again from Word",
        )


def _pixel_bomb(max_pixels: int, width: int = 0, height: int = 0) -> IntakeRefused:
    size = f" ({width} × {height} pixels)" if width else ""
    return IntakeRefused(
        "pixel-limit",
        f"this image is larger than the limit of {max_pixels / 1e6:g} megapixels{size}, "
        "which is how decompression bombs look",
        "if it is a genuine scan, rescan at 300 dpi or raise the limit with --max-pixels",
    )


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
