"""Cover letter and certificate of service, from template files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from prytulak.case import CaseFile

from .document import Document, render_document

__all__ = ["certificate_of_service", "cover_letter"]

PACKAGE = "prytulak.filing"
USCIS_WHERE_TO_FILE = (
    "[USCIS lockbox address for the applicant's state: see uscis.gov/i-589, Where to File]"
)


def _signer(case: CaseFile) -> tuple[str, str | None, str | None]:
    rep = case.representation.representative
    if rep is None:
        return case.applicant.name.full(), None, case.applicant.phone
    contact = ", ".join(
        p for p in (rep.address.one_line() if rep.address else None, rep.phone, rep.email) if p
    )
    return rep.name, rep.organization, contact or None


def _header(case: CaseFile) -> str:
    return f"{case.applicant.name.full()} — A-number: {case.applicant.a_number or 'none'}"


def cover_letter(
    case: CaseFile, enclosures: Sequence[str], today: date, notes: Sequence[str] = ()
) -> Document:
    defensive = case.filing.posture.value == "defensive"
    court = case.travel.court.court
    to = (
        [f"Immigration Court, {court}" if court else "Immigration Court [name and address]"]
        if defensive
        else ["U.S. Citizenship and Immigration Services", USCIS_WHERE_TO_FILE]
    )
    signer, organization, contact = _signer(case)
    context = {
        "title": "Cover Letter",
        "date_line": today.strftime("%B %-d, %Y"),
        "to": to,
        "name": case.applicant.name.full(),
        "a_number": case.applicant.a_number or "none",
        "subject": "Form I-589, Application for Asylum and for Withholding of Removal",
        "salutation": "Sir or Madam",
        "posture": case.filing.posture.value,
        "enclosures": list(enclosures),
        "notes": list(notes),
        "signer": signer,
        "organization": organization,
        "signer_contact": contact,
    }
    document = render_document(PACKAGE, "cover_letter.en.j2", context, _header(case))
    return replace(document, page_numbers=True)


def certificate_of_service(case: CaseFile, filing: str) -> Document | None:
    """Only for immigration-court filings (8 CFR 1003.32(a)); None for affirmative cases."""
    if case.filing.posture.value != "defensive":
        return None
    signer, _, _ = _signer(case)
    context = {
        "name": case.applicant.name.full(),
        "a_number": case.applicant.a_number or "none",
        "court": case.travel.court.court,
        "filing": filing,
        "signer": signer,
    }
    return render_document(PACKAGE, "certificate_of_service.en.j2", context, _header(case))
