"""Travel: leaving Belarus, third countries (firm resettlement), US entries, court history."""

from __future__ import annotations

from pydantic import Field

from .dates import PartialDate
from .people import CaseModel
from .vocab import CourtHistory, EntryManner, ThirdCountryStatus

__all__ = ["Departure", "ImmigrationCourt", "ThirdCountryStay", "Travel", "UsEntry"]


class Departure(CaseModel):
    """Each time the applicant left Belarus."""

    date: PartialDate
    via: str | None = Field(default=None, description="Border crossing or airport")
    returned: PartialDate | None = Field(
        default=None, description="When the applicant came back to Belarus, if ever (I-589 C.4)"
    )
    purpose_of_return: str | None = None


class ThirdCountryStay(CaseModel):
    """A country passed through or lived in before the US (I-589 C.2.A/B; 8 CFR 208.15)."""

    country: str
    arrived: PartialDate | None = None
    left: PartialDate | None = None
    status: ThirdCountryStatus = ThirdCountryStatus.NONE
    status_detail: str | None = Field(
        default=None, description="e.g. 'Karta pobytu, temporary residence card valid to 2024-03'"
    )
    status_expires: PartialDate | None = None
    could_return: bool | None = Field(default=None, description="Right to return there now")
    offered_permanent_status: bool = Field(
        default=False, description="An offer of permanent residence or citizenship was made"
    )
    permanent_status_path: str | None = Field(
        default=None,
        description=(
            "A legal way to permanent residence or citizenship that was open to the applicant "
            "there, e.g. 'Karta Polaka: may apply for permanent residence in Poland'"
        ),
    )
    worked: bool = False
    restrictions: str | None = Field(
        default=None, description="Limits on housing, work, travel, services (208.15(b))"
    )
    reason_left: str | None = None
    sought_protection: bool = False


class UsEntry(CaseModel):
    """An arrival in the United States (I-589 A.I 19.c)."""

    date: PartialDate
    place: str = Field(description="Port of entry, e.g. 'JFK Airport, New York, NY'")
    manner: EntryManner
    status_detail: str | None = None
    i94: str | None = Field(default=None, pattern=r"^[0-9A-Za-z]{11}$")
    status_expires: PartialDate | None = None


class ImmigrationCourt(CaseModel):
    history: CourtHistory = CourtHistory.NEVER
    court: str | None = Field(default=None, description="Immigration court, e.g. 'Chicago, IL'")
    next_hearing: PartialDate | None = None
    hearing_kind: str | None = Field(default=None, description="master or individual")
    judge: str | None = None
    detained: bool = False


class Travel(CaseModel):
    departures: list[Departure] = Field(default_factory=list)
    third_countries: list[ThirdCountryStay] = Field(default_factory=list)
    us_entries: list[UsEntry] = Field(default_factory=list)
    i94: str | None = Field(default=None, pattern=r"^[0-9A-Za-z]{11}$")
    court: ImmigrationCourt = Field(default_factory=ImmigrationCourt)

    def last_arrival(self) -> UsEntry | None:
        """The most recent US entry: the one-year deadline counts from it."""
        if not self.us_entries:
            return None
        return max(self.us_entries, key=lambda e: e.date.sort_key())

    def last_departure(self) -> Departure | None:
        if not self.departures:
            return None
        return max(self.departures, key=lambda d: d.date.sort_key())
