"""Page numbers of a form that gained supplement pages.

Each page of the official I-589 prints its number in its own content ("Page 12 of 12"), so a
copied Supplement A or B page repeats the number of the page it was copied from. When the
filled form has more pages than the blank one, every page's printed number is taken out of its
content and written again as "Page N of TOTAL", in the place and size the form uses (so text
extraction and screen readers find one number per page, not two).
"""

from __future__ import annotations

import re

import pikepdf

__all__ = ["printed_page_number", "renumber_pages"]

_FONT = "/PrytulakPageNo"
_PRINTED = re.compile(
    rb"([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) Tm\s*\((Page \d+ of \d+)\)\s*Tj",
)


def _streams(page: pikepdf.Page) -> list[pikepdf.Object]:
    contents = page.obj.get("/Contents")
    if contents is None:
        return []
    return list(contents) if isinstance(contents, pikepdf.Array) else [contents]


def printed_page_number(page: pikepdf.Page) -> tuple[float, float, float, str] | None:
    """(x, y, font size, text) of the page's own "Page N of M", when it prints one."""
    for stream in _streams(page):
        match = _PRINTED.search(stream.read_bytes())
        if match:
            size, _, x, y, text = match.groups()
            return float(x), float(y), float(size), text.decode("latin-1")
    return None


def _erase(page: pikepdf.Page) -> None:
    """Show an empty string where the page printed its number (the text state is kept)."""
    for stream in _streams(page):
        data = stream.read_bytes()
        match = _PRINTED.search(data)
        if match:
            start, end = match.span(5)
            stream.write(data[: start - 1] + b"()" + data[end + 1 :])
            return


def renumber_pages(pdf: pikepdf.Pdf) -> int:
    """Write "Page N of TOTAL" over each page's printed number; returns the pages changed."""
    total = len(pdf.pages)
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name("/Helvetica"),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    changed = 0
    for number, page in enumerate(pdf.pages, start=1):
        printed = printed_page_number(page)
        if printed is None:
            continue
        x, y, size, old = printed
        new = f"Page {number} of {total}"
        if new == old:
            continue
        _erase(page)
        stream = f"Q q 0 g BT {_FONT} {size:g} Tf {x:.3f} {y:.3f} Td ({new}) Tj ET Q".encode()
        page.add_resource(
            font, pikepdf.Name.Font, pikepdf.Name(_FONT), prefix="", replace_existing=True
        )
        page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
        page.contents_add(pikepdf.Stream(pdf, b"\n" + stream), prepend=False)
        changed += 1
    return changed
