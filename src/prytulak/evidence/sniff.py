"""What a file really is, from its bytes (never from its name)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from enum import StrEnum

import filetype  # type: ignore[import-untyped]

from .errors import IntakeRefused

__all__ = [
    "DecodedText",
    "FileKind",
    "Sniffed",
    "bom_encoding",
    "decode_text",
    "decode_text_noted",
    "decode_unicode",
    "sniff",
]


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
    bom = bom_encoding(head)
    if bom is not None and bom != "utf-8-sig":
        # UTF-16/32 (Windows Notepad's "Unicode"): NUL bytes are normal there. The head may end
        # in the middle of a character, so undecodable bytes are only replaced, for the probe.
        probe_text = head[:8192].decode(bom, errors="replace")
        if "\x00" in probe_text:
            raise _binary()
        head = probe_text.encode("utf-8")
        if _looks_like_html(head):
            return FileKind.HTML
        return FileKind.TEXT
    if b"\x00" in head[:8192]:
        raise _binary()
    if _looks_like_html(head):
        return FileKind.HTML
    probe = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    first_lines = probe.split(b"\n", 8)[:8]
    header_like = sum(1 for line in first_lines if line.startswith(_EMAIL_HEADERS))
    if header_like >= 2 and b":" in first_lines[0]:
        return FileKind.EMAIL
    return FileKind.TEXT


def _looks_like_html(head: bytes) -> bool:
    probe = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in probe[:2048]:
        return True
    return probe.startswith((b"<!doctype html", b"<html", b"<head"))


def _binary() -> IntakeRefused:
    return IntakeRefused(
        "unknown-type",
        "the type of this file is not recognised (binary data)",
        "save it as PDF, a photo (JPEG/PNG/HEIC/TIFF), DOCX, e-mail (.eml), HTML or text",
    )


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),  # before UTF-16 LE, whose BOM it starts with
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ENCODING_NAMES = {
    "utf-32": "UTF-32",
    "utf-16": "UTF-16",
    "utf-8-sig": "UTF-8",
    "utf-8": "UTF-8",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1252": "Windows-1252 (Western European)",
    "latin-1": "ISO-8859-1 (Western European)",
}


def bom_encoding(data: bytes) -> str | None:
    """The Python codec named by a byte-order mark at the start of ``data`` (which removes the
    mark when decoding), or None."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def decode_unicode(data: bytes) -> str:
    """UTF-8, or UTF-16/UTF-32 with a byte-order mark; ``UnicodeDecodeError`` for anything else
    (for text that must be Unicode, such as a translation typed by a person)."""
    return data.decode(bom_encoding(data) or "utf-8")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    """The Python codec used."""

    @property
    def note(self) -> str | None:
        """An intake note when the encoding had to be guessed (8-bit text that is not UTF-8)."""
        if self.encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
            return None
        return (
            f"the text is not in UTF-8; it was read as {_ENCODING_NAMES[self.encoding]}, judged "
            "from its letters: if the extracted text looks garbled, save the file as UTF-8 and "
            "add it again"
        )


def decode_text_noted(data: bytes) -> DecodedText:
    """Plain text in UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, or, for 8-bit text
    that is not UTF-8, Cyrillic Windows-1251 or Western Windows-1252 (ISO-8859-1 for the bytes
    Windows-1252 leaves undefined), whichever gives plausible words."""
    bom = bom_encoding(data)
    if bom is not None:
        return DecodedText(data.decode(bom, errors="replace"), bom)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _high_bytes_form_words(data):
        return DecodedText(data.decode("cp1251", errors="replace"), "cp1251")
    try:
        return DecodedText(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return DecodedText(data.decode("latin-1"), "latin-1")


def decode_text(data: bytes) -> str:
    """The text of ``decode_text_noted``."""
    return decode_text_noted(data).text


def _high_bytes_form_words(data: bytes) -> bool:
    """True when bytes >= 0x80 make up most of the words they occur in, as Cyrillic letters do
    in Windows-1251 text ("Протокол" is 8 such bytes); in Western 8-bit text they are the odd
    accented letter among ASCII ones ("Straße", "grün"). Only the first MiB is looked at."""
    high = total = 0
    for word in _WORD.findall(data[: 1 << 20]):
        highs = sum(1 for byte in word if byte >= 0x80)
        if highs:
            high += highs
            total += len(word)
    return total > 0 and high / total > 0.5


_WORD = re.compile(rb"[A-Za-z\xc0-\xff\xa1\xa2\xa5\xa8\xaa\xaf\xb2-\xb4\xb8\xba\xbf]+")
"""Letters: ASCII, and the high bytes that are letters in Windows-1251 (А-я, Ёё, Ўў, Іі, Єє, Її,
Ґґ) — nearly all accented letters in Windows-1252 too — but not dashes or quotes."""
