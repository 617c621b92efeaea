"""What the documents themselves say (extracted or OCR'd text, photo metadata) against the case."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from prytulak.case import Event
from prytulak.text import (
    FoundDate,
    find_date_ranges,
    find_dates,
    find_durations,
    find_release_dates,
)

from ..findings import Finding, Location, Severity
from ..inputs import DocumentPage, DocumentText, ReviewInput
from ..registry import check

_NEAR = timedelta(days=10)


def _event_span(event: Event) -> tuple[date, date]:
    return event.date.earliest, (event.end or event.date).latest


def _at(document: DocumentText, page: int | None = None, line: int | None = None) -> Location:
    """The place in an evidence document a finding points at."""
    return Location(evidence_id=document.evidence_id, file=document.file, page=page, line=line)


def _linked_documents(data: ReviewInput) -> Iterator[tuple[int, Event, DocumentText]]:
    for i, event in enumerate(data.case.claim.events):
        for ref in event.evidence:
            document = data.document(ref)
            if document is not None:
                yield i, event, document


@check("text.date-mismatch")
def document_dates(data: ReviewInput) -> Iterator[Finding]:
    """A document about an event should carry the event's date; a date a few days off is the
    classic inconsistency (the declaration says 10 August, the ruling 12 August). A document
    that states the span ('с 12.05.2023 по 23.05.2023') or the release day must agree with the
    event's first and last day."""
    for i, event, document in _linked_documents(data):
        stated = list(_span_mismatches(i, event, document))
        yield from stated
        if not stated:
            yield from _nearby_date(i, event, document)


def _stated_days(page: DocumentPage) -> Iterator[tuple[str, FoundDate, str]]:
    """(which end of the span, the date, how the document states it) on one page."""
    for span in find_date_ranges(page.text):
        stated = f"{span.first.text} – {span.last.text}"
        yield "date", span.first, stated
        yield "end", span.last, stated
    for released in find_release_dates(page.text):
        yield "end", released, f"released {released.text}"


def _span_mismatches(i: int, event: Event, document: DocumentText) -> Iterator[Finding]:
    if event.end is None:
        return
    start, end = _event_span(event)
    expected = {"date": event.date.exact, "end": event.end.exact}
    reported: set[tuple[str, date]] = set()
    for page in document.pages:
        for field_name, found, stated in _stated_days(page):
            day = expected[field_name]
            near = start - _NEAR <= found.value <= end + _NEAR
            if day is None or found.value == day or not near:
                continue
            if (field_name, found.value) in reported:
                continue
            reported.add((field_name, found.value))
            which = "first" if field_name == "date" else "last"
            yield Finding(
                "text.date-mismatch",
                Severity.BLOCKING,
                f"{document.evidence_id} gives '{stated}': its {which} day is {found.value}, but "
                f"the case has '{event.summary}' from {event.date} to {event.end}",
                "Check the document: correct the event's dates (and the declaration), or "
                "explain the difference",
                _at(document, page.number, found.line),
                (Location(f"claim.events[{i}].{field_name}"),),
            )


def _nearby_date(i: int, event: Event, document: DocumentText) -> Iterator[Finding]:
    start, end = _event_span(event)
    found = [(p, d) for p in document.pages for d in find_dates(p.text)]
    if not found or any(start <= d.value <= end for _, d in found):
        return
    near = [(p, d) for p, d in found if start - _NEAR <= d.value <= end + _NEAR]
    if not near:
        return
    page, first = near[0]
    yield Finding(
        "text.date-mismatch",
        Severity.BLOCKING,
        f"{document.evidence_id} says '{first.text}' but the case dates '{event.summary}' "
        f"{event.date}",
        "Check the document: correct the event date (and the declaration), or explain the "
        "difference (e.g. the ruling came two days after the arrest)",
        _at(document, page.number, first.line),
        (Location(f"claim.events[{i}].date"),),
    )


@check("text.duration-mismatch")
def document_durations(data: ReviewInput) -> Iterator[Finding]:
    for i, event, document in _linked_documents(data):
        if event.end is None:
            continue
        start, end = _event_span(event)
        span = (end - start).days
        for page in document.pages:
            for stated in find_durations(page.text):
                if stated.days not in (span, span + 1) and stated.days <= 90:
                    yield Finding(
                        "text.duration-mismatch",
                        Severity.WARNING,
                        f"{document.evidence_id} says '{stated.text}', but the case has "
                        f"{event.date} to {event.end} ({span} days)",
                        "Make the detention dates agree with the document",
                        _at(document, page.number, stated.line),
                        (Location(f"claim.events[{i}].end"),),
                    )


@check("text.photo-date")
def photo_metadata(data: ReviewInput) -> Iterator[Finding]:
    for i, event, document in _linked_documents(data):
        if document.taken_on is None:
            continue
        start, end = _event_span(event)
        if not start - timedelta(days=1) <= document.taken_on <= end + timedelta(days=1):
            yield Finding(
                "text.photo-date",
                Severity.WARNING,
                f"The photo {document.evidence_id} was taken on {document.taken_on} (camera "
                f"metadata), but '{event.summary}' is dated {event.date}",
                "Check the camera clock and the event date; explain if the photo was copied or "
                "re-saved later",
                _at(document),
                (Location(f"claim.events[{i}].date"),),
            )


_TRAVEL_DOCUMENT = ("i-94", "immigration", "passport", "visa", "entry", "parole")
_CIVIL_DOCUMENT = ("birth", "civil", "identity", "passport", "marriage")


def _evidence_words(data: ReviewInput, evidence_id: str) -> str:
    item = data.case.evidence_item(evidence_id)
    return f"{item.kind or ''} {item.title}".lower() if item else ""


@check("text.entry-date-mismatch")
def entry_dates(data: ReviewInput) -> Iterator[Finding]:
    """The I-94, the visa or the passport stamp should carry the arrival date of the case."""
    entries = data.case.travel.us_entries
    for document in data.documents:
        if not any(w in _evidence_words(data, document.evidence_id) for w in _TRAVEL_DOCUMENT):
            continue
        found = [(p, d) for p in document.pages for d in find_dates(p.text)]
        for i, entry in enumerate(entries):
            day = entry.date.exact
            if day is None or any(d.value == day for _, d in found):
                continue
            near = [(p, d) for p, d in found if abs((d.value - day).days) <= _NEAR.days]
            if near:
                page, first = near[0]
                yield Finding(
                    "text.entry-date-mismatch",
                    Severity.BLOCKING,
                    f"{document.evidence_id} shows '{first.text}', but the case records the "
                    f"arrival of {entry.date} at {entry.place}",
                    "Check the I-94 and the passport stamp; the arrival date decides the "
                    "one-year deadline (8 CFR 208.4(a)(2))",
                    _at(document, page.number, first.line),
                    (Location(f"travel.us_entries[{i}].date"),),
                )


def _people_with_birth(data: ReviewInput) -> Iterator[tuple[str, tuple[str, ...], date]]:
    case = data.case
    candidates = []
    if case.applicant.birth:
        candidates.append(("applicant", case.applicant.name, case.applicant.birth.date))
    family = case.family
    if family.spouse:
        candidates.append(("family.spouse", family.spouse.name, family.spouse.birth.date))
    for i, child in enumerate(family.children):
        candidates.append((f"family.children[{i}]", child.name, child.birth.date))
    for path, name, born in candidates:
        if born.exact is None:
            continue
        spellings = (name.given, *(n.given for n in name.native))
        yield path, tuple(s.lower() for s in spellings if len(s) > 2), born.exact


@check("text.birth-date-mismatch")
def birth_dates(data: ReviewInput) -> Iterator[Finding]:
    """A civil record naming a person should carry the birth date the case gives them."""
    for document in data.documents:
        if not any(w in _evidence_words(data, document.evidence_id) for w in _CIVIL_DOCUMENT):
            continue
        for page in document.pages:
            lowered = page.text.lower()
            dates = find_dates(page.text)
            for path, given_names, born in _people_with_birth(data):
                if not any(g in lowered for g in given_names):
                    continue
                if any(d.value == born for d in dates):
                    continue
                same_year = [d for d in dates if d.value.year == born.year]
                if same_year:
                    yield Finding(
                        "text.birth-date-mismatch",
                        Severity.WARNING,
                        f"{document.evidence_id} gives '{same_year[0].text}' near the name, but "
                        f"the case records the birth date {born.isoformat()} ({path})",
                        "Check the certificate; correct the birth date in the case or explain "
                        "the difference",
                        _at(document, page.number, same_year[0].line),
                        (Location(f"{path}.birth.date"),),
                    )
