"""Reading a two-column PDF page into lines: which column, how far indented, bold or not.

EOIR prints its lists from an Excel workbook: each printed line is one cell, placed in a left or
a right column. Reading left to right across the page merges the two columns, so words are first
split at the gutter, then grouped into lines by their vertical position.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber

__all__ = ["Line", "PageLayout", "read_layout"]

_SAME_LINE = 2.0  # points: words whose tops differ less than this share a line
_HEADING_SIZE = 13.5  # court headings are 14 pt, state dividers 20 pt, body text 10-11 pt


@dataclass(frozen=True)
class Line:
    page: int
    column: int  # 0 left, 1 right, -1 spans the page (headings)
    top: float
    x0: float
    indent: float  # x0 minus the column's left edge
    bold: bool
    size: float
    text: str


@dataclass
class PageLayout:
    number: int
    header: list[str] = field(default_factory=list)  # running header (legend, title, edition)
    headings: list[Line] = field(default_factory=list)  # large text across the page
    columns: tuple[list[Line], list[Line]] = field(default_factory=lambda: ([], []))

    def body(self) -> Iterator[Line]:
        """Left column top to bottom, then the right column."""
        yield from self.columns[0]
        yield from self.columns[1]


def read_layout(path: Path, header_bottom: float = 45.0) -> list[PageLayout]:
    """Every page of the PDF as lines. ``header_bottom``: the running header ends above it."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words(extra_attrs=["fontname", "size"])
            center = (float(page.bbox[0]) + float(page.bbox[2])) / 2
            pages.append(_layout(number, words, float(page.bbox[0]), center, header_bottom))
            page.flush_cache()
    return pages


def _layout(
    number: int,
    words: list[dict[str, Any]],
    left_edge: float,
    center: float,
    header_bottom: float,
) -> PageLayout:
    layout = PageLayout(number)
    header = [w for w in words if float(w["top"]) < header_bottom]
    layout.header = [_text(g) for g in _group(header)]
    body = [w for w in words if float(w["top"]) >= header_bottom]
    big = [w for w in body if float(w["size"]) >= _HEADING_SIZE]
    layout.headings = [_line(number, -1, g, left_edge) for g in _group(big)]
    small = [w for w in body if float(w["size"]) < _HEADING_SIZE]
    if not small:
        return layout
    gutter = _gutter(small, center)
    spanning = _spanning_first_line(small, gutter) if big else []
    layout.headings.extend(_line(number, -1, g, left_edge) for g in _group(spanning))
    rest = [w for w in small if w not in spanning]
    left = [w for w in rest if float(w["x0"]) < gutter]
    right = [w for w in rest if float(w["x0"]) >= gutter]
    left_x = min((float(w["x0"]) for w in left), default=left_edge)
    layout.columns = (
        [_line(number, 0, g, left_x) for g in _group(left)],
        [_line(number, 1, g, gutter) for g in _group(right)],
    )
    return layout


def _gutter(words: list[dict[str, Any]], center: float) -> float:
    """Left edge of the right column: the leftmost common start position near the middle."""
    starts = Counter(round(float(w["x0"])) for w in words)
    near = [x for x, n in starts.items() if center - 15 <= x <= center + 40 and n >= 3]
    return float(min(near)) - 1.0 if near else center - 8.0


def _spanning_first_line(words: list[dict[str, Any]], gutter: float) -> list[dict[str, Any]]:
    """The section's 'City, State (page N of M)' line is bold and may run over the gutter."""
    top = min(float(w["top"]) for w in words)
    first = [w for w in words if float(w["top"]) - top < _SAME_LINE]
    starts_left = min(float(w["x0"]) for w in first) < gutter
    all_bold = "Bold" in str(first[0]["fontname"])
    crosses = any(float(w["x0"]) < gutter < float(w["x1"]) for w in first)
    one_phrase = not any(float(w["x0"]) >= gutter for w in first) or crosses
    if starts_left and all_bold and one_phrase and "," in _text(first):
        return first
    return []


def _group(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (float(w["top"]), float(w["x0"]))):
        if lines and abs(float(lines[-1][0]["top"]) - float(word["top"])) < _SAME_LINE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: float(w["x0"])) for line in lines]


def _text(words: list[dict[str, Any]]) -> str:
    return " ".join(str(w["text"]) for w in words)


def _line(page: int, column: int, words: list[dict[str, Any]], column_x: float) -> Line:
    bold = sum(len(str(w["text"])) for w in words if "Bold" in str(w["fontname"]))
    total = sum(len(str(w["text"])) for w in words)
    x0 = float(words[0]["x0"])
    return Line(
        page=page,
        column=column,
        top=float(words[0]["top"]),
        x0=x0,
        indent=x0 - column_x,
        bold=bold * 2 > total,
        size=max(float(w["size"]) for w in words),
        text=_text(words),
    )
