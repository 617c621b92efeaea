"""A new case file from the few facts an intake starts with (the command line and the web)."""

from __future__ import annotations

from .applicant import Applicant
from .dates import PartialDate, parse_partial_date
from .model import SCHEMA_VERSION, CaseFile
from .people import Birth, PersonName
from .travel import Travel, UsEntry
from .vocab import EntryManner

__all__ = ["case_id_from", "new_case"]


def case_id_from(family: str) -> str:
    """A case id from the family name: lower case, letters and digits, '-' between."""
    slug = "".join(c if c.isalnum() and c.isascii() else "-" for c in family.lower())
    return "-".join(part for part in slug.split("-") if part) or "case"


def new_case(
    family: str,
    given: str,
    birth: str,
    arrival: str | None = None,
    port: str | None = None,
    manner: EntryManner | None = None,
    case_id: str | None = None,
) -> CaseFile:
    """The passport names (upper case, Latin), birth date and last arrival, and nothing else:
    in particular no answers to questions nobody asked (the bars questions stay absent).
    Raises ``ValueError`` naming the date that cannot be read and how to write it."""
    entries = []
    if arrival:
        entries.append(
            UsEntry(
                date=_date(arrival, "arrival"),
                place=port or "",
                manner=manner or EntryManner.B1_B2,
            )
        )
    return CaseFile(
        schema_version=SCHEMA_VERSION,
        id=case_id or case_id_from(family),
        applicant=Applicant(
            name=PersonName(family=family.strip().upper(), given=given.strip().upper()),
            birth=Birth(date=_date(birth, "date of birth")),
        ),
        travel=Travel(us_entries=entries),
    )


def _date(text: str, what: str) -> PartialDate:
    try:
        return parse_partial_date(text)
    except ValueError as error:
        raise ValueError(f"{what}: {error}") from None
