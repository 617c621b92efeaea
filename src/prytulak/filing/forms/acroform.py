"""Low-level AcroForm work on a pikepdf document: find widgets, write values, appearances.

The official USCIS PDFs are hybrid XFA + AcroForm. Prytulak fills the AcroForm layer, removes the
XFA packet (otherwise Adobe Reader renders the stale XFA data and hides the values), and writes an
appearance stream for every value so that any viewer shows it without JavaScript or
``/NeedAppearances`` regeneration.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf
from pikepdf import Dictionary, Name, Object, Pdf

from .appearance import TextAppearance, render_appearances
from .layout import Box

__all__ = [
    "Widget",
    "detach_widgets",
    "flatten",
    "remove_xfa",
    "set_checkbox",
    "set_text_values",
    "widgets",
]

READ_ONLY = 1
MULTILINE = 1 << 12
COMB = 1 << 24


@dataclass
class Widget:
    """A terminal field whose dictionary is also its widget annotation (as in USCIS forms)."""

    name: str
    page_index: int
    obj: Object

    def inherited(self, key: str) -> object | None:
        node: Object | None = self.obj
        while node is not None:
            if key in node:
                return node[key]
            node = node.get("/Parent")
        return None

    @property
    def flags(self) -> int:
        value = self.inherited("/Ff")
        return int(value) if value is not None else 0  # type: ignore[call-overload]

    @property
    def field_type(self) -> str:
        return str(self.inherited("/FT") or "")

    @property
    def rect(self) -> tuple[float, float, float, float]:
        x1, y1, x2, y2 = (float(v) for v in self.obj.Rect)
        return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)

    def box(self) -> Box:
        x1, y1, x2, y2 = self.rect
        max_len = self.inherited("/MaxLen")
        max_length = int(max_len) if max_len is not None else None  # type: ignore[call-overload]
        comb = max_length if self.flags & COMB and max_length else None
        return Box(x2 - x1, y2 - y1, bool(self.flags & MULTILINE), comb, max_length)

    def on_values(self) -> list[str]:
        """Export values of a checkbox: the appearance states other than /Off."""
        ap = self.obj.get("/AP")
        if ap is None or "/N" not in ap or not isinstance(ap.N, Dictionary):
            return []
        return [str(k)[1:] for k in ap.N if k != "/Off"]


def _full_name(obj: Object) -> str:
    parts: list[str] = []
    node: Object | None = obj
    while node is not None:
        if "/T" in node:
            parts.append(str(node.T))
        node = node.get("/Parent")
    return ".".join(reversed(parts))


def widgets(pdf: Pdf) -> Iterator[Widget]:
    for index, page in enumerate(pdf.pages):
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") == "/Widget":
                yield Widget(_full_name(annot), index, annot)


def clear_read_only(widget: Widget) -> None:
    if "/Ff" in widget.obj and int(widget.obj.Ff) & READ_ONLY:
        widget.obj.Ff = int(widget.obj.Ff) & ~READ_ONLY


def set_checkbox(widget: Widget, on: str | None) -> None:
    """Tick the box with its export value ``on``, or untick it when ``on`` is None."""
    if on is not None and on not in widget.on_values():
        raise ValueError(f"{widget.name} has no export value {on!r} (has {widget.on_values()})")
    state = Name("/" + on) if on is not None else Name.Off
    widget.obj.V = state
    widget.obj.AS = state


def set_text_values(pdf: Pdf, items: list[tuple[Widget, str, TextAppearance]]) -> None:
    """Write each value and an appearance stream drawn with an embedded Unicode font."""
    if not items:
        return
    source = Pdf.open(io.BytesIO(render_appearances([a for _, _, a in items])))
    for (widget, value, _), page in zip(items, source.pages, strict=True):
        widget.obj.V = pikepdf.String(value)
        xobject = pdf.copy_foreign(page.as_form_xobject())
        widget.obj.AP = Dictionary(N=xobject)
        clear_read_only(widget)
    source.close()


def remove_xfa(pdf: Pdf) -> None:
    """Drop the XFA layer and any request to regenerate appearances.

    The PDF417 barcodes are Adobe's rendering of the XFA data of the *blank* form; once XFA is
    gone nothing can update them, so their stale appearance is removed rather than left to
    encode an empty form (see docs/decisions/0201).
    """
    acroform = pdf.Root.get("/AcroForm")
    if acroform is None:
        return
    for key in ("/XFA", "/NeedAppearances"):
        if key in acroform:
            del acroform[key]
    for widget in widgets(pdf):
        if "PDF417BarCode" in widget.name and "/AP" in widget.obj:
            del widget.obj["/AP"]


def detach_widgets(pdf: Pdf, page_index: int, prefix: str) -> None:
    """Make a copied page's widgets top-level fields with unique names ``<prefix>_<name>``.

    Used for extra Supplement A/B pages: a copy must not share field names (and so values) with
    the original page.
    """
    page = pdf.pages[page_index].obj
    kept = pikepdf.Array()
    for annot in page.get("/Annots", []):
        if annot.get("/Subtype") != "/Widget":
            kept.append(annot)
            continue
        widget = Widget(_full_name(annot), page_index, annot)
        if "PDF417BarCode" in widget.name:
            continue  # the barcode is Adobe's rendering of the XFA data: never copied
        for key in ("/FT", "/Ff", "/DA", "/MaxLen"):
            value = widget.inherited(key)
            if value is not None and key not in annot:
                annot[key] = value
        annot.T = pikepdf.String(f"{prefix}_{annot.T}")
        for key in ("/Parent", "/P", "/StructParent"):
            if key in annot:
                del annot[key]
        pdf.Root.AcroForm.Fields.append(annot)
        kept.append(annot)
    page.Annots = kept


def flatten(pdf: Pdf) -> None:
    """Burn every field's appearance into the page and remove the form."""
    pdf.flatten_annotations("all")
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if annots is None:
            continue
        kept = [a for a in annots if a.get("/Subtype") != "/Widget"]
        if kept:
            page.obj.Annots = pikepdf.Array(kept)
        else:
            del page.obj["/Annots"]
    if "/AcroForm" in pdf.Root:
        del pdf.Root["/AcroForm"]
