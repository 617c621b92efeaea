"""Appearance streams for text values, drawn by reportlab with an embedded DejaVu font.

Each value becomes one page of a scratch PDF, exactly the size of its widget; the filler turns
that page into a Form XObject and makes it the widget's normal appearance (``/AP /N``). reportlab
embeds a subset of the font with a ToUnicode map, so Cyrillic shows in every viewer and can be
extracted back after flattening.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from ..fonts import MONO_BOLD, register_fonts
from .layout import CHAR_EM, LEADING, PADDING

__all__ = ["TextAppearance", "render_appearances"]


@dataclass(frozen=True)
class TextAppearance:
    width: float
    height: float
    lines: tuple[str, ...]
    font_size: float
    multiline: bool = False
    comb: int | None = None
    quadding: int = 0  # 0 left, 1 centred, 2 right (the PDF's /Q)


def render_appearances(items: Sequence[TextAppearance]) -> bytes:
    """One page per appearance, in order."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=1)
    canvas.setAuthor("Prytulak")
    for item in items:
        canvas.setPageSize((item.width, item.height))
        canvas.setFont(MONO_BOLD, item.font_size)
        if item.multiline:
            _draw_lines(canvas, item, PADDING)
        elif len(item.lines) > 1:
            _draw_lines(canvas, item, 1.0)
        elif item.comb:
            _draw_comb(canvas, item)
        else:
            _draw_single(canvas, item)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_lines(canvas: Canvas, item: TextAppearance, padding: float) -> None:
    y = item.height - padding - item.font_size * 0.85
    for line in item.lines:
        canvas.drawString(padding + 1, y, line)
        y -= item.font_size * LEADING


def _baseline(item: TextAppearance) -> float:
    return (item.height - item.font_size * 0.72) / 2


def _draw_single(canvas: Canvas, item: TextAppearance) -> None:
    text = item.lines[0] if item.lines else ""
    width = len(text) * CHAR_EM * item.font_size
    if item.quadding == 1:
        x = (item.width - width) / 2
    elif item.quadding == 2:
        x = item.width - PADDING - width
    else:
        x = PADDING
    canvas.drawString(x, _baseline(item), text)


def _draw_comb(canvas: Canvas, item: TextAppearance) -> None:
    assert item.comb is not None
    cell = item.width / item.comb
    text = item.lines[0] if item.lines else ""
    for index, char in enumerate(text[: item.comb]):
        canvas.drawCentredString(cell * (index + 0.5), _baseline(item), char)
