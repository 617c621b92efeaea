"""What an uploaded document is: it becomes an evidence reference of the case file.

Saying what a document is (title, kind, the event it supports, its date) adds an
``EvidenceRef`` to ``evidence[]`` of the case file (or changes the one already made for this
upload), adds its id to the event's ``evidence``, and links the locker item to it
(``provenance.evidence_ref``), which is how ``prytulak.filing`` finds the item and puts it in
the exhibit bundle. The case file is saved like every other edit: on the version it was read
from, applied again to a newer version when someone saved meanwhile.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from prytulak.case import CaseFile, CaseFileError, case_from_data
from prytulak.web.intake.fields import ApproxDateField

from . import lockers
from .clock import today
from .models import Case, Conflict, Draft, Upload

__all__ = ["KINDS", "DescribeForm", "event_choices", "link_upload", "unlink_upload"]

Data = dict[str, Any]
KINDS = [
    ("", "—"),
    ("summons", _("Summons")),
    ("ruling", _("Court ruling or decision")),
    ("protocol", _("Police report or protocol")),
    ("medical", _("Medical record")),
    ("photo", _("Photo")),
    ("article", _("News article or web page")),
    ("letter", _("Letter or statement")),
    ("identity", _("Passport or identity document")),
    ("travel", _("Visa, ticket or I-94")),
    ("other", _("Other")),
]


class DescribeForm(forms.Form):
    """Title, kind, event and date of a document; the event choices are the case's events."""

    note = forms.CharField(
        label=_("What is this document?"),
        help_text=_("For example: Summons to the KGB, 12 March 2021."),
        max_length=300,
        required=False,
    )
    kind = forms.ChoiceField(label=_("Kind of document"), choices=KINDS, required=False)
    event = forms.ChoiceField(label=_("Which event does it show?"), required=False)
    document_date = ApproxDateField(label=_("Date on the document"), required=False)

    def __init__(self, events: list[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("None, or I do not know")), *events]
        self.fields["event"].choices = choices  # type: ignore[attr-defined]


def event_choices(case: CaseFile | Data) -> list[tuple[str, str]]:
    """(id, 'date · summary') of each event, from a CaseFile or the case file's data."""
    if isinstance(case, CaseFile):
        found = [(e.id, str(e.date), e.summary) for e in case.claim.events]
    else:
        events = (case.get("claim") or {}).get("events") or []
        found = [(e["id"], str(e.get("date", "")), str(e.get("summary", ""))) for e in events]
    return [(id_, f"{day} · {summary}"[:90]) for id_, day, summary in found]


def _next_id(evidence: list[Data]) -> str:
    taken = {e.get("id") for e in evidence}
    number = len(evidence) + 1
    while f"E{number:02d}" in taken:
        number += 1
    return f"E{number:02d}"


def _apply(data: Data, upload: Upload, answers: Data) -> str:
    """Write the reference (new, or the upload's own) and its event link; returns its id."""
    evidence = data.setdefault("evidence", [])
    ref = next(
        (e for e in evidence if upload.evidence_id and e.get("id") == upload.evidence_id), None
    )
    if ref is None:
        ref = {"id": _next_id(evidence)}
        evidence.append(ref)
    ref.update(title=answers["note"] or upload.filename, blob=upload.sha256)
    for key in ("kind", "document_date"):
        if answers.get(key):
            ref[key] = answers[key]
        else:
            ref.pop(key, None)
    for event in (data.get("claim") or {}).get("events") or []:
        linked = event.get("evidence") or []
        if event.get("id") == answers.get("event") and ref["id"] not in linked:
            event["evidence"] = [*linked, ref["id"]]
        elif event.get("id") != answers.get("event") and ref["id"] in linked:
            event["evidence"] = [e for e in linked if e != ref["id"]]
    return str(ref["id"])


def _save_edit(case: Case, user: Any, source: str, change: Callable[[Data], object]) -> object:
    """Apply ``change`` to a copy of the case data and save it, again on a newer version when
    someone saved meanwhile. Returns what ``change`` returned, or the problems in plain words."""
    for _attempt in range(3):
        data = copy.deepcopy(case.data)
        result = change(data)
        try:
            edited = case_from_data(data, source, today())
        except CaseFileError as error:
            return _Problems(str(p) for p in error.problems)
        try:
            case.save_case_file(edited, user, case.version)
        except Conflict as conflict:
            Draft.objects.filter(pk=conflict.draft.pk).delete()
            continue
        return result
    return _Problems(
        [str(_("Someone else is saving this case right now. Your answers are kept; save again."))]
    )


class _Problems(list[str]):
    """Why an edit was not saved (a distinct type, so a change may return any value)."""


def link_upload(case: Case, upload: Upload, answers: Data, user: Any) -> list[str]:
    """Save the description into the case file and the locker; problems in plain words."""
    saved = _save_edit(
        case, user, f"upload {upload.item_id}", lambda data: _apply(data, upload, answers)
    )
    if isinstance(saved, _Problems):
        return saved
    ref_id = str(saved)
    Upload.objects.filter(pk=upload.pk).update(evidence_id=ref_id, note=answers["note"][:300])
    upload.evidence_id = ref_id
    lockers.describe(
        case.pk,
        upload.item_id,
        getattr(user, "username", ""),
        evidence_ref=ref_id,
        description=answers["note"] or None,
        document_type=answers.get("kind") or None,
        document_date=answers.get("document_date") or None,
        events=[answers["event"]] if answers.get("event") else [],
    )
    return []


def _drop_reference(node: Any, ref: str) -> None:
    """Remove ``ref`` from every ``evidence: [...]`` list in the case data (events, fears …)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if (
                key == "evidence"
                and isinstance(value, list)
                and all(isinstance(v, str) for v in value)
            ):
                node[key] = [v for v in value if v != ref]
            else:
                _drop_reference(value, ref)
    elif isinstance(node, list):
        for item in node:
            _drop_reference(item, ref)


def unlink_upload(case: Case, upload: Upload, user: Any) -> list[str]:
    """Take an upload out of the case's evidence (a test photo, the wrong file): its evidence
    reference and every mention of it go; the file stays in the locker, with its custody log."""
    ref = upload.evidence_id
    if not ref:
        return []

    def unlink(data: Data) -> None:
        data["evidence"] = [e for e in data.get("evidence", []) if e.get("id") != ref]
        _drop_reference(data.get("claim", {}), ref)

    saved = _save_edit(case, user, f"withdraw {upload.item_id}", unlink)
    if isinstance(saved, _Problems):
        return saved
    Upload.objects.filter(pk=upload.pk).update(evidence_id="")
    upload.evidence_id = ""
    lockers.describe(
        case.pk, upload.item_id, getattr(user, "username", ""), evidence_ref="", events=[]
    )
    return []
