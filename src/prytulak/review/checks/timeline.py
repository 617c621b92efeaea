"""The timeline: events, departures, third countries and arrivals must fit together."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from prytulak.case import Departure, HarmType, PartialDate
from prytulak.text import find_dates, find_durations

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check
from ..situation import in_belarus, last_departure

_NEEDS_PRESENCE = frozenset(
    {
        HarmType.DETENTION,
        HarmType.BEATING,
        HarmType.TORTURE,
        HarmType.SEXUAL_VIOLENCE,
        HarmType.INTERROGATION,
        HarmType.FORCED_CONFESSION_VIDEO,
    }
)


@check("timeline.event-after-departure")
def events_after_leaving(data: ReviewInput) -> Iterator[Finding]:
    """Harm that needs the applicant's presence cannot happen in Belarus after they left
    (a trial in absentia or a search of the old flat can)."""
    left = last_departure(data.case)
    if left is None:
        return
    for i, event in enumerate(data.case.claim.events):
        if not _NEEDS_PRESENCE.intersection(event.harms):
            continue
        last_day = (event.end or event.date).earliest
        if in_belarus(data.case, event.place) and last_day > left.latest:
            yield Finding(
                "timeline.event-after-departure",
                Severity.BLOCKING,
                f"'{event.summary}' happened in {event.place} on {event.end or event.date}, "
                f"after the applicant left Belarus on {left}",
                "Correct the event date or the departure date, or record the return trip "
                "(travel.departures[].returned) if the applicant went back",
                Location(f"claim.events[{i}].date"),
                (Location("travel.departures"),),
            )


@check("timeline.entry-before-departure")
def arrival_before_leaving(data: ReviewInput) -> Iterator[Finding]:
    left = last_departure(data.case)
    arrival = data.case.travel.last_arrival()
    if left is None or arrival is None:
        return
    if arrival.date.latest < left.earliest:
        index = data.case.travel.us_entries.index(arrival)
        yield Finding(
            "timeline.entry-before-departure",
            Severity.BLOCKING,
            f"The last US arrival ({arrival.date}) is before the last departure from Belarus "
            f"({left})",
            "Check both dates against the passport stamps and the I-94",
            Location(f"travel.us_entries[{index}].date"),
            (Location("travel.departures"),),
        )


@check("timeline.third-country-order")
def third_country_order(data: ReviewInput) -> Iterator[Finding]:
    travel = data.case.travel
    departures = sorted(travel.departures, key=lambda d: d.date.sort_key())
    arrival = travel.last_arrival()
    for i, stay in enumerate(travel.third_countries):
        if stay.arrived and departures and not _abroad_then(stay.arrived, departures):
            first = departures[0].date
            where = (
                f"before leaving Belarus on {first}"
                if stay.arrived.latest < first.earliest
                else "when the case has the applicant back in Belarus"
            )
            yield Finding(
                "timeline.third-country-order",
                Severity.WARNING,
                f"Arrived in {stay.country} on {stay.arrived}, {where}",
                "Correct the dates, or record the trip (the departure and the return) in "
                "travel.departures",
                Location(f"travel.third_countries[{i}].arrived"),
            )
        if stay.left and arrival and stay.left.earliest > arrival.date.latest:
            yield Finding(
                "timeline.third-country-order",
                Severity.WARNING,
                f"Left {stay.country} on {stay.left}, after arriving in the US on {arrival.date}",
                "Correct the dates, or record the later trip abroad and the new US entry",
                Location(f"travel.third_countries[{i}].left"),
            )


def _abroad_then(day: PartialDate, departures: list[Departure]) -> bool:
    """Whether ``day`` may fall in a time abroad: after a departure and before its return."""
    return any(
        d.date.earliest <= day.latest and (d.returned is None or day.earliest <= d.returned.latest)
        for d in departures
    )


def _stated_lengths(text: str) -> list[int]:
    return [d.days for d in find_durations(text)]


@check("timeline.detention-length")
def detention_length(data: ReviewInput) -> Iterator[Finding]:
    for i, event in enumerate(data.case.claim.events):
        if event.end is None or not (event.date.is_exact and event.end.is_exact):
            continue
        span = (event.end.earliest - event.date.earliest).days
        counted = {span, span + 1}  # "3 days" from the 10th to the 13th, or the 12th
        texts = [c.outcome or "" for c in event.charges if "arrest" in (c.outcome or "")]
        texts.append(event.summary)
        for stated in {n for t in texts for n in _stated_lengths(t)}:
            if stated not in counted:
                yield Finding(
                    "timeline.detention-length",
                    Severity.BLOCKING,
                    f"'{event.summary}': {stated} days stated, but {event.date} to {event.end} "
                    f"is {span} days",
                    "Make the dates and the stated length agree (check the release certificate)",
                    Location(f"claim.events[{i}].end"),
                )


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁІЎ])", text.strip(), maxsplit=1)[0]


@check("timeline.narrative-date")
def narrative_dates(data: ReviewInput) -> Iterator[Finding]:
    """A date in the narrative's opening sentence is the event's own date, and must match."""
    for i, event in enumerate(data.case.claim.events):
        if not event.narrative:
            continue
        first = next(iter(find_dates(_first_sentence(event.narrative))), None)
        if first is None:
            continue
        window_start = event.date.earliest - timedelta(days=31)
        window_end = (event.end or event.date).latest + timedelta(days=31)
        span_end = (event.end or event.date).latest
        inside = event.date.earliest <= first.value <= span_end
        if window_start <= first.value <= window_end and not inside:
            yield Finding(
                "timeline.narrative-date",
                Severity.WARNING,
                f"The narrative says '{first.text}', but the event is dated {event.date}",
                "Use one date everywhere: the declaration, the I-589 and the documents",
                Location(f"claim.events[{i}].narrative"),
                (Location(f"claim.events[{i}].date"),),
            )


@check("timeline.return-unexplained")
def returns_explained(data: ReviewInput) -> Iterator[Finding]:
    for i, departure in enumerate(data.case.travel.departures):
        if departure.returned is not None and not departure.purpose_of_return:
            yield Finding(
                "timeline.return-unexplained",
                Severity.WARNING,
                f"The applicant went back to Belarus on {departure.returned}; I-589 Part C.4 "
                "asks for the dates, purpose and length of each return",
                "Add travel.departures[].purpose_of_return; a return can undercut the fear, so "
                "explain why it was safe or necessary",
                Location(f"travel.departures[{i}].purpose_of_return"),
            )


@check("timeline.duplicate-event")
def duplicate_events(data: ReviewInput) -> Iterator[Finding]:
    seen: dict[tuple[str, str], int] = {}
    for i, event in enumerate(data.case.claim.events):
        key = (event.date.text, event.place.lower())
        if key in seen:
            yield Finding(
                "timeline.duplicate-event",
                Severity.INFO,
                f"Two events on {event.date} at {event.place}",
                "Merge them if they describe the same thing; a doubled event reads as two",
                Location(f"claim.events[{i}]"),
                (Location(f"claim.events[{seen[key]}]"),),
            )
        seen.setdefault(key, i)
