"""The memo as a Word document (python-docx)."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.shared import Pt

from .blocks import BlockKind, memo_blocks
from .content import Memo

__all__ = ["render_docx"]

_STYLES = {
    BlockKind.TITLE: "Title",
    BlockKind.HEADING: "Heading 1",
    BlockKind.SUBHEADING: "Heading 2",
    BlockKind.PARAGRAPH: "Normal",
    BlockKind.BULLET: "List Bullet",
    BlockKind.NOTE: "Normal",
}


def render_docx(memo: Memo) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = memo.title
    document.core_properties.comments = "Draft for the attorney's review; not legal advice."
    for block in memo_blocks(memo):
        paragraph = document.add_paragraph(style=_STYLES[block.kind])
        run = paragraph.add_run(block.text)
        run.italic = block.kind is BlockKind.NOTE
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
