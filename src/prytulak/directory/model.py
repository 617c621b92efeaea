"""Typed records of the legal-service directory: providers, where they serve, what they said.

Every value read out of free text keeps the text it was read from (``text``), so an attorney can
check the reading against the source. A value the source does not state is *unknown*, never *no*.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Accreditation",
    "CaseTypeNote",
    "CostModel",
    "CourtListing",
    "DetainedScope",
    "Edition",
    "ImportResult",
    "LanguageNote",
    "Office",
    "ParseProblem",
    "Phone",
    "Provider",
    "ProviderKind",
    "Representative",
    "Restriction",
    "RestrictionKind",
    "ServiceTerms",
]


class Record(BaseModel):
    """Base of the directory records: frozen, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class ProviderKind(StrEnum):
    NONPROFIT = "nonprofit"  # EOIR list marker *
    REFERRAL_SERVICE = "referral_service"  # EOIR list marker **
    PRIVATE_ATTORNEY = "private_attorney"  # EOIR list marker ***
    RECOGNIZED_ORGANIZATION = "recognized_organization"  # EOIR R&A roster
    ATTORNEY = "attorney"  # an organization's own list
    ACCREDITED_REPRESENTATIVE = "accredited_representative"
    UNKNOWN = "unknown"


class DetainedScope(StrEnum):
    DETAINED_ONLY = "detained_only"
    NON_DETAINED_ONLY = "non_detained_only"
    BOTH = "both"
    DETAINED_ACCEPTED = "detained_accepted"  # detained cases taken; non-detained not stated
    UNKNOWN = "unknown"


class CostModel(StrEnum):
    PRO_BONO = "pro_bono"
    LOW_FEE = "low_fee"
    PAID = "paid"
    UNKNOWN = "unknown"


class Accreditation(StrEnum):
    """Who may appear in immigration court (8 CFR 1292.12(d))."""

    FULL = "full"  # immigration courts, the BIA and DHS
    DHS_ONLY = "dhs_only"  # partial accreditation: USCIS and other DHS only
    NOT_APPLICABLE = "not_applicable"  # attorneys; organizations on the pro bono list
    UNKNOWN = "unknown"


class RestrictionKind(StrEnum):
    CHILDREN_ONLY = "children_only"
    AREA = "area"  # county or region of residence
    DETAINED_ONLY = "detained_only"
    NON_DETAINED_ONLY = "non_detained_only"
    COURT = "court"  # only cases before a named court
    POPULATION = "population"  # a named group (survivors, veterans, clients of ...)
    ORIGIN = "origin"  # people from a named country or region only
    INCOME = "income"
    NO_CRIMINAL_CASES = "no_criminal_cases"
    PREFERENCE = "preference"  # priority to a group or area: not an exclusion
    OTHER = "other"


class Edition(Record):
    """Which edition of which source a record came from."""

    source: str = Field(description="Importer name, e.g. 'eoir-probono'")
    title: str = Field(description="The source's own title")
    edition: str = Field(description="As printed, e.g. 'Updated April 2025'")
    edition_date: date | None = None
    file_name: str | None = None
    sha256: str | None = None


class Phone(Record):
    number: str
    label: str | None = Field(default=None, description="Tel, Fax, Toll Free, (Detained) ...")
    text: str = Field(description="The line as printed")


class Office(Record):
    label: str | None = Field(default=None, description="'Seattle Office', 'Mailing Address' ...")
    address_lines: list[str] = Field(default_factory=list)
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phones: list[Phone] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    websites: list[str] = Field(default_factory=list)
    other_lines: list[str] = Field(default_factory=list, description="Lines not understood")


class LanguageNote(Record):
    code: str = Field(description="ISO 639-1 (or 639-3 when there is none), e.g. 'ru'")
    name: str = Field(description="The language's English name")
    text: str = Field(description="The sentence it was read from")


class CaseTypeNote(Record):
    case_type: str = Field(description="A case-type tag, e.g. 'asylum', 'removal_defense'")
    offered: bool = Field(default=True, description="False when the text says it is NOT offered")
    text: str


class Restriction(Record):
    kind: RestrictionKind
    detail: str = Field(description="What it means, e.g. 'residence in named counties'")
    places: list[str] = Field(
        default_factory=list, description="Two-letter states the text names, if any"
    )
    text: str


class ServiceTerms(Record):
    """What a provider says about its services, read from its notes (bullets)."""

    notes: list[str] = Field(default_factory=list, description="Every note verbatim, in order")
    languages: list[LanguageNote] = Field(default_factory=list)
    interpretation: str | None = Field(
        default=None, description="The sentence offering interpretation or 'any language'"
    )
    detained: DetainedScope = DetainedScope.UNKNOWN
    detained_text: str | None = None
    case_types: list[CaseTypeNote] = Field(default_factory=list)
    restrictions: list[Restriction] = Field(default_factory=list)
    cost: CostModel = CostModel.UNKNOWN
    cost_text: str | None = None
    intake: list[str] = Field(default_factory=list, description="Intake and contact rules")

    def language_codes(self) -> set[str]:
        return {note.code for note in self.languages}


class CourtListing(Record):
    """A provider as listed for one immigration court (or docket) section."""

    court: str = Field(description="Court section as printed, e.g. 'Chicago Immigration Court'")
    court_id: str | None = Field(default=None, description="Id in immigration_courts.yaml")
    state: str | None = Field(default=None, description="Two-letter state of the court")
    juvenile_docket: bool = False
    pages: list[int] = Field(default_factory=list)
    offices: list[Office] = Field(default_factory=list)
    terms: ServiceTerms = Field(default_factory=ServiceTerms)


class Representative(Record):
    """An accredited representative of a recognized organization (R&A roster)."""

    name: str
    accreditation: Accreditation
    expires: date | None = None
    pending_renewal: bool = False
    status: str = Field(description="As printed: Active, Inactive, Terminated, ...")
    text: str = Field(description="The row as printed")


class Provider(Record):
    id: str = Field(description="Stable id: source and normalised name")
    name: str
    other_names: list[str] = Field(
        default_factory=list, description="'(formerly ...)', the words of an acronym"
    )
    kind: ProviderKind
    kind_text: str | None = Field(default=None, description="Marker or status as printed")
    source: Edition
    listings: list[CourtListing] = Field(
        default_factory=list, description="One per court section the provider is listed under"
    )
    offices: list[Office] = Field(default_factory=list, description="Offices not tied to a court")
    terms: ServiceTerms = Field(
        default_factory=ServiceTerms, description="Terms not tied to a court (roster, local list)"
    )
    states: list[str] = Field(default_factory=list, description="States served, two letters")
    accreditation: Accreditation = Accreditation.NOT_APPLICABLE
    recognized: date | None = None
    recognition_expires: date | None = None
    status: str | None = None
    representatives: list[Representative] = Field(default_factory=list)
    capacity: str | None = Field(default=None, description="Local list: open, limited, full")
    fees: str | None = Field(default=None, description="Local list: the fee note as written")
    asylum_experience: str | None = None
    last_verified: date | None = None

    def all_offices(self) -> list[Office]:
        seen: list[Office] = list(self.offices)
        for listing in self.listings:
            seen.extend(o for o in listing.offices if o not in seen)
        return seen

    def court_names(self) -> list[str]:
        return [listing.court for listing in self.listings]


class ParseProblem(Record):
    """A piece of the source that could not be read: where, what, and the text itself."""

    page: int | None = None
    row: int | None = None
    message: str
    text: str = ""

    def __str__(self) -> str:
        where = f"page {self.page}" if self.page else (f"row {self.row}" if self.row else "")
        snippet = self.text if len(self.text) <= 120 else self.text[:117] + "..."
        head = f"{where}: {self.message}" if where else self.message
        return f"{head}: {snippet!r}" if snippet else head


class ImportResult(Record):
    edition: Edition
    providers: list[Provider]
    sections: int = Field(default=0, description="Court sections or tables read")
    blocks: int = Field(default=0, description="Entries read (before merging)")
    unparsed: list[ParseProblem] = Field(
        default_factory=list, description="Blocks that could not be turned into a provider"
    )
    warnings: list[ParseProblem] = Field(
        default_factory=list, description="Read, but with a part not understood"
    )
