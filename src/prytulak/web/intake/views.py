"""The client's pages: their case's home, each questionnaire step (saved as they go), uploads."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prytulak.case import CaseFile, CaseFileError, case_from_data
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action
from prytulak.web.cases.access import ANYONE, case_view
from prytulak.web.cases.clock import today
from prytulak.web.cases.describe import DescribeForm, event_choices
from prytulak.web.cases.models import Case, Conflict, Draft
from prytulak.web.confirm import confirm_page, confirmed
from prytulak.web.date_problems import date_problem_in_words

from .sections import Section, StaleRecord
from .steps import STEPS, Step, step_named, visible_steps

__all__ = ["portal", "step_view"]

STALE = gettext_lazy(
    "Someone else changed this answer while you were writing. Your answers are below, not "
    "saved yet; look at the saved ones, then save again."
)


@case_view(ANYONE, "intake home")
def portal(request: HttpRequest, case: Case) -> HttpResponse:
    """The client's home: the steps, their own uploads, and the language switch."""
    uploads = case.uploads.filter(user=request.user)
    steps = [(s, s.answered(case.data)) for s in visible_steps(case.data, today())]
    context = {"case": case, "steps": steps, "uploads": uploads}
    return render(request, "intake/portal.html", context)


@dataclass
class Shown:
    """One section on the page: its form, its saved records, the record being changed."""

    section: Section
    form: forms.Form
    key: str = ""
    records: list[tuple[str, str]] = field(default_factory=list)
    """(key, one line) per record of a list."""
    problems: list[str] = field(default_factory=list)
    exists: bool = False
    """A single record that is in the case file (it can be removed)."""


def _form(step: Step, section: Section, case: Case, key: str, data: object = None) -> forms.Form:
    prefix = section.name if step.prefixed else None
    try:
        initial = section.initial(case.data, key)
    except StaleRecord:
        initial = {}
    return section.form(data, initial=initial, prefix=prefix)  # type: ignore[arg-type]


def _shown(step: Step, section: Section, case: Case, key: str, bound: Shown | None) -> Shown:
    if bound is not None and bound.section is section:
        shown = bound
    else:
        shown = Shown(section, _form(step, section, case, key), key)
    if section.many:
        keys = section.keys(case.data)
        lines = [section.describe(r, shown.form) for r in section.records(case.data)]
        shown.records = list(zip(keys, lines, strict=True))
    elif section.read is None:
        shown.exists = section.record(case.data) is not None
        shown.key = shown.key or section.key_of(section.record(case.data))
    return shown


class _Refused(Exception):
    """Not saved: problems for the whole form, and problems placed next to their fields."""

    def __init__(
        self,
        problems: list[str],
        key: str | None = None,
        by_field: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__("not saved")
        self.problems = problems
        self.key = key
        self.by_field = by_field or {}


def _edited(
    case: Case, section: Section, answers: dict[str, object], key: str, remove: bool
) -> CaseFile:
    """The case file with the answers applied, or ``_Refused`` saying why it cannot be."""
    data = copy.deepcopy(case.data)
    index = None
    try:
        if remove:
            section.remove(data, key)
        else:
            index = section.apply(data, answers, key)
    except StaleRecord as stale:
        raise _Refused([str(STALE)], stale.current_key) from stale
    try:
        return case_from_data(data, f"intake {section.name}", today())
    except CaseFileError as error:
        raise _placed(error, section, index) from error


def _placed(error: CaseFileError, section: Section, index: int | None) -> _Refused:
    lead = _("This answer cannot be saved as it is: %(why)s")
    by_field: dict[str, list[str]] = {}
    rest: list[str] = []
    for problem in error.problems:
        name = section.field_of(problem, index)
        if name is None:
            where = _step_of(problem.path)
            why = _in_words(problem.message)
            if where is not None:
                why = _("another answer, in the step “%(step)s”: %(why)s") % {
                    "step": where,
                    "why": why,
                }
            rest.append(lead % {"why": why})
        else:
            by_field.setdefault(name, []).append(lead % {"why": _in_words(problem.message)})
    return _Refused(rest, None, by_field)


def _in_words(message: str) -> str:
    """The case file's two commonest date problems, in the client's language."""
    return date_problem_in_words(
        message, _("%(value)s is before your date of birth (%(born)s); check both dates.")
    )


_ABOUT_PATHS = ("applicant.name", "applicant.birth")
"""The about step reads and writes through hooks; these are the answers it holds."""


def _step_of(path: str) -> str | None:
    """The title of the questionnaire step whose answers hold ``path`` (the most specific)."""
    candidates: list[tuple[int, str]] = []
    for step in STEPS:
        prefixes = [
            ".".join(str(p) for p in section.path if not isinstance(p, int))
            for section in step.sections
        ]
        if step.name == "about":
            prefixes += list(_ABOUT_PATHS)
        for prefix in prefixes:
            if prefix and (path == prefix or path.startswith((prefix + ".", prefix + "["))):
                candidates.append((len(prefix), str(step.title)))
    return max(candidates)[1] if candidates else None


def _save(request: HttpRequest, case: Case, section: Section, shown: Shown, remove: bool) -> bool:
    """Save; on a concurrent save elsewhere, apply the answers again to the newer version."""
    answers = dict(shown.form.cleaned_data) if not remove else {}
    answers = {k: (v.strip() if isinstance(v, str) else v) for k, v in answers.items()}
    for _attempt in range(3):
        try:
            edited = _edited(case, section, answers, shown.key, remove)
        except _Refused as refused:
            _refused(shown, refused)
            return False
        try:
            case.save_case_file(edited, request.user, case.version)  # type: ignore[arg-type]
        except Conflict as conflict:
            Draft.objects.filter(pk=conflict.draft.pk).delete()
            continue
        record(request, Action.CHANGE, case, f"intake {section.name}")
        return True
    shown.problems.append(
        _("Someone else is saving this case right now. Your answers are kept; save again.")
    )
    return False


def _refused(shown: Shown, refused: _Refused) -> None:
    shown.problems += refused.problems
    if refused.key is not None:
        shown.key = refused.key
    for name, found in refused.by_field.items():
        for message in found:
            if shown.form.is_bound:
                shown.form.add_error(name, message)
            else:
                shown.problems.append(message)


def _keep_draft(request: HttpRequest, case: Case, step: Step, shown: Shown) -> None:
    """What the client typed, kept even though it was not saved."""
    answers = {k: v for k, v in shown.form.data.items() if k != "csrfmiddlewaretoken"}
    text = json.dumps(
        {"step": step.name, "section": shown.section.name, "answers": answers},
        ensure_ascii=False,
        default=str,
    )
    Draft.objects.create(case=case, user=request.user, base_version=case.version, text=text)


def _post(request: HttpRequest, case: Case, step: Step) -> tuple[Shown | None, HttpResponse | None]:
    section = step.section(request.POST.get("section"))
    if section is None:
        raise Http404("no such section")
    remove = "remove" in request.POST
    key = request.POST.get("key", "")
    form = _form(step, section, case, key, None if remove else request.POST)
    if remove and not confirmed(request):
        return None, _confirm_removal(request, case, step, section, form, key)
    shown = Shown(section, form, key)
    if (remove or form.is_valid()) and _save(request, case, section, shown, remove):
        messages.success(request, _("Removed.") if remove else _("Saved."))
        return None, _after_save(case, step)
    if remove:
        messages.error(request, " ".join(shown.problems))
        return None, redirect("intake:step", pk=case.pk, name=step.name)
    _keep_draft(request, case, step, shown)
    return shown, None


def _confirm_removal(
    request: HttpRequest, case: Case, step: Step, section: Section, form: forms.Form, key: str
) -> HttpResponse:
    """Ask before an answer is taken out, naming it (the line the list shows)."""
    entry = section.record(case.data)
    if section.many:
        entry = dict(zip(section.keys(case.data), section.records(case.data), strict=True)).get(key)
    line = section.describe(entry, form) if entry else ""
    return confirm_page(
        request,
        question=_("Remove this answer?"),
        detail=line or str(section.title or ""),
        button=_("Remove"),
        back=reverse("intake:step", args=(case.pk, step.name)) + f"#s-{section.name}",
    )


def _after_save(case: Case, step: Step) -> HttpResponse:
    steps = visible_steps(case.data, today())
    index = steps.index(step) if step in steps else len(steps)
    if step.moves_on and index + 1 < len(steps):
        return redirect("intake:step", pk=case.pk, name=steps[index + 1].name)
    return redirect(reverse("intake:step", args=(case.pk, step.name)))


@case_view(ANYONE, "intake step", action=None)
def step_view(request: HttpRequest, case: Case, name: str) -> HttpResponse:
    step = step_named(name)
    steps = visible_steps(case.data, today())
    if step is None or step not in steps:
        raise Http404(name)
    bound: Shown | None = None
    if request.method == "POST":
        bound, response = _post(request, case, step)
        if response is not None:
            return response
    else:
        record(request, Action.VIEW, case, f"intake {step.name}")
    editing, _, edit_key = request.GET.get("edit", "").partition(":")
    sections = [
        _shown(step, s, case, edit_key if s.name == editing else "", bound) for s in step.sections
    ]
    index = steps.index(step)
    context = {
        "case": case,
        "step": step,
        "sections": sections,
        "failed": bound is not None,
        "steps": steps,
        "following": steps[index + 1] if index + 1 < len(steps) else None,
        "index": index + 1,
        "uploads": case.uploads.filter(user=request.user) if not step.sections else (),
        "describe": DescribeForm(event_choices(case.data)) if not step.sections else None,
        "describe_fields": not step.sections,
    }
    return render(request, "intake/step.html", context, status=422 if bound else 200)
