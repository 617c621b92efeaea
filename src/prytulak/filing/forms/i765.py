"""Form I-765 (Application for Employment Authorization), category (c)(8), filled from a case.

Text that does not fit its box continues in Part 6 (Additional Information), which names the
page, part and item, as the form asks.
"""

from __future__ import annotations

import io

from pikepdf import Pdf

from prytulak.case import CaseFile

from ..sentences import clause
from .acroform import flatten, remove_xfa
from .continuation import Continuation
from .edition import FieldSpec, load_edition
from .fill import fill_fields, widget_index
from .filled import FilledForm
from .i589_answers import entry_status_notes
from .i765_answers import i765_answers, i765_arrest_events

__all__ = ["EDITION_KEY", "fill_i765"]

EDITION_KEY = "i765_2025-08-21"
_NOT_GAPS = (
    "other_name.",
    "physical.",
    "mailing.in_care_of",
    "mailing.apartment",
    "mailing.unit",
    "interpreter.",
    "preparer.",
    "representative.",
    "passport.travel_document_number",
    "applicant.citizenship.2",
    "applicant.birth_region",
    "part3.",
    "part6.",
    "applicant.mobile",
    "applicant.a_number",
    "applicant.ssn",
    "applicant.uscis_account",
    "category.3",
    "mailing.province",
    "mailing.postal_code",
    "mailing.country",
    "applicant.middle_name",
)


LEFT_FOR_ATTORNEY = {
    "reason": (
        "Part 1, item 1 (reason for applying): none of 1.A (initial permission), 1.B "
        "(replacement or correction) and 1.C (renewal) is checked. The case file does not say "
        "whether the applicant has had a (c)(8) work permit before: the attorney checks the one "
        "box that applies (1.A for a first (c)(8) application)"
    ),
    "previously_filed": (
        "Part 2, item 12 (have you previously filed Form I-765?): neither Yes nor No is "
        "checked. The case file does not record earlier I-765 filings: the attorney answers "
        "the question with the applicant"
    ),
}
"""Whole questions the case file cannot answer: answer key → the note that says so."""


def _left_for_attorney(case: CaseFile, key: str) -> str:
    """The note for a whole question left open; it names an I-765 the case records as filed
    (``filing.ead_filed_on``) rather than saying the case records none."""
    filed = case.filing.ead_filed_on
    if filed is None:
        return LEFT_FOR_ATTORNEY[key]
    when = filed.describe()
    if key == "previously_filed":
        return (
            "Part 2, item 12 (have you previously filed Form I-765?): neither Yes nor No is "
            f"checked. The case file records a (c)(8) I-765 filed on {when} "
            "(filing.ead_filed_on): if this form is that application, answer as it was "
            "answered then; if it is a later one (renewal or replacement), the answer is Yes"
        )
    return (
        "Part 1, item 1 (reason for applying): none of 1.A (initial permission), 1.B "
        "(replacement or correction) and 1.C (renewal) is checked. The case file records a "
        f"(c)(8) I-765 filed on {when} (filing.ead_filed_on): 1.A if this form is that first "
        "application, otherwise 1.C for a renewal or 1.B for a replacement or correction"
    )


def _marker(spec: FieldSpec) -> str:
    return f"(see Part 6, item {spec.item})"


def fill_i765(
    case: CaseFile, *, flatten_form: bool = False, edition_key: str = EDITION_KEY
) -> FilledForm:
    edition = load_edition(edition_key)
    answers = i765_answers(case, edition.capacity)
    pdf = Pdf.open(io.BytesIO(edition.pdf_bytes()))
    index = widget_index(pdf)
    part6 = edition.continuation_page or 0
    main = [
        f
        for f in edition.fields
        if f.page != part6 or (f.answer and f.answer.startswith("applicant."))
    ]
    result = fill_fields(pdf, main, answers, index, _marker)
    continuations = _other_names(case, edition.capacity.get("other_names", 3)) + result.overflow
    extra = _part6_answers(continuations, edition.capacity.get("part6_entries", 5))
    part6_specs = [
        f for f in edition.fields_on_page(part6) if f.answer and f.answer.startswith("part6.")
    ]
    result.extend(fill_fields(pdf, part6_specs, extra, index, _marker))
    remove_xfa(pdf)
    if flatten_form:
        flatten(pdf)
    out = io.BytesIO()
    pdf.save(out)
    pages = len(pdf.pages)
    pdf.close()
    gaps = {
        s.answer: s for s in result.unanswered if s.answer and not s.answer.startswith(_NOT_GAPS)
    }
    notes = [_left_for_attorney(case, key) for key in LEFT_FOR_ATTORNEY if gaps.pop(key, None)]
    last = case.travel.last_arrival()
    notes += entry_status_notes([last] if last else [], "Part 2, item 24", where="")
    arrest = _arrest_notes(case, answers)
    if arrest:
        gaps.pop("c8.arrested", None)
    notes += arrest
    unanswered = tuple(gaps.values())
    return FilledForm(
        edition,
        out.getvalue(),
        tuple(result.written),
        unanswered,
        tuple(continuations),
        pages,
        0,
        flatten_form,
        tuple(notes),
    )


def _arrest_notes(case: CaseFile, answers: dict[str, str]) -> list[str]:
    """Item 30 names the events that made it Yes; it is left empty while the U.S. arrests
    question (I-589 C.6) is not asked."""
    events = i765_arrest_events(case)
    if answers.get("c8.arrested") == "yes" and events:
        named = "; ".join(f"{e.date.describe()}: {clause(e.summary)}" for e in events)
        return [
            f"Part 2, item 30 ((c)(8): ever arrested for or convicted of any crime?) is Yes "
            f"because the case records: {named}. An arrest, charge or conviction abroad must be "
            "disclosed even when it was politically motivated; explain it (in Part 6 or an "
            "attached statement: the charge, the outcome, and that it was persecution, as in "
            "the I-589) and check which arrest and court records the form instructions ask for"
        ]
    if "c8.arrested" in answers or case.claim.bars.crimes_in_us is not None:
        return []
    return [
        "Part 2, item 30 ((c)(8): ever arrested for or convicted of any crime?) not "
        "answered: the case records no arrest, and the applicant has not been asked about "
        "arrests, charges or convictions in the United States (claim.bars.crimes_in_us); ask "
        "the applicant. Both Yes and No are left empty"
    ]


def _other_names(case: CaseFile, capacity: int) -> list[Continuation]:
    extra = case.applicant.name.other_names[capacity:]
    if not extra:
        return []
    return [
        Continuation(
            "2", "2-4", "Part 2, Items 2-4 (continued): other names used", ", ".join(extra)
        )
    ]


def _part6_answers(items: list[Continuation], capacity: int) -> dict[str, str]:
    out: dict[str, str] = {}
    for number, item in enumerate(items[:capacity], start=1):
        out[f"part6.{number}.part"] = item.part
        out[f"part6.{number}.item"] = item.question
        out[f"part6.{number}.text"] = item.text
    if len(items) > capacity:
        rest = "\n".join(f"{i.title}: {i.text}" for i in items[capacity - 1 :])
        out[f"part6.{capacity}.text"] = rest
    return out
