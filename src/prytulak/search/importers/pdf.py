"""PDF reports: the text layer of each page, with its page number.

Scanned PDFs without a text layer must be OCR'd first (``ocrmypdf -l rus+bel+eng in.pdf out.pdf``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from ..records import Page
from . import ImportedReport, ReportImportError, checked_date

SUFFIXES = (".pdf",)
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def read(path: Path) -> ImportedReport:
    try:
        with pdfplumber.open(path) as pdf:
            pages = [Page(i + 1, _page_text(p)) for i, p in enumerate(pdf.pages)]
            meta = pdf.metadata or {}
    except (PDFSyntaxError, PdfminerException, PDFEncryptionError) as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReportImportError(
                f"{path.name}: the PDF is password-protected, so its text cannot be read; "
                "open it with the password and save an unprotected copy (or print it to PDF), "
                "then add that copy"
            ) from error
        reason = str(error).strip() or type(cause).__name__
        raise ReportImportError(
            f"{path.name}: not a readable PDF ({reason}); the file may be damaged or cut "
            "short — download it again"
        ) from error
    if not any(p.text.strip() for p in pages):
        raise ReportImportError(
            f"{path.name}: the PDF has no text layer (a scan); run "
            "'ocrmypdf -l rus+bel+eng IN.pdf OUT.pdf' and add OUT.pdf"
        )
    title = str(meta.get("Title") or "").strip() or None
    return ImportedReport(pages=pages, title=title, notes=_creation_note(meta.get("CreationDate")))


def _creation_note(value: object) -> list[str]:
    """A PDF's CreationDate is when the file was made (often the day it was downloaded or
    printed), not when the report was published: it is never stored as the publication date;
    the person adding the report is told what it says."""
    found = _date(value)
    if found is None:
        return ["no publication date was found in the PDF; give it with --date YYYY-MM-DD"]
    kept, problem = checked_date(found, "the PDF's creation date")
    if kept is None:
        return [problem]
    return [
        f"the PDF says the file was made on {kept}; that is not necessarily when the report was "
        "published, so no publication date was stored — give it with --date YYYY-MM-DD"
    ]


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
