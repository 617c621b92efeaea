"""What a file really is, from its bytes (never from its name)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from enum import StrEnum

import filetype  # type: ignore[import-untyped]

from .errors import IntakeRefused

__all__ = ["FileKind", "Sniffed", "decode_text", "sniff"]


class FileKind(StrEnum):
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    HEIC = "heic"
    TIFF = "tiff"
    WEBP = "webp"
    GIF = "gif"
    DOCX = "docx"
    TEXT = "text"
    EMAIL = "email"
    HTML = "html"

    @property
    def is_image(self) -> bool:
        return self in _IMAGES

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]


_IMAGES = {FileKind.JPEG, FileKind.PNG, FileKind.HEIC, FileKind.TIFF, FileKind.WEBP, FileKind.GIF}
_MEDIA_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.JPEG: "image/jpeg",
    FileKind.PNG: "image/png",
    FileKind.HEIC: "image/heic",
    FileKind.TIFF: "image/tiff",
    FileKind.WEBP: "image/webp",
    FileKind.GIF: "image/gif",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.TEXT: "text/plain",
    FileKind.EMAIL: "message/rfc822",
    FileKind.HTML: "text/html",
}
_FILETYPE_KINDS = {
    "image/jpeg": FileKind.JPEG,
    "image/png": FileKind.PNG,
    "image/heic": FileKind.HEIC,
    "image/heif": FileKind.HEIC,
    "image/avif": FileKind.HEIC,
    "image/tiff": FileKind.TIFF,
    "image/webp": FileKind.WEBP,
    "image/gif": FileKind.GIF,
}
_EXTENSIONS = {
    FileKind.PDF: {".pdf"},
    FileKind.JPEG: {".jpg", ".jpeg", ".jfif"},
    FileKind.PNG: {".png"},
    FileKind.HEIC: {".heic", ".heif"},
    FileKind.TIFF: {".tif", ".tiff"},
    FileKind.WEBP: {".webp"},
    FileKind.GIF: {".gif"},
    FileKind.DOCX: {".docx"},
    FileKind.TEXT: {".txt", ".text", ".md", ".csv"},
    FileKind.EMAIL: {".eml", ".mht", ".mhtml", ".msg"},
    FileKind.HTML: {".html", ".htm", ".xhtml"},
}
_PROGRAM_MAGIC = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xce", b"#!")
_EMAIL_HEADERS = (
    b"from:",
    b"received:",
    b"return-path:",
    b"mime-version:",
    b"message-id:",
    b"delivered-to:",
    b"date:",
    b"subject:",
    b"to:",
    b"x-",
)


@dataclass(frozen=True)
class Sniffed:
    kind: FileKind
    warnings: tuple[str, ...] = ()


def sniff(head: bytes, name: str) -> Sniffed:
    """Identify the file from its first bytes (pass at least 8 KiB, or the whole of a DOCX)."""
    kind = _kind_from_bytes(head)
    warnings: tuple[str, ...] = ()
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix and suffix not in _EXTENSIONS[kind]:
        warnings = (
            f"the name ends in {suffix} but the contents are {kind.value.upper()}; "
            "the locker uses the contents",
        )
    return Sniffed(kind, warnings)


def _kind_from_bytes(head: bytes) -> FileKind:
    if not head:
        raise IntakeRefused(
            "empty",
            "the file is empty (0 bytes)",
            "check that it was copied or downloaded completely",
        )
    if b"%PDF-" in head[:1024]:
        return FileKind.PDF
    if head.startswith(_PROGRAM_MAGIC):
        raise IntakeRefused(
            "program",
            "this is a program or script, not a document",
            "do not open it; if it came as 'evidence', describe it in the case notes instead",
        )
    guessed = filetype.guess(head)
    if guessed is not None and guessed.mime in _FILETYPE_KINDS:
        return _FILETYPE_KINDS[guessed.mime]
    if head.startswith(b"PK\x03\x04"):
        return _office_or_archive(head)
    if guessed is not None:
        raise IntakeRefused(
            "unsupported-type",
            f"files of type {guessed.mime} are not accepted",
            "convert it to PDF (print to PDF) or a photo, then add that",
        )
    return _text_kind(head)


def _office_or_archive(data: bytes) -> FileKind:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        raise IntakeRefused(
            "damaged-archive",
            "this looks like a ZIP or Word file but it is damaged or incomplete",
            "download or copy it again",
        ) from None
    if "word/document.xml" in names:
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise IntakeRefused(
                "macros",
                "this Word document contains macros (program code)",
                "open it in Word with macros disabled and save it as PDF or .docx without macros",
            )
        return FileKind.DOCX
    raise IntakeRefused(
        "archive",
        "this is an archive (ZIP), not a single document",
        "unpack it and add the documents inside one by one",
    )


def _text_kind(head: bytes) -> FileKind:
    if b"\x00" in head[:8192]:
        raise IntakeRefused(
            "unknown-type",
            "the type of this file is not recognised (binary data)",
            "save it as PDF, a photo (JPEG/PNG/HEIC/TIFF), DOCX, e-mail (.eml), HTML or text",
        )
    probe = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in probe[:2048]:
        return FileKind.HTML
    if probe.startswith((b"<!doctype html", b"<html", b"<head")):
        return FileKind.HTML
    first_lines = probe.split(b"\n", 8)[:8]
    header_like = sum(1 for line in first_lines if line.startswith(_EMAIL_HEADERS))
    if header_like >= 2 and b":" in first_lines[0]:
        return FileKind.EMAIL
    return FileKind.TEXT


def decode_text(data: bytes) -> str:
    """Plain text in UTF-8 (with or without BOM), UTF-16 with BOM, or the Cyrillic cp1251."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")
