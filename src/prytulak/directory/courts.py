"""Immigration courts as data (``data/immigration_courts.yaml``), and finding a case's court.

A case names its court in free text (``travel.court.court``: 'Chicago, IL', 'Chicago
Immigration Court', 'chicago', 'New York - Broadway', 'NYB'); when it names none, the
applicant's state of residence points to the courts of that state. Codes and addresses carry the
key of their source (``address_sources`` in the data file: URL, as-of date, secondary copy or
not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process
from ruamel.yaml import YAML

from prytulak.case import CaseFile

from .geography import state_code, state_name
from .naming import normalise_name

__all__ = [
    "AddressSource",
    "CaseCourt",
    "CourtAddress",
    "CourtLocation",
    "ImmigrationCourt",
    "address_sources",
    "case_court",
    "court_by_id",
    "court_for_section",
    "courts",
    "find_court",
]


class AddressSource(BaseModel):
    """Where court codes and addresses were read, and as of when."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    url: str
    as_of: date | None  # the date the source shows; None when it shows none
    read_on: date
    secondary: bool  # read from a copy of the source, not the source itself
    read_from: str | None  # the copy it was read from, when secondary


class CourtAddress(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    street: str
    city: str
    state: str
    zip: str
    source: str  # key into address_sources()
    url: str  # the court's own page, as the source links it
    caution: str | None = None  # what the source says that limits this address

    def one_line(self) -> str:
        return f"{self.street}, {self.city}, {self.state} {self.zip}"


class CourtLocation(BaseModel):
    """One EOIR court inside a list section that covers several (New York: Broadway...)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    code: str | None
    code_source: str | None
    address: CourtAddress | None


class ImmigrationCourt(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    city: str
    state: str
    code: str | None = None
    code_source: str | None = None
    address: CourtAddress | None = None
    locations: list[CourtLocation] = []
    detention_facility: bool | None = None
    sections: list[str]

    @property
    def codes(self) -> list[str]:
        """The court's EOIR code and those of its locations."""
        found = [self.code, *(loc.code for loc in self.locations)]
        return [code for code in found if code]

    @property
    def addresses(self) -> list[CourtAddress]:
        found = [self.address, *(loc.address for loc in self.locations)]
        return [address for address in found if address]


@dataclass(frozen=True)
class CaseCourt:
    """Where a case is heard, or would be: the court if known, else the state."""

    court: ImmigrationCourt | None
    state: str | None
    how: str  # for people: how it was found
    confirmed: bool = False  # the case names this court (not a guess from the residence)

    def describe(self) -> str:
        if self.court:
            return f"{self.court.name} ({self.court.city}, {self.court.state})"
        if self.state:
            return f"courts in {state_name(self.state)}"
        return "no court and no state of residence known"


def load_courts_data() -> dict[str, object]:
    text = (resources.files("prytulak.directory") / "data" / "immigration_courts.yaml").read_text(
        "utf-8"
    )
    data: dict[str, object] = YAML(typ="safe").load(text)
    return data


@cache
def address_sources() -> dict[str, AddressSource]:
    items = load_courts_data()["address_sources"]
    assert isinstance(items, dict)
    return {key: AddressSource.model_validate(value) for key, value in items.items()}


@cache
def courts() -> tuple[ImmigrationCourt, ...]:
    items = load_courts_data()["courts"]
    assert isinstance(items, list)
    return tuple(ImmigrationCourt.model_validate(item) for item in items)


def court_by_id(court_id: str) -> ImmigrationCourt | None:
    return next((c for c in courts() if c.id == court_id), None)


def court_for_section(heading: str) -> str | None:
    """Id of the court a pro bono list section belongs to ('... Juvenile Docket' included)."""
    key = normalise_name(heading)
    for court in courts():
        if key in (normalise_name(s) for s in court.sections):
            return court.id
    return None


@cache
def _names() -> dict[str, str]:
    """Every way of naming a court, normalised → court id (codes apart: see _codes)."""
    names: dict[str, str] = {}
    for court in courts():
        forms = [court.name, *court.sections, f"{court.city} {court.state}", court.id]
        forms += [loc.name for loc in court.locations]
        for name in forms:
            names.setdefault(normalise_name(name), court.id)
        short = re.sub(r" (immigration courts?|hearing location)$", "", normalise_name(court.name))
        names.setdefault(short, court.id)
    return names


@cache
def _codes() -> dict[str, str]:
    """EOIR codes (lower case) → court id; matched exactly, never by a close spelling."""
    return {code.lower(): court.id for court in courts() for code in court.codes}


def find_court(text: str) -> ImmigrationCourt | None:
    """The court a free-text name points to: exact forms first, then a close spelling."""
    key = normalise_name(text)
    key = re.sub(r"\b(immigration courts?|court|eoir)\b", "", key).strip()
    key = re.sub(r"\s+", " ", key)
    city_state = re.match(r"^(?P<city>.+?)\s+(?P<state>[a-z]{2}|[a-z ]+)$", key)
    candidates = [key]
    if city_state and state_code(city_state.group("state")):
        candidates.append(f"{city_state.group('city')} {state_code(city_state.group('state'))}")
        candidates.append(city_state.group("city"))
    names = _names()
    for candidate in candidates:
        found = names.get(normalise_name(candidate)) or _codes().get(normalise_name(candidate))
        if found:
            return court_by_id(found)
    best = process.extractOne(key, list(names), scorer=fuzz.WRatio, score_cutoff=88)
    return court_by_id(names[best[0]]) if best else None


_BOROUGH_COUNTIES = {
    "brooklyn": "Kings",
    "queens": "Queens",
    "bronx": "Bronx",
    "the bronx": "Bronx",
    "staten island": "Richmond",
    "manhattan": "New York",
}
"""New York City's boroughs, which people write as their city, and the county each one is."""

_CITY_OF = {("NY", borough): "new york" for borough in _BOROUGH_COUNTIES}
"""Places people write as their city that are part of a court's city."""


def county_of(city: str | None, state: str | None) -> str | None:
    """The county of a city, where Prytulak knows it (New York City's boroughs); else None."""
    if not city or state_code(state or "") != "NY":
        return None
    return _BOROUGH_COUNTIES.get(normalise_name(city))


def case_court(case: CaseFile) -> CaseCourt:
    """The case's court (``travel.court.court``), else its residence state."""
    named = case.travel.court.court
    if named:
        court = find_court(named)
        if court:
            return CaseCourt(court, court.state, f"travel.court.court is {named!r}", True)
    residence = case.applicant.residence
    state = state_code(residence.region) if residence and residence.region else None
    city = normalise_name(residence.city) if residence and residence.city else None
    city = _CITY_OF.get((state or "", city or ""), city)
    local = next(
        (c for c in courts() if state and c.state == state and city == normalise_name(c.city)), None
    )
    if local and residence and not named:
        how = (
            f"no court named; the applicant lives in {residence.city}, {state}, where the "
            f"{local.name} sits (the notice to appear decides the court)"
        )
        return CaseCourt(local, state, how)
    if state:
        how = f"no court named; the applicant lives in {state_name(state)}"
        if named:
            how = f"court {named!r} not recognised; the applicant lives in {state_name(state)}"
        return CaseCourt(None, state, how)
    return CaseCourt(None, None, "no court named and no residence state")
