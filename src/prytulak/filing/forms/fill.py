"""The generic filler: a field map + answers → values and appearances on one PDF's pages.

Form modules (``i589``, ``i765``) decide what the answers are and what happens to text that
does not fit; this module only writes fields and reports what it wrote, what it defaulted, what
it left blank and what overflowed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from pikepdf import Pdf

from .acroform import Widget, set_checkbox, set_text_values
from .appearance import TextAppearance
from .continuation import Continuation
from .edition import FieldSpec, FormEditionError
from .layout import fit

__all__ = ["FillResult", "WrittenField", "fill_fields", "widget_index"]


@dataclass(frozen=True)
class WrittenField:
    name: str
    """Fully qualified field name in the output PDF."""
    spec: FieldSpec
    value: str
    """Text written, or the checkbox state ("Off" when unticked)."""
    source: Literal["case", "if_empty"]


@dataclass
class FillResult:
    written: list[WrittenField] = field(default_factory=list)
    unanswered: list[FieldSpec] = field(default_factory=list)
    overflow: list[Continuation] = field(default_factory=list)

    def extend(self, other: FillResult) -> None:
        self.written += other.written
        self.unanswered += other.unanswered
        self.overflow += other.overflow


def widget_index(pdf: Pdf) -> dict[str, Widget]:
    from .acroform import widgets

    return {w.name: w for w in widgets(pdf)}


def _short_part(part: str) -> str:
    return part.split()[0]


def _continuation(spec: FieldSpec, rest: str) -> Continuation:
    part = _short_part(spec.part)
    title = f"Part {spec.part}, Question {spec.item} (continued): {spec.label}"
    return Continuation(part, spec.item, title, rest)


def fill_fields(
    pdf: Pdf,
    specs: list[FieldSpec],
    answers: Mapping[str, str],
    index: Mapping[str, Widget],
    marker: Callable[[FieldSpec], str],
    output_name: Callable[[str], str] = lambda name: name,
    applicable: Callable[[str], bool] = lambda key: True,
) -> FillResult:
    """Write every answered field of ``specs``; unticked boxes are set to Off explicitly.

    ``applicable(answer_key)`` says whether an unanswered key is a real question for this case
    (an unused child block is not): only those get the map's ``if_empty`` value.
    """
    result = FillResult()
    texts: list[tuple[Widget, str, TextAppearance]] = []
    for spec in specs:
        if spec.leave_blank or spec.answer is None:
            continue
        widget = index.get(spec.name)
        if widget is None:
            raise FormEditionError(f"the field map names {spec.name}, which the PDF lacks")
        value = answers.get(spec.answer)
        if spec.kind == "checkbox":
            on = spec.on if value is not None and value == spec.checked_when else None
            set_checkbox(widget, on)
            if value is None:
                result.unanswered.append(spec)
            elif on is not None:
                result.written.append(WrittenField(output_name(spec.name), spec, on, "case"))
            continue
        source: Literal["case", "if_empty"] = "case"
        if not value:
            if not spec.if_empty or not applicable(spec.answer):
                result.unanswered.append(spec)
                continue
            value, source = spec.if_empty, "if_empty"
        box = widget.box()
        fitted = fit(value, box, marker(spec))
        if fitted.overflowed:
            result.overflow.append(_continuation(spec, fitted.rest))
        quadding = int(widget.inherited("/Q") or 0)  # type: ignore[call-overload]
        appearance = TextAppearance(
            box.width, box.height, fitted.lines, fitted.font_size, box.multiline, box.comb, quadding
        )
        texts.append((widget, fitted.value, appearance))
        result.written.append(WrittenField(output_name(spec.name), spec, fitted.value, source))
    set_text_values(pdf, texts)
    return result
