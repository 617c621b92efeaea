"""HTML pages saved from the web: the text of headings, paragraphs, list items and cells."""

from __future__ import annotations

from pathlib import Path

import lxml.html  # type: ignore[import-untyped]
from lxml.etree import ParserError  # type: ignore[import-untyped]

from ..records import Page
from . import ImportedReport, ReportImportError, checked_date

SUFFIXES = (".html", ".htm")
_BLOCKS = "//h1|//h2|//h3|//h4|//p|//li|//td|//blockquote|//pre"
_DROP = ("script", "style", "nav", "footer", "header", "noscript", "form")


def _decoded(raw: bytes) -> str | bytes:
    """Text for lxml: UTF-8 or Windows-1251 (lxml would otherwise guess Latin-1)."""
    if raw.lstrip().startswith(b"<?xml"):
        return raw  # the declaration names the encoding
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw


def read(path: Path) -> ImportedReport:
    try:
        root = lxml.html.fromstring(_decoded(path.read_bytes()))
    except (ParserError, ValueError) as error:
        raise ReportImportError(
            f"{path.name}: not readable as HTML ({error}); save the page again"
        ) from error
    for tag in _DROP:
        for element in root.iter(tag):
            element.drop_tree()
    paragraphs = []
    for element in root.xpath(_BLOCKS):
        if element.xpath("ancestor::li|ancestor::td|ancestor::blockquote") and element.tag == "p":
            continue
        text = " ".join(element.text_content().split())
        if text:
            paragraphs.append(text)
    title = root.findtext(".//title")
    found = str(root.xpath("string(//meta[@property='article:published_time']/@content)"))
    published, note = (
        checked_date(found, "the page's article:published_time") if found.strip() else (None, "")
    )
    return ImportedReport(
        pages=[Page(None, "\n\n".join(paragraphs))],
        title=" ".join(title.split()) if title else None,
        date=published,
        notes=[note] if note else [],
    )
