"""Background: I-589 Part A.III items 1-4."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from .dates import PartialDate
from .people import Address, CaseModel

__all__ = ["Education", "Employment", "History", "Residence"]


class Residence(CaseModel):
    address: Address
    start: PartialDate | None = Field(default=None, alias="from")
    end: PartialDate | None = Field(default=None, alias="to", description="Empty while current")

    model_config = ConfigDict(populate_by_name=True)


class Education(CaseModel):
    school: str
    kind: str = Field(description="e.g. 'university', 'secondary school'")
    location: str
    start: PartialDate | None = Field(default=None, alias="from")
    end: PartialDate | None = Field(default=None, alias="to")

    model_config = ConfigDict(populate_by_name=True)


class Employment(CaseModel):
    employer: str
    address: str | None = None
    occupation: str
    start: PartialDate | None = Field(default=None, alias="from")
    end: PartialDate | None = Field(default=None, alias="to")

    model_config = ConfigDict(populate_by_name=True)


class History(CaseModel):
    last_address_abroad: Address | None = Field(
        default=None, description="Last address before coming to the US"
    )
    last_address_in_belarus: Address | None = Field(
        default=None, description="Last address in the country of feared persecution"
    )
    residences: list[Residence] = Field(
        default_factory=list, description="The last five years, present first"
    )
    education: list[Education] = Field(default_factory=list, description="Most recent first")
    employment: list[Employment] = Field(
        default_factory=list, description="The last five years, present first"
    )
