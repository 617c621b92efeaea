"""Fitting a value into a form box: one line shrunk to fit, or wrapped lines that may overflow.

All values are drawn in DejaVu Sans Mono Bold, a monospace font, so a line's width is exact:
``characters × 0.602 × font size``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["CHAR_EM", "Box", "Fitted", "fit"]

CHAR_EM = 0.602
"""Advance width of every DejaVu Sans Mono glyph, in em."""
FONT_SIZE = 9.0
"""The forms' own default (``/CourierNewPS-BoldMT 9 Tf``)."""
MIN_SINGLE_LINE_SIZE = 6.0
LEADING = 1.17
PADDING = 2.0
SHORT_MARKER = "See Supp. B"


@dataclass(frozen=True)
class Box:
    """The geometry and flags of one text widget."""

    width: float
    height: float
    multiline: bool = False
    comb: int | None = None
    max_length: int | None = None


@dataclass(frozen=True)
class Fitted:
    """What goes in the box, and what did not fit (``rest``, empty when everything fit)."""

    lines: tuple[str, ...]
    font_size: float
    rest: str = ""
    value: str = ""
    """The field value (``/V``): what the box shows, with paragraph breaks kept."""
    two_line: bool = False
    """A one-line box written on two small lines."""

    @property
    def overflowed(self) -> bool:
        return bool(self.rest)


def capacity(box: Box, size: float = FONT_SIZE) -> tuple[int, int]:
    """Characters per line and number of lines the box holds at ``size``."""
    per_line = max(1, math.floor((box.width - 2 * PADDING) / (CHAR_EM * size)))
    lines = max(1, math.floor((box.height - 2 * PADDING + size * (LEADING - 1)) / (size * LEADING)))
    return per_line, lines


def fit(text: str, box: Box, marker: str) -> Fitted:
    """Fit ``text``; when it cannot fit, keep what fits plus ``marker`` and return the rest."""
    if box.multiline:
        return _fit_lines(text, box, marker)
    return _fit_single(text, box, marker)


def _fit_single(text: str, box: Box, marker: str) -> Fitted:
    text = " ".join(text.split())
    if box.max_length and len(text) > box.max_length:
        short = next((m for m in (marker, SHORT_MARKER) if len(m) <= box.max_length), "")
        return Fitted((short,), _single_size(short, box), rest=text, value=short)
    if box.comb:
        return Fitted((text,), min(FONT_SIZE, box.height * 0.75), value=text)
    size = _single_size(text, box)
    if size >= MIN_SINGLE_LINE_SIZE:
        return Fitted((text,), size, value=text)
    two = _two_lines(text, box)
    if two is not None:
        return two
    if _single_size(marker, box) < MIN_SINGLE_LINE_SIZE:
        marker = SHORT_MARKER
    size = max(MIN_SINGLE_LINE_SIZE, _single_size(marker, box))
    return Fitted((marker,), size, rest=text, value=marker)


def _two_lines(text: str, box: Box) -> Fitted | None:
    """A short box that holds the text on two smaller lines, as a typist would write it."""
    size = min(FONT_SIZE, (box.height - 2) / (2 * LEADING - (LEADING - 1)))
    while size >= MIN_SINGLE_LINE_SIZE - 0.5:
        per_line = math.floor((box.width - 2 * PADDING) / (CHAR_EM * size))
        lines = wrap(text, per_line)
        if len(lines) <= 2:
            return Fitted(tuple(t for t, _ in lines), round(size, 2), value=text, two_line=True)
        size -= 0.25
    return None


def _single_size(text: str, box: Box) -> float:
    if not text:
        return FONT_SIZE
    by_width = (box.width - 2 * PADDING) / (CHAR_EM * len(text))
    return round(min(FONT_SIZE, by_width, box.height * 0.75), 2)


def wrap(text: str, per_line: int) -> list[tuple[str, bool]]:
    """Wrap paragraphs to ``per_line`` characters; each line says if it ends a paragraph."""
    out: list[tuple[str, bool]] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        words = paragraph.split()
        if not words:
            out.append(("", True))
            continue
        line = ""
        for word in words:
            while len(word) > per_line:  # a word longer than the line: break it
                if line:
                    out.append((line, False))
                    line = ""
                out.append((word[:per_line], False))
                word = word[per_line:]
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= per_line:
                line = candidate
            else:
                out.append((line, False))
                line = word
        out.append((line, True))
    return out


def _join(lines: list[tuple[str, bool]]) -> str:
    parts: list[str] = []
    for text, ends_paragraph in lines:
        parts.append(text + ("\n" if ends_paragraph else " "))
    return "".join(parts).rstrip()


def _fit_lines(text: str, box: Box, marker: str) -> Fitted:
    per_line, max_lines = capacity(box)
    lines = wrap(text.strip(), per_line)
    if len(lines) <= max_lines:
        return Fitted(tuple(t for t, _ in lines), FONT_SIZE, value=_join(lines))
    marker_lines = wrap(marker, per_line)
    keep = max(0, max_lines - len(marker_lines))
    head = [t for t, _ in lines[:keep]] + [t for t, _ in marker_lines]
    value = f"{_join(lines[:keep])}\n{marker}".lstrip()
    return Fitted(tuple(head), FONT_SIZE, rest=_join(lines[keep:]), value=value)
