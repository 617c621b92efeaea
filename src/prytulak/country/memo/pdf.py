"""The memo as PDF (reportlab, DejaVu fonts for Cyrillic), with a bookmark per heading."""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import inch  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate  # type: ignore[import-untyped]

from .blocks import BlockKind, memo_blocks
from .content import Memo

__all__ = ["FONT_DIR", "render_pdf"]

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@cache
def _fonts() -> tuple[str, str, str]:
    for name, file in (
        ("DejaVuSans", "DejaVuSans.ttf"),
        ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
        ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
    ):
        path = FONT_DIR / file
        if not path.is_file():
            raise FileNotFoundError(
                f"{path} is missing; install the DejaVu fonts (apt-get install fonts-dejavu-core)"
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"


def _styles() -> dict[BlockKind, ParagraphStyle]:
    regular, bold, italic = _fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=9.5, leading=12.5, spaceAfter=4)
    return {
        BlockKind.TITLE: ParagraphStyle(
            "title", base, fontName=bold, fontSize=16, leading=20, spaceAfter=8
        ),
        BlockKind.HEADING: ParagraphStyle(
            "h1", base, fontName=bold, fontSize=13, leading=16, spaceBefore=10
        ),
        BlockKind.SUBHEADING: ParagraphStyle(
            "h2", base, fontName=bold, fontSize=10.5, spaceBefore=6
        ),
        BlockKind.PARAGRAPH: base,
        BlockKind.BULLET: ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2),
        BlockKind.NOTE: ParagraphStyle(
            "note", base, fontName=italic, leftIndent=12, textColor="#444444"
        ),
    }


class _Bookmark(Flowable):  # type: ignore[misc]
    def __init__(self, title: str, level: int) -> None:
        super().__init__()
        self.title, self.level = title, level
        self.width = self.height = 0

    def draw(self) -> None:
        key = f"b{id(self)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(self.title, key, level=self.level)


def render_pdf(memo: Memo) -> bytes:
    styles = _styles()
    story: list[Flowable] = []
    for block in memo_blocks(memo):
        if block.kind in (BlockKind.HEADING, BlockKind.SUBHEADING):
            story.append(_Bookmark(block.text, 0 if block.kind is BlockKind.HEADING else 1))
        bullet = "•" if block.kind is BlockKind.BULLET else None
        story.append(Paragraph(escape(block.text), styles[block.kind], bulletText=bullet))
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=memo.title,
        author="Prytulak (draft for attorney review)",
        leftMargin=inch,
        rightMargin=inch,
        topMargin=0.8 * inch,
        bottomMargin=0.8 * inch,
    )
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _footer(canvas: object, document: object) -> None:
    regular, _, _ = _fonts()
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFont(regular, 7.5)  # type: ignore[attr-defined]
    canvas.drawString(inch, 0.5 * inch, "Draft for the attorney's review; not legal advice.")  # type: ignore[attr-defined]
    canvas.drawRightString(LETTER[0] - inch, 0.5 * inch, f"Page {canvas.getPageNumber()}")  # type: ignore[attr-defined]
    canvas.restoreState()  # type: ignore[attr-defined]
