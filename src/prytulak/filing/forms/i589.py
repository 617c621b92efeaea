"""Form I-589 (Application for Asylum and for Withholding of Removal), filled from a case.

Pages 1-10 take the case's answers through the edition's field map. Children after the fourth go
on Supplement A (two per page, copied as needed); text that does not fit its box, and table rows
the form has no room for, continue on Supplement B pages (one question per page, copied as
needed), each naming its part and question; then every page's printed number is rewritten as
"Page N of TOTAL". Supplement headers (A-number, name) are written by
Prytulak because the read-only header boxes are filled by XFA scripts only in Adobe Reader.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import partial

from pikepdf import Pdf

from prytulak.case import CaseFile

from .acroform import detach_widgets, flatten, remove_xfa
from .continuation import Continuation
from .edition import FieldSpec, FormEdition, load_edition
from .fill import FillResult, fill_fields, widget_index
from .filled import FilledForm
from .i589_answers import i589_answers, is_applicable
from .layout import Box, fit
from .page_numbers import renumber_pages

__all__ = ["EDITION_KEY", "fill_i589"]

EDITION_KEY = "i589_2025-01-20"
NEXT_PAGE = "(continued on the next Supplement B page)"


def _marker(spec: FieldSpec) -> str:
    part = spec.part.split()[0]
    return f"(continued on Supplement B, Part {part}, Question {spec.item})"


def fill_i589(
    case: CaseFile, *, flatten_form: bool = False, edition_key: str = EDITION_KEY
) -> FilledForm:
    """Fill the I-589 from ``case``; ``flatten_form`` burns the values into the pages."""
    edition = load_edition(edition_key)
    template = edition.pdf_bytes()
    answers = i589_answers(case, edition.capacity)
    pdf = Pdf.open(io.BytesIO(template))
    index = widget_index(pdf)
    supp_a = edition.supplement_a_page or 0
    supp_b = edition.supplement_b_page or 0
    main_specs = [f for f in edition.fields if f.page not in (supp_a, supp_b)]
    applicable = partial(is_applicable, answers=answers.main)
    result = fill_fields(pdf, main_specs, answers.main, index, _marker, applicable=applicable)

    header = {k: v for k, v in answers.main.items() if k.startswith("header.")}
    a_pages = _supplement_a_pages(header, answers.supplement_children)
    continuations = answers.continuations + result.overflow
    body = index[_field_for(edition, supp_b, "supp_b.text").name].box()
    b_pages = _supplement_b_pages(header, continuations, body)

    keep_alive: list[Pdf] = []
    extra_b = _fill_supplement(pdf, edition, supp_b, b_pages, template, keep_alive, "SupplementB")
    extra_a = _fill_supplement(pdf, edition, supp_a, a_pages, template, keep_alive, "SupplementA")
    result.extend(extra_a)
    result.extend(extra_b)
    if len(pdf.pages) != edition.pages:
        renumber_pages(pdf)  # copied supplement pages would repeat "Page 12 of 12"
    remove_xfa(pdf)
    if flatten_form:
        flatten(pdf)
    out = io.BytesIO()
    pdf.save(out)
    page_count = len(pdf.pages)
    pdf.close()
    for other in keep_alive:
        other.close()
    return FilledForm(
        edition=edition,
        pdf=out.getvalue(),
        written=tuple(result.written),
        unanswered=_applicable(
            [s for s in result.unanswered if s.answer not in answers.noted], answers.main
        ),
        continuations=tuple(continuations),
        page_count=page_count,
        supplement_pages=max(0, len(a_pages) - 1) + max(0, len(b_pages) - 1),
        flattened=flatten_form,
        notes=tuple(answers.notes),
    )


def _applicable(specs: list[FieldSpec], answers: Mapping[str, str]) -> tuple[FieldSpec, ...]:
    """Unanswered questions worth the attorney's attention, one per answer key."""
    seen: dict[str, FieldSpec] = {}
    for spec in specs:
        if spec.answer and spec.answer not in seen and is_applicable(spec.answer, answers):
            seen[spec.answer] = spec
    return tuple(seen.values())


def _copy_name(prefix: str, full_name: str) -> str:
    return f"{prefix}_{full_name.rsplit('.', 1)[-1]}"


def _field_for(edition: FormEdition, page: int, answer: str) -> FieldSpec:
    return next(f for f in edition.fields_on_page(page) if f.answer == answer)


def _supplement_a_pages(
    header: Mapping[str, str], children: list[dict[str, str]]
) -> list[dict[str, str]]:
    pages = [dict(header)]
    for start in range(0, len(children), 2):
        page = dict(header) if start else pages[0]
        for slot, child in enumerate(children[start : start + 2], start=1):
            page.update({f"supp_a.{slot}.{k}": v for k, v in child.items()})
        if start:
            pages.append(page)
    return pages


def _supplement_b_pages(
    header: Mapping[str, str], continuations: list[Continuation], body: Box
) -> list[dict[str, str]]:
    pages: list[dict[str, str]] = []
    for item in continuations:
        text = f"{item.title}\n{item.text}"
        while text:
            fitted = fit(text, body, NEXT_PAGE)
            page = dict(header)
            page.update(
                {
                    "supp_b.part": item.part,
                    "supp_b.question": item.question,
                    "supp_b.text": fitted.value,
                }
            )
            pages.append(page)
            text = f"{item.title} (continued)\n{fitted.rest}" if fitted.overflowed else ""
    return pages or [dict(header)]


def _fill_supplement(
    pdf: Pdf,
    edition: FormEdition,
    page_number: int,
    pages: list[dict[str, str]],
    template: bytes,
    keep_alive: list[Pdf],
    prefix: str,
) -> FillResult:
    """Fill the supplement page itself with ``pages[0]``, then copies for the rest."""
    specs = edition.fields_on_page(page_number)
    result = fill_fields(
        pdf,
        specs,
        pages[0],
        widget_index(pdf),
        _marker,
        applicable=partial(is_applicable, answers=pages[0]),
    )
    for number, answers in enumerate(pages[1:], start=2):
        copy = Pdf.open(io.BytesIO(template))
        keep_alive.append(copy)
        name = f"{prefix}{number}"
        result.extend(
            fill_fields(
                copy,
                specs,
                answers,
                widget_index(copy),
                _marker,
                output_name=partial(_copy_name, name),
                applicable=partial(is_applicable, answers=answers),
            )
        )
        detach_widgets(copy, page_number - 1, name)
        position = page_number - 1 + (number - 1)
        pdf.pages.insert(position, copy.pages[page_number - 1])
        for annot in pdf.pages[position].obj.get("/Annots", []):
            if annot.get("/Subtype") == "/Widget":
                pdf.Root.AcroForm.Fields.append(annot)
    return result
