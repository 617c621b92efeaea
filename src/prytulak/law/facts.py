"""Facts the evaluators ask about a case, derived once from the case file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prytulak.case import Actor, CaseFile, Charge, Event, Ground, PartialDate, UsEntry

from .rulebook import Rulebook, Table, TableEntry

__all__ = ["PROTECTED_GROUNDS", "CaseFacts", "HarmEvent", "derive_facts", "political_charge"]

PROTECTED_GROUNDS = frozenset(
    {
        Ground.RACE,
        Ground.RELIGION,
        Ground.NATIONALITY,
        Ground.POLITICAL_OPINION,
        Ground.PARTICULAR_SOCIAL_GROUP,
    }
)


@dataclass(frozen=True)
class HarmEvent:
    """An event in which the applicant was harmed, with its weight for the cumulative test."""

    event: Event
    actors: tuple[Actor, ...]
    points: int
    severe: bool
    serious: bool = False
    after_departure: bool = False
    """Surely after the last departure from Belarus: evidence of future risk, not past harm."""

    @property
    def by_state(self) -> bool:
        return any(a.is_state for a in self.actors)

    @property
    def grounds(self) -> frozenset[Ground]:
        return frozenset(self.event.grounds) & PROTECTED_GROUNDS


@dataclass(frozen=True)
class CaseFacts:
    harm_events: tuple[HarmEvent, ...]
    actors: tuple[Actor, ...]
    grounds: frozenset[Ground]
    charges: tuple[tuple[Event, Charge], ...]
    arrival: UsEntry | None
    filed_on: date | None
    departure: PartialDate | None = None
    """The last departure from Belarus without a return (``travel.departures``)."""

    @property
    def state_actors(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.actors if a.is_state)

    @property
    def past_harm(self) -> tuple[HarmEvent, ...]:
        """Harm before the last departure: what past persecution is judged on."""
        return tuple(h for h in self.harm_events if not h.after_departure)

    @property
    def later_harm(self) -> tuple[HarmEvent, ...]:
        """Harm surely after the last departure (e.g. a conviction in absentia)."""
        return tuple(h for h in self.harm_events if h.after_departure)

    @property
    def total_points(self) -> int:
        return sum(h.points for h in self.past_harm)


def political_charge(table: Table, event: Event, charge: Charge) -> TableEntry | None:
    """The ``charges`` table entry for a charge, if its article is documented as political.

    An entry with dates (an article reinstated in 2022, a code replaced in 2021) matches only a
    charge in an event that can fall inside them.
    """
    entry = table.get(f"{charge.code.value}:{charge.article}")
    if entry is None:
        return None
    if entry.start is not None and event.date.latest < entry.start:
        return None
    if entry.end is not None and event.date.earliest > entry.end:
        return None
    return entry


def _last_departure(case: CaseFile) -> PartialDate | None:
    final = [d for d in case.travel.departures if d.returned is None]
    return max(final, key=lambda d: d.date.sort_key()).date if final else None


def _harm_event(
    case: CaseFile, event: Event, harms: Table, departure: PartialDate | None
) -> HarmEvent:
    actors = tuple(a for a in (case.claim.actor(i) for i in event.actors) if a is not None)
    points = 0
    outcomes = set()
    for harm in event.harms:
        entry = harms.get(harm.value)
        if entry is None:
            continue
        points += entry.points
        outcomes.add(entry.outcome)
    if event.medical_treatment and points:
        points += 1
    return HarmEvent(
        event=event,
        actors=actors,
        points=points,
        severe="severe" in outcomes,
        serious="serious" in outcomes,
        after_departure=departure is not None and event.date.earliest > departure.latest,
    )


def derive_facts(case: CaseFile, book: Rulebook) -> CaseFacts:
    harms = book.table("harms")
    departure = _last_departure(case)
    harm_events = tuple(
        _harm_event(case, e, harms, departure) for e in case.claim.timeline() if e.harms
    )
    grounds = set(case.claim.grounds)
    for event in case.claim.events:
        grounds.update(event.grounds)
    for fear in case.claim.fears:
        grounds.update(fear.grounds)
    charges = tuple((e, c) for e in case.claim.timeline() for c in e.charges)
    filed = case.filing.filed_on.exact if case.filing.filed_on else None
    return CaseFacts(
        harm_events=harm_events,
        actors=tuple(case.claim.actors),
        grounds=frozenset(grounds),
        charges=charges,
        arrival=case.travel.last_arrival(),
        filed_on=filed,
        departure=departure,
    )
