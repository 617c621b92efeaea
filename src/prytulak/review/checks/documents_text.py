"""What the documents themselves say (extracted or OCR'd text, photo metadata) against the case."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from prytulak.case import Event
from prytulak.text import find_dates, find_durations

from ..findings import Finding, Location, Severity
from ..inputs import DocumentText, ReviewInput
from ..registry import check

_NEAR = timedelta(days=10)


def _event_span(event: Event) -> tuple[date, date]:
    return event.date.earliest, (event.end or event.date).latest


def _linked_documents(data: ReviewInput) -> Iterator[tuple[int, Event, DocumentText]]:
    for i, event in enumerate(data.case.claim.events):
        for ref in event.evidence:
            document = data.document(ref)
            if document is not None:
                yield i, event, document


@check("text.date-mismatch")
def document_dates(data: ReviewInput) -> Iterator[Finding]:
    """A document about an event should carry the event's date; a date a few days off is the
    classic inconsistency (the declaration says 10 August, the ruling 12 August)."""
    for i, event, document in _linked_documents(data):
        start, end = _event_span(event)
        found = [(p, d) for p in document.pages for d in find_dates(p.text)]
        if not found or any(start <= d.value <= end for _, d in found):
            continue
        near = [(p, d) for p, d in found if start - _NEAR <= d.value <= end + _NEAR]
        if not near:
            continue
        page, first = near[0]
        yield Finding(
            "text.date-mismatch",
            Severity.BLOCKING,
            f"{document.evidence_id} says '{first.text}' but the case dates '{event.summary}' "
            f"{event.date}",
            "Check the document: correct the event date (and the declaration), or explain the "
            "difference (e.g. the ruling came two days after the arrest)",
            Location(
                evidence_id=document.evidence_id,
                file=document.file,
                page=page.number,
                line=first.line,
            ),
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
                        Location(
                            evidence_id=document.evidence_id,
                            file=document.file,
                            page=page.number,
                            line=stated.line,
                        ),
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
                Location(evidence_id=document.evidence_id, file=document.file),
                (Location(f"claim.events[{i}].date"),),
            )
