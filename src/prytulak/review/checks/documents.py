"""Evidence metadata against the timeline: document dates, issuers, references."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from prytulak.case import EvidenceRef

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check
from ..situation import last_departure

_RECORDS_OF_WHAT_HAPPENED = ("medical", "ruling", "protocol", "search record", "release")
_ISSUED_IN_BELARUS = (*_RECORDS_OF_WHAT_HAPPENED, "summons", "official", "employment", "order")


def _kind(item: EvidenceRef) -> str:
    return f"{item.kind or ''} {item.title}".lower()


@check("evidence.document-before-event")
def documents_before_events(data: ReviewInput) -> Iterator[Finding]:
    case = data.case
    for i, event in enumerate(case.claim.events):
        for ref in event.evidence:
            item = case.evidence_item(ref)
            if item is None or item.document_date is None:
                continue
            recorded = any(k in _kind(item) for k in _RECORDS_OF_WHAT_HAPPENED)
            if recorded and item.document_date.latest < event.date.earliest:
                yield Finding(
                    "evidence.document-before-event",
                    Severity.BLOCKING,
                    f"{item.id} ({item.title}) is dated {item.document_date}, before the event "
                    f"it records ('{event.summary}', {event.date})",
                    "One of the dates is wrong: check the document and correct the event date "
                    "or the document date",
                    Location(f"claim.events[{i}].date"),
                    (Location(evidence_id=item.id, file=item.file),),
                )


@check("evidence.medical-long-after")
def late_medical_records(data: ReviewInput) -> Iterator[Finding]:
    case = data.case
    for i, event in enumerate(case.claim.events):
        for ref in event.evidence:
            item = case.evidence_item(ref)
            if item is None or item.document_date is None or "medical" not in _kind(item):
                continue
            after = item.document_date.earliest - (event.end or event.date).latest
            if after > timedelta(days=30):
                yield Finding(
                    "evidence.medical-long-after",
                    Severity.INFO,
                    f"The medical record {item.id} is dated {after.days} days after "
                    f"'{event.summary}'",
                    "Explain the delay in treatment (fear of reporting injuries is common and "
                    "worth saying)",
                    Location(evidence_id=item.id, file=item.file),
                    (Location(f"claim.events[{i}]"),),
                )


@check("evidence.issued-after-departure")
def issued_after_leaving(data: ReviewInput) -> Iterator[Finding]:
    left = last_departure(data.case)
    if left is None:
        return
    for item in data.case.evidence:
        if item.document_date is None or not any(k in _kind(item) for k in _ISSUED_IN_BELARUS):
            continue
        if item.document_date.earliest > left.latest and (item.language or "en") != "en":
            yield Finding(
                "evidence.issued-after-departure",
                Severity.INFO,
                f"{item.id} ({item.title}) is dated {item.document_date}, after the applicant "
                f"left Belarus ({left})",
                "Possible (relatives obtain documents, trials in absentia), but say how and when "
                "it was obtained (evidence[].obtained)",
                Location(evidence_id=item.id, file=item.file),
            )


@check("evidence.unreferenced")
def unreferenced_items(data: ReviewInput) -> Iterator[Finding]:
    claim = data.case.claim
    used = {r for e in claim.events for r in e.evidence}
    used |= {r for f in claim.fears for r in f.evidence}
    used |= {r for h in claim.family_harm for r in h.evidence}
    used |= {r for a in claim.activities_abroad for r in a.evidence}
    general = ("identity", "immigration", "civil record", "country conditions", "membership")
    for item in data.case.evidence:
        if item.id not in used and not any(g in _kind(item) for g in general):
            yield Finding(
                "evidence.unreferenced",
                Severity.INFO,
                f"{item.id} ({item.title}) supports no event, fear or activity",
                "Link it to what it proves, or consider leaving it out of the bundle",
                Location(evidence_id=item.id, file=item.file),
            )


@check("evidence.unavailable-unexplained")
def unavailable_explained(data: ReviewInput) -> Iterator[Finding]:
    for i, item in enumerate(data.case.evidence):
        if not item.available and not item.notes:
            yield Finding(
                "evidence.unavailable-unexplained",
                Severity.WARNING,
                f"{item.id} ({item.title}) is marked unavailable without a reason",
                "Say why it cannot reasonably be obtained (evidence[].notes); the judge must "
                "consider the explanation (Matter of L-A-C-)",
                Location(f"evidence[{i}].notes"),
            )
