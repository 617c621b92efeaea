"""Plain text and Markdown: pages are separated by form feeds (as ``pdftotext`` writes them).

Read as UTF-8, as UTF-16 (with a byte-order mark, or without one when every other byte is
zero, as Windows 'Unicode' text is), or as Windows-1251; a file that is none of these, or that
holds the control characters of a binary file, is refused rather than imported as gibberish.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..records import Page
from . import ImportedReport, ReportImportError

SUFFIXES = (".txt", ".text", ".md")

_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


def _plausible(text: str) -> bool:
    """Whether decoded text reads as the languages of the reports (Latin, Cyrillic and their
    punctuation), as UTF-16 read with the wrong byte order does not."""
    sample = text[:4000]
    usual = sum(
        1
        for c in sample
        if c in "\n\r\t\f"
        or " " <= c < "\u0250"
        or "\u0400" <= c <= "\u052f"
        or "\u2000" <= c <= "\u206f"
        or c == "\u2116"
    )
    return bool(sample) and usual >= 0.9 * len(sample)


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _binary(path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        return text
    if len(raw) % 2 == 0:  # UTF-16 without a byte-order mark
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                guess = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(guess):
                return guess
    if b"\x00" in raw:
        raise _binary(path)
    return raw.decode("cp1251", errors="replace")


def _binary(path: Path) -> ReportImportError:
    return ReportImportError(
        f"{path.name}: this does not look like text (it holds the control characters of a "
        "binary file); if it is a PDF, Word or other document, give it its right extension "
        "(e.g. .pdf) or save it as PDF, HTML or UTF-8 text, and add that"
    )


def read(path: Path) -> ImportedReport:
    raw = path.read_bytes()
    text = _decode(path, raw)
    sample = text[:100_000]
    controls = sum(1 for c in sample if c < " " and c not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > max(3, len(sample) // 1000):
        raise _binary(path)
    chunks = text.split("\f")
    numbered = len(chunks) > 1
    pages = [Page(i + 1 if numbered else None, chunk) for i, chunk in enumerate(chunks)]
    first_line = next((line.strip("# ").strip() for line in text.splitlines() if line.strip()), "")
    return ImportedReport(pages=pages, title=first_line[:200] or None)
