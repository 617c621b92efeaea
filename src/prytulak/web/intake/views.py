"""The client's pages: their case's home, each questionnaire step (saved as they go), uploads."""

from __future__ import annotations

import copy
import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from prytulak.case import CaseFile, CaseFileError, case_from_data
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action
from prytulak.web.cases.access import ANYONE, case_view
from prytulak.web.cases.clock import today
from prytulak.web.cases.models import Case, Conflict, Draft

from .steps import STEPS, Step, step_named

__all__ = ["portal", "step_view"]


@case_view(ANYONE, "intake home")
def portal(request: HttpRequest, case: Case) -> HttpResponse:
    """The client's home: the steps, their own uploads, and the language switch."""
    uploads = case.uploads.filter(user=request.user)
    context = {"case": case, "steps": STEPS, "uploads": uploads}
    return render(request, "intake/portal.html", context)


def _apply(case: Case, step: Step, answers: dict[str, object]) -> CaseFile:
    data = copy.deepcopy(case.data)
    step.apply(data, answers)
    return case_from_data(data, f"intake step {step.name}", today())


def _save(request: HttpRequest, case: Case, step: Step, answers: dict[str, object]) -> list[str]:
    """Save the answers; on a concurrent change, apply them again to the newer version."""
    for _attempt in range(3):
        try:
            edited = _apply(case, step, answers)
        except CaseFileError as error:
            return [p.message for p in error.problems]
        try:
            case.save_case_file(edited, request.user, case.version)  # type: ignore[arg-type]
        except Conflict as conflict:
            Draft.objects.filter(pk=conflict.draft.pk).delete()
            continue
        record(request, Action.CHANGE, case, f"intake {step.name}")
        return []
    return [_("Someone else is saving this case right now. Your answers are kept; save again.")]


@case_view(ANYONE, "intake step", action=None)
def step_view(request: HttpRequest, case: Case, name: str) -> HttpResponse:
    step = step_named(name)
    if step is None:
        raise Http404(name)
    index = STEPS.index(step)
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    form = step.form(request.POST or None, initial=step.initial(case.data)) if step.form else None
    problems: list[str] = []
    if request.method == "POST" and form is not None and form.is_valid():
        answers = {
            k: (v.strip() if isinstance(v, str) else v) for k, v in form.cleaned_data.items()
        }
        problems = _save(request, case, step, answers)
        if not problems:
            messages.success(request, _("Saved."))
            target = step if step.name == "events" or following is None else following
            return redirect("intake:step", pk=case.pk, name=target.name)
        Draft.objects.create(
            case=case,
            user=request.user,
            base_version=case.version,
            text=json.dumps({"step": step.name, "answers": answers}, ensure_ascii=False),
        )
    elif request.method != "POST":
        record(request, Action.VIEW, case, f"intake {step.name}")
    events = case.data.get("claim", {}).get("events", []) if step.name == "events" else []
    context = {
        "case": case,
        "step": step,
        "form": form,
        "problems": problems,
        "steps": STEPS,
        "following": following,
        "events": events,
        "index": index + 1,
        "uploads": case.uploads.filter(user=request.user),
    }
    return render(request, "intake/step.html", context, status=422 if problems else 200)
