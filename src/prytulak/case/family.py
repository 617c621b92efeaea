"""Spouse, children, parents and siblings: I-589 Part A.II and A.III item 5."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .dates import PartialDate
from .people import ANumber, Birth, CaseModel, PersonName, Ssn
from .vocab import FamilyLocation, MaritalStatus, Sex

__all__ = ["Child", "Family", "Relative", "Spouse", "UsPresence"]


class UsPresence(CaseModel):
    """For a family member in the United States (A.II items 16-23)."""

    last_entry_place: str | None = None
    last_entry_date: PartialDate | None = None
    i94: str | None = Field(default=None, pattern=r"^[0-9A-Za-z]{11}$")
    status_when_admitted: str | None = None
    current_status: str | None = None
    status_expires: PartialDate | None = None
    in_court_proceedings: bool = False
    previous_arrival_date: PartialDate | None = None


class _Derivative(CaseModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Stable id within the case")
    name: PersonName
    birth: Birth
    sex: Sex | None = None
    a_number: ANumber | None = None
    passport_number: str | None = None
    ssn: Ssn | None = None
    nationality: str = "Belarus"
    ethnicity: str | None = None
    location: FamilyLocation = FamilyLocation.UNKNOWN
    location_detail: str | None = Field(default=None, description="Where, when not in the US")
    us_presence: UsPresence | None = None
    include_in_application: bool = False


class Spouse(_Derivative):
    marriage_date: PartialDate | None = None
    marriage_place: str | None = None


class Child(_Derivative):
    marital_status: MaritalStatus = MaritalStatus.SINGLE


class Relative(CaseModel):
    """A parent or sibling (A.III item 5)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    relation: Literal["mother", "father", "sibling"]
    name: PersonName
    birth_place: str | None = None
    location: str | None = Field(
        default=None, description="Current location, e.g. 'Minsk, Belarus'"
    )
    deceased: bool = False


class Family(CaseModel):
    spouse: Spouse | None = None
    children: list[Child] = Field(default_factory=list)
    relatives: list[Relative] = Field(default_factory=list)
