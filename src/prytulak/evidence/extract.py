"""Text that a file already carries: PDF text layers, Word text, e-mail bodies, web pages.

Scans and photos carry none; ``ocr.py`` reads those. Nothing here runs scripts or macros.
"""

from __future__ import annotations

import email
import email.policy
import io
from email.message import EmailMessage

from .records import ExtractedPage, PageMethod
from .sniff import FileKind, decode_text

__all__ = ["MIN_TEXT_CHARS", "extract_pages", "html_to_text", "needs_ocr"]

MIN_TEXT_CHARS = 25
"""A page with fewer letters than this in its text layer is treated as a scan."""


def extract_pages(kind: FileKind, data: bytes, image_pages: int = 1) -> list[ExtractedPage]:
    """One ``ExtractedPage`` per page; image pages come back empty with method ``NONE``."""
    if kind is FileKind.PDF:
        return _pdf_pages(data)
    if kind.is_image:
        return [
            ExtractedPage(number=n, method=PageMethod.NONE, text="")
            for n in range(1, image_pages + 1)
        ]
    if kind is FileKind.DOCX:
        text = _docx_text(data)
    elif kind is FileKind.EMAIL:
        text = _email_text(data)
    elif kind is FileKind.HTML:
        text = html_to_text(decode_text(data))
    else:
        text = decode_text(data)
    return [ExtractedPage(number=1, method=PageMethod.DOCUMENT, text=text.strip())]


def needs_ocr(page: ExtractedPage) -> bool:
    return sum(ch.isalpha() for ch in page.text) < MIN_TEXT_CHARS


def pdf_page_texts(data: bytes) -> list[str]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded().replace("\r\n", "\n").strip())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _pdf_pages(data: bytes) -> list[ExtractedPage]:
    pages = []
    for number, text in enumerate(pdf_page_texts(data), start=1):
        page = ExtractedPage(number=number, method=PageMethod.TEXT_LAYER, text=text)
        if needs_ocr(page):
            page = ExtractedPage(number=number, method=PageMethod.NONE, text=text)
        pages.append(page)
    return pages


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n".join(lines)


def _email_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    head = [
        f"{name}: {message[name]}" for name in ("From", "To", "Date", "Subject") if message[name]
    ]
    body_part = message.get_body(preferencelist=("plain", "html"))
    body = ""
    if body_part is not None:
        content = body_part.get_content()
        body = html_to_text(content) if body_part.get_content_subtype() == "html" else str(content)
    attachments = [part.get_filename() or "(unnamed)" for part in message.iter_attachments()]
    tail = [f"[attachment: {name} — add it to the locker separately]" for name in attachments]
    return "\n".join([*head, "", body.strip(), *tail])


def html_to_text(markup: str) -> str:
    import lxml.html  # type: ignore[import-untyped]

    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//tr|//title"):
        block.tail = "\n" + (block.tail or "")
    text = root.text_content()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
