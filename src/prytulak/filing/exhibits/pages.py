"""Pages the bundle adds: cover, index of exhibits, tab pages, page-number stamps."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pikepdf
from reportlab.lib.pagesizes import LETTER  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import inch  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, Table, TableStyle  # type: ignore[import-untyped]

from ..document import Document, render_document, render_pdf
from ..fonts import BOLD, REGULAR, SANS, SANS_BOLD, register_fonts

__all__ = [
    "IndexRow",
    "cover_pdf",
    "index_pdf",
    "stamp_font",
    "stamp_page",
    "tab_pdf",
    "tabs_pdf",
]

PACKAGE = "prytulak.filing.exhibits"


@dataclass(frozen=True)
class IndexRow:
    evidence_id: str
    tab: str
    description: str
    date: str
    source: str
    pages: str
    volume: int


def cover_pdf(lines: Sequence[str], title: str, notice: str, header: str) -> bytes:
    blocks = "\n\n".join(lines)
    text = f"# {title}\n\n{blocks}"
    from ..document import parse_document

    document = parse_document(text, header)
    return render_pdf(Document(document.title, document.blocks, notice, header, False))


def index_pdf(
    rows: Sequence[IndexRow],
    caption: str,
    header: str,
    notice: str,
    volumes: int,
) -> bytes:
    """The filed index: the enclosed exhibits only. Evidence that is not enclosed is the
    attorney's business (the package warnings), not the court's: it is filed later, with its
    own index, when it exists."""
    register_fonts()
    document = render_document(
        PACKAGE,
        "index.en.j2",
        {"title": "Index of Exhibits", "caption": caption, "rows": bool(rows)},
        header,
    )
    document = Document(document.title, document.blocks, notice, header, False)
    if not rows:
        return render_pdf(document)
    style = ParagraphStyle("cell", fontName=REGULAR, fontSize=8.5, leading=10.5)
    head = ParagraphStyle("head", parent=style, fontName=BOLD)
    titles = ["Tab", "Description", "Date", "Source", "Pages"] + (["Vol."] if volumes > 1 else [])
    data: list[list[Any]] = [[Paragraph(t, head) for t in titles]]
    for row in rows:
        cells = [row.tab, row.description, row.date, row.source, row.pages]
        if volumes > 1:
            cells.append(str(row.volume))
        data.append([Paragraph(_escape(c), style) for c in cells])
    widths = [0.45, 2.75, 0.95, 1.35, 0.75] if volumes == 1 else [0.45, 2.5, 0.9, 1.25, 0.75, 0.4]
    table = Table(data, colWidths=[w * inch for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, "#888888"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"),
            ]
        )
    )
    return render_pdf(document, [table])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tab_pdf(tab: str, title: str, note: str = "") -> bytes:
    return tabs_pdf([(tab, title, note)])


def tabs_pdf(specs: Sequence[tuple[str, str, str]]) -> bytes:
    """Tab pages, one per (tab, title, note), in one document."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, pageCompression=1)
    for tab, title, note in specs:
        _draw_tab(canvas, tab, title, note)
    canvas.save()
    return buffer.getvalue()


def _draw_tab(canvas: Canvas, tab: str, title: str, note: str) -> None:
    canvas.setFont(SANS_BOLD, 72)
    canvas.drawCentredString(LETTER[0] / 2, LETTER[1] / 2 + 40, f"Tab {tab}")
    canvas.setFont(SANS, 13)
    y = LETTER[1] / 2 - 10
    for line in _wrap(title, 70):
        canvas.drawCentredString(LETTER[0] / 2, y, line)
        y -= 18
    if note:
        canvas.setFont(SANS, 10)
        canvas.drawCentredString(LETTER[0] / 2, y - 10, note)
    canvas.showPage()


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


STAMP_FONT = "/PrytulakStamp"


def stamp_page(pdf: pikepdf.Pdf, page: pikepdf.Page, label: str, font: pikepdf.Object) -> None:
    """Write ``label`` at the bottom right of ``page`` on a white box, without touching the
    page's own content (wrapped in q/Q). Helvetica-Bold (a standard font) keeps it cheap."""
    _x1, y1, x2, _ = (float(v) for v in page.mediabox)
    width = pdfmetrics.stringWidth(label, "Helvetica-Bold", 9)
    x, y = x2 - 0.5 * inch - width, y1 + 0.3 * inch
    text = label.encode("latin-1", "replace").replace(b"\\", b"\\\\")
    text = text.replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = (
        f"Q q 1 g {x - 3:.2f} {y - 3:.2f} {width + 6:.2f} 13 re f 0 g BT {STAMP_FONT} 9 Tf "
        f"{x:.2f} {y:.2f} Td (".encode()
        + text
        + b") Tj ET Q"
    )
    page.add_resource(
        font, pikepdf.Name.Font, pikepdf.Name(STAMP_FONT), prefix="", replace_existing=True
    )
    page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
    page.contents_add(pikepdf.Stream(pdf, b"\n" + stream), prepend=False)


def stamp_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name("/Helvetica-Bold"),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
