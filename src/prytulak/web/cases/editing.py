"""Editing a case file as YAML, with optimistic locking: a late save never overwrites.

The form carries the version the editor started from. Saving compares it with the stored
version in the same UPDATE; when someone saved in between, the edit is kept as a Draft and
the page shows the editor's own text, the other person's changes, and how to merge. The form
still carries the old version: pressing Save again conflicts again, so nobody overwrites a
colleague's work by reflex. Replacing their version takes ticking a box that names it.
"""

from __future__ import annotations

import difflib

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from prytulak.case import CaseFileError, dump_case, parse_case_text
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action

from .access import EDITORS, case_view
from .clock import today
from .models import Case, Conflict, Draft

__all__ = ["edit_case"]


def _changes(mine: str, theirs: str) -> str:
    lines = difflib.unified_diff(
        theirs.splitlines(), mine.splitlines(), "saved", "yours", lineterm="", n=1
    )
    return "\n".join(lines)


def _form(request: HttpRequest, case: Case, text: str, base: int, **extra: object) -> HttpResponse:
    context = {"case": case, "text": text, "base_version": base, **extra}
    status = 409 if "conflict" in extra else 200
    return render(request, "cases/edit.html", context, status=status)


def _current_text(case: Case) -> str:
    try:
        return dump_case(case.case_file(today()))
    except CaseFileError:
        return ""


def _base_version(request: HttpRequest) -> int:
    """The version this text replaces: the one the editor started from, or, after a conflict,
    the newer one they ticked to say they merged it (or mean to replace it)."""
    for field in ("replace_version", "base_version"):
        try:
            return int(request.POST.get(field, ""))
        except ValueError:
            continue
    return 0


@case_view(EDITORS, "edit", action=None)
def edit_case(request: HttpRequest, case: Case) -> HttpResponse:
    if request.method != "POST":
        record(request, Action.VIEW, case, "edit")
        draft_id = request.GET.get("draft")
        if draft_id:
            draft = get_object_or_404(Draft, pk=draft_id, case=case, user=request.user)
            return _form(request, case, draft.text, case.version, restored=draft)
        return _form(request, case, _current_text(case), case.version)
    text = request.POST.get("text", "")
    base = _base_version(request)
    try:
        edited = parse_case_text(text.encode("utf-8"), "case.yaml", today())
    except CaseFileError as error:
        Draft.objects.create(case=case, user=request.user, base_version=base, text=text)
        return _form(request, case, text, base, problems=error.problems)
    if edited.id != case.case_id:
        msg = _("The case id cannot be changed here; put back id: %(id)s.") % {"id": case.case_id}
        return _form(request, case, text, base, problems=[msg])
    try:
        case.save_case_file(edited, request.user, base)  # type: ignore[arg-type]
    except Conflict as conflict:
        conflict.draft.text = text
        Draft.objects.filter(pk=conflict.draft.pk).update(text=text)
        record(request, Action.CONFLICT, case, "edit")
        theirs = _current_text(case)
        return _form(
            request,
            case,
            text,
            base,
            conflict=conflict,
            changes=_changes(text, theirs),
            theirs=theirs,
        )
    record(request, Action.CHANGE, case, "case file")
    messages.success(request, _("Saved. This is version %(v)s.") % {"v": case.version})
    return redirect("cases:case", pk=case.pk)
