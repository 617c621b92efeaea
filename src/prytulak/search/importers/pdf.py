"""PDF reports: the text layer of each page, with its page number.

Scanned PDFs without a text layer must be OCR'd first (``ocrmypdf -l rus+bel+eng in.pdf out.pdf``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from ..records import Page
from . import ImportedReport, ReportImportError

SUFFIXES = (".pdf",)
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def read(path: Path) -> ImportedReport:
    try:
        with pdfplumber.open(path) as pdf:
            pages = [Page(i + 1, _page_text(p)) for i, p in enumerate(pdf.pages)]
            meta = pdf.metadata or {}
    except (PDFSyntaxError, PdfminerException) as error:
        raise ReportImportError(
            f"{path}: not a readable PDF ({error}); check the download"
        ) from error
    if not any(p.text.strip() for p in pages):
        raise ReportImportError(
            f"{path}: the PDF has no text layer (a scan); run "
            "'ocrmypdf -l rus+bel+eng IN.pdf OUT.pdf' and add OUT.pdf"
        )
    title = str(meta.get("Title") or "").strip() or None
    return ImportedReport(pages=pages, title=title, date=_date(meta.get("CreationDate")))


def _page_text(page: pdfplumber.page.Page) -> str:
    text = page.extract_text() or ""
    # pdfplumber keeps line breaks; a line that ends a sentence or is short ends a paragraph
    lines = text.splitlines()
    out: list[str] = []
    for line in lines:
        out.append(line)
        if line.rstrip().endswith((".", ":", "!", "?")) and len(line) < 60:
            out.append("")
    return "\n".join(out)


def _date(value: object) -> str | None:
    match = _PDF_DATE.match(str(value or ""))
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)
