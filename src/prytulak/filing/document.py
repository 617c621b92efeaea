"""Plain documents (declaration, certificates, letters, cover and index pages) as typed records,
rendered from Jinja2 template files and drawn to PDF with an embedded Unicode font.

Template output format (``*.j2`` files): ``# Title`` once, ``## Heading`` per section, paragraphs
separated by blank lines; a paragraph may start with ``[[id]]`` (a stable id used to pair it with
its translation); ``::signature Label`` draws a signature line; ``::numbered on|off`` switches
paragraph numbering.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from reportlab.lib.enums import TA_CENTER  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import inch  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .fonts import BOLD, REGULAR, register_fonts
from .notice import DRAFT_NOTICE

__all__ = ["Block", "Document", "parse_document", "render_document", "render_pdf"]

_ID = re.compile(r"^\[\[([a-z0-9_.-]+)\]\]\s*")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" | "paragraph" | "signature"
    text: str
    number: int | None = None
    id: str | None = None


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    notice: str = DRAFT_NOTICE
    header: str = ""
    """A caption line on every page, e.g. the applicant's name and A-number."""
    page_numbers: bool = True
    """False inside the exhibit bundle, which stamps its own continuous numbers."""

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    def text(self) -> str:
        lines = [self.title]
        for block in self.blocks:
            prefix = f"{block.number}. " if block.number else ""
            lines.append(prefix + block.text)
        return "\n\n".join(lines)


@cache
def _environment(package: str) -> Environment:
    return Environment(
        loader=PackageLoader(package, "templates"),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_document(
    package: str, template: str, context: Mapping[str, Any], header: str = ""
) -> Document:
    """Render ``<package>/templates/<template>`` and parse it into a :class:`Document`."""
    text = _environment(package).get_template(template).render(**context)
    return parse_document(text, header)


def parse_document(text: str, header: str = "") -> Document:
    title = ""
    blocks: list[Block] = []
    numbered = False
    number = 0
    for chunk in re.split(r"\n\s*\n", text.strip()):
        for line in _directives(chunk):
            if line.startswith("# "):
                title = line[2:].strip()
            elif line.startswith("## "):
                blocks.append(Block("heading", line[3:].strip()))
            elif line.startswith("::numbered"):
                numbered = line.split()[-1] == "on"
            elif line.startswith("::signature"):
                blocks.append(Block("signature", line.removeprefix("::signature").strip()))
            elif line.strip():
                match = _ID.match(line)
                body = " ".join(_ID.sub("", line).split())
                number = number + 1 if numbered else number
                blocks.append(
                    Block(
                        "paragraph", body, number if numbered else None, match[1] if match else None
                    )
                )
    return Document(title=title, blocks=tuple(blocks), header=header)


def _directives(chunk: str) -> list[str]:
    """Split a chunk so heading and directive lines stand alone; other lines join into one."""
    out: list[str] = []
    body: list[str] = []
    for line in chunk.splitlines():
        if line.startswith(("# ", "## ", "::")):
            if body:
                out.append(" ".join(body))
                body = []
            out.append(line)
        else:
            body.append(line.strip())
    if body:
        out.append(" ".join(body))
    return out


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=11, leading=15, spaceAfter=7)
    return {
        "body": base,
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=BOLD,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=12,
        ),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=BOLD, fontSize=11.5, spaceBefore=8
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def flowables(document: Document) -> list[Any]:
    styles = _styles()
    story: list[Any] = [Paragraph(_escape(document.title), styles["title"])]
    for block in document.blocks:
        if block.kind == "heading":
            story.append(Paragraph(_escape(block.text), styles["heading"]))
        elif block.kind == "signature":
            story += [
                Spacer(1, 22),
                Paragraph("_" * 44, styles["body"]),
                Paragraph(_escape(block.text), styles["small"]),
            ]
        else:
            prefix = f"{block.number}.&nbsp;&nbsp;" if block.number else ""
            story.append(Paragraph(prefix + _escape(block.text), styles["body"]))
    return story


def _page_decorations(document: Document) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        if document.header:
            canvas.drawString(inch, LETTER[1] - 0.55 * inch, document.header)
        lines = textwrap.wrap(document.notice, 118)
        for number, line in enumerate(lines[:2]):
            canvas.drawString(inch, (0.78 - 0.13 * number) * inch, line)
        if document.page_numbers:
            canvas.drawRightString(LETTER[0] - inch, 0.5 * inch, f"Page {doc.page}")
        canvas.restoreState()

    return draw


def render_pdf(document: Document, extra: Sequence[Any] = ()) -> bytes:
    """Letter-size PDF, 1-inch margins, page numbers and the draft notice on every page."""
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=inch,
        bottomMargin=inch,
        title=document.title,
        author="Prytulak (draft)",
    )
    decorate = _page_decorations(document)
    template.build(flowables(document) + list(extra), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def two_columns(left: Sequence[str], right: Sequence[str], widths: tuple[float, float]) -> Table:
    """A two-column table of paragraphs (the bilingual review copy)."""
    styles = _styles()
    small = ParagraphStyle("cell", parent=styles["body"], fontSize=9.5, leading=12.5, spaceAfter=0)
    rows = [
        [Paragraph(_escape(a), small), Paragraph(_escape(b), small)]
        for a, b in zip(left, right, strict=True)
    ]
    table = Table(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.3, "#999999"),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ]
        )
    )
    return table
