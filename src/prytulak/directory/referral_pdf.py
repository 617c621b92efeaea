"""The referral packet as a PDF (reportlab, DejaVu fonts so Cyrillic text prints)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import inch  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer  # type: ignore[import-untyped]

from .referral import ReferralPacket

__all__ = ["FontError", "render_pdf"]

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


class FontError(Exception):
    """The DejaVu fonts are missing; the message says how to install them."""


@cache
def _fonts() -> tuple[str, str]:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            return "DejaVuSans", "DejaVuSans-Bold"
    raise FontError(
        "the DejaVu fonts are not installed (needed for Cyrillic text); install the "
        "fonts-dejavu-core package, or write Markdown with an --out file ending in .md"
    )


def render_pdf(packet: ReferralPacket) -> bytes:
    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13)
    note = ParagraphStyle("note", parent=body, fontSize=8.5, leading=11)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=12, leading=16, spaceBefore=8)
    title = ParagraphStyle("title", fontName=bold, fontSize=15, leading=19)
    story: list[object] = [Paragraph(escape(packet.title), title), Spacer(1, 4)]
    if packet.recipient:
        story.append(Paragraph(escape(f"For: {packet.recipient}"), body))
    story += [
        Paragraph(escape(f"Prepared on {packet.prepared_on.isoformat()}."), body),
        Paragraph(escape(packet.disclaimer), note),
    ]
    for section in packet.sections:
        story.append(Paragraph(escape(section.title), heading))
        items = [ListItem(Paragraph(escape(line), body), leftIndent=12) for line in section.lines]
        story.append(
            ListFlowable(
                items, bulletType="bullet", start="•", leftIndent=12, bulletFontName=regular
            )
        )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=0.8 * inch,
        rightMargin=0.8 * inch,
        topMargin=0.7 * inch,
        bottomMargin=0.7 * inch,
        title=packet.title,
        author="Prytulak",
        invariant=1,
    )
    document.build(story)
    return buffer.getvalue()
