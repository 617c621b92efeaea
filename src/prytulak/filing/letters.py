"""Cover letter and certificate of service, from template files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from prytulak.case import CaseFile

from .document import Document, render_document
from .forms.values import address_line

__all__ = ["certificate_of_service", "court_address", "cover_letter"]

PACKAGE = "prytulak.filing"
USCIS_WHERE_TO_FILE = (
    "[USCIS lockbox address for the applicant's state: see uscis.gov/i-589, Where to File]"
)


def _signer(case: CaseFile) -> tuple[str, str | None, str | None]:
    rep = case.representation.representative
    if rep is None:
        return case.applicant.name.full(), None, case.applicant.phone
    contact = ", ".join(
        p for p in (address_line(rep.address) if rep.address else None, rep.phone, rep.email) if p
    )
    return rep.name, rep.organization, contact or None


def _header(case: CaseFile) -> str:
    return f"{case.applicant.name.full()} — A-number: {case.applicant.a_number or 'none'}"


def _court_lines(case: CaseFile) -> list[str]:
    """The court's name and, from the court directory, its street address; a marked blank
    for what is not known."""
    named = case.travel.court.court
    if not named:
        return ["Immigration Court [name and address]"]
    address = court_address(named)
    return [f"Immigration Court, {named}", address or "[court's street address]"]


def court_address(named: str) -> str | None:
    """The street address of the court the case names (``travel.court.court``): the named
    location's, else the court's own, else its only one; None when the directory does not
    say which."""
    from prytulak.directory.courts import find_court
    from prytulak.directory.naming import normalise_name

    court = find_court(named)
    if court is None:
        return None
    key = normalise_name(named)
    location = next(
        (
            loc
            for loc in court.locations
            if loc.address and key in (normalise_name(loc.name), (loc.code or "").lower())
        ),
        None,
    )
    address = location.address if location else court.address
    if address is None and len(court.addresses) == 1:
        address = court.addresses[0]
    return address.one_line() if address else None


def cover_letter(
    case: CaseFile, enclosures: Sequence[str], today: date, notes: Sequence[str] = ()
) -> Document:
    defensive = case.filing.posture.value == "defensive"
    to = (
        _court_lines(case)
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
