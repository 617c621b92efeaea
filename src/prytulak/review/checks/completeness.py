"""Questions of the I-589 the case file does not answer yet."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prytulak.case import CaseFile, EntryManner

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check

Question = tuple[str, str, Callable[[CaseFile], object]]

_QUESTIONS: tuple[Question, ...] = (
    ("applicant.sex", "Part A.I item 10: sex", lambda c: c.applicant.sex),
    ("applicant.marital_status", "Part A.I item 11: marital status",
     lambda c: c.applicant.marital_status),
    ("applicant.birth.date", "Part A.I item 12: date of birth", lambda c: c.applicant.birth),
    ("applicant.birth.city", "Part A.I item 13: city of birth",
     lambda c: c.applicant.birth and c.applicant.birth.city),
    ("applicant.ethnicity", "Part A.I item 16: race, ethnic or tribal group",
     lambda c: c.applicant.ethnicity),
    ("applicant.religion", "Part A.I item 17: religion", lambda c: c.applicant.religion),
    ("applicant.residence", "Part A.I item 8: residence in the US",
     lambda c: c.applicant.residence),
    ("applicant.languages", "Part A.I items 23-25: languages", lambda c: c.applicant.languages),
    ("applicant.passports", "Part A.I items 20-22: passport or travel document",
     lambda c: c.applicant.passports),
    ("travel.departures", "Part A.I item 19.a: date you last left your country",
     lambda c: c.travel.departures),
    ("travel.us_entries", "Part A.I item 19.c: entries into the US", lambda c: c.travel.us_entries),
    ("history.last_address_in_belarus", "Part A.III item 1: last address in Belarus",
     lambda c: c.history.last_address_in_belarus),
    ("history.residences", "Part A.III item 2: residences in the last five years",
     lambda c: c.history.residences),
    ("history.education", "Part A.III item 3: education", lambda c: c.history.education),
    ("claim.grounds", "Part B.1: the grounds of the claim", lambda c: c.claim.grounds),
    ("claim.events", "Part B.1.A: what happened", lambda c: c.claim.events),
)  # fmt: skip


@check("completeness.unanswered")
def unanswered_questions(data: ReviewInput) -> Iterator[Finding]:
    for path, question, answer in _QUESTIONS:
        if not answer(data.case):
            yield Finding(
                "completeness.unanswered",
                Severity.WARNING,
                f"I-589 {question} is unanswered",
                "Answer it; USCIS rejects forms with blank boxes (write 'None' where nothing "
                "applies)",
                Location(path),
            )


@check("completeness.i94-missing")
def i94_recorded(data: ReviewInput) -> Iterator[Finding]:
    for i, entry in enumerate(data.case.travel.us_entries):
        if entry.manner is not EntryManner.WITHOUT_INSPECTION and not entry.i94:
            yield Finding(
                "completeness.i94-missing",
                Severity.WARNING,
                f"The entry of {entry.date} ({entry.manner.value}) has no I-94 number",
                "Download the I-94 from CBP's website and add travel.us_entries[].i94",
                Location(f"travel.us_entries[{i}].i94"),
            )
