"""Immigration courts as data (``data/immigration_courts.yaml``), and finding a case's court.

A case names its court in free text (``travel.court.court``: 'Chicago, IL', 'Chicago
Immigration Court', 'chicago'); when it names none, the applicant's state of residence points
to the courts of that state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process
from ruamel.yaml import YAML

from prytulak.case import CaseFile

from .geography import state_code, state_name
from .naming import normalise_name

__all__ = [
    "CaseCourt",
    "ImmigrationCourt",
    "case_court",
    "court_by_id",
    "court_for_section",
    "courts",
    "find_court",
]


class ImmigrationCourt(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    city: str
    state: str
    code: str | None = None
    address: str | None = None
    detention_facility: bool | None = None
    sections: list[str]


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
    """Every way of naming a court, normalised → court id."""
    names: dict[str, str] = {}
    for court in courts():
        for name in [court.name, *court.sections, f"{court.city} {court.state}", court.id]:
            names.setdefault(normalise_name(name), court.id)
        if court.code:
            names.setdefault(court.code.lower(), court.id)
        short = re.sub(r" (immigration courts?|hearing location)$", "", normalise_name(court.name))
        names.setdefault(short, court.id)
    return names


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
        found = names.get(normalise_name(candidate))
        if found:
            return court_by_id(found)
    best = process.extractOne(key, list(names), scorer=fuzz.WRatio, score_cutoff=88)
    return court_by_id(names[best[0]]) if best else None


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
    local = next(
        (c for c in courts() if state and c.state == state and city == normalise_name(c.city)), None
    )
    if local and not named:
        how = (
            f"no court named; the applicant lives in {local.city}, {state}, where the "
            f"{local.name} sits (the notice to appear decides the court)"
        )
        return CaseCourt(local, state, how)
    if state:
        how = f"no court named; the applicant lives in {state_name(state)}"
        if named:
            how = f"court {named!r} not recognised; the applicant lives in {state_name(state)}"
        return CaseCourt(None, state, how)
    return CaseCourt(None, None, "no court named and no residence state")
