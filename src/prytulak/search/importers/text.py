"""Plain text and Markdown: pages are separated by form feeds (as ``pdftotext`` writes them)."""

from __future__ import annotations

from pathlib import Path

from ..records import Page
from . import ImportedReport, ReportImportError

SUFFIXES = (".txt", ".text", ".md")


def read(path: Path) -> ImportedReport:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1251")
        except UnicodeDecodeError as error:
            raise ReportImportError(
                f"{path}: the text is neither UTF-8 nor Windows-1251; save it as UTF-8"
            ) from error
    chunks = text.split("\f")
    numbered = len(chunks) > 1
    pages = [Page(i + 1 if numbered else None, chunk) for i, chunk in enumerate(chunks)]
    first_line = next((line.strip("# ").strip() for line in text.splitlines() if line.strip()), "")
    return ImportedReport(pages=pages, title=first_line[:200] or None)
