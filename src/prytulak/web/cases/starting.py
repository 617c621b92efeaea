"""A new case from the web: the passport names, birth date and last arrival, then the intake.

Staff of an organization start a case (attorneys and staff; not translators or clients); the
case file is made by ``prytulak.case.new_case``, the same as ``prytulak case new``, so it holds
only what was entered: no answers to questions nobody asked.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prytulak.case import (
    CaseFile,
    CaseFileError,
    EntryManner,
    Problem,
    case_from_data,
    case_to_data,
)
from prytulak.case.starting import new_case
from prytulak.web.accounts.models import Role, User
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action
from prytulak.web.date_problems import date_problem_in_words
from prytulak.web.intake.fields import ApproxDateField
from prytulak.web.intake.travel_forms import ENTRY_MANNERS

from .clock import today
from .demo import free_case_id
from .models import Case, Membership

__all__ = ["NewCaseForm", "new_case_view"]

STARTERS = frozenset({Role.ATTORNEY, Role.STAFF})
MANNERS = [("", gettext_lazy("No arrival recorded yet")), *ENTRY_MANNERS]
FIELD_OF_PATH = (("applicant.name.family", "family"), ("applicant.name.given", "given"),
                 ("applicant.birth", "birth"), ("travel.us_entries", "arrival"))  # fmt: skip
"""Where a case-file problem is shown on the form (by the start of its path)."""


class NewCaseForm(forms.Form):
    family = forms.CharField(label=gettext_lazy("Family name, as in the passport (Latin letters)"))
    given = forms.CharField(label=gettext_lazy("Given name, as in the passport (Latin letters)"))
    birth = ApproxDateField(label=gettext_lazy("Date of birth"))
    arrival = ApproxDateField(
        label=gettext_lazy("Date of the last arrival in the US"), required=False
    )
    port = forms.CharField(label=gettext_lazy("Place of the last arrival"), required=False)
    manner = forms.ChoiceField(
        label=gettext_lazy("Status at entry"), choices=MANNERS, required=False
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        for name in ("family", "given"):
            value = str(cleaned.get(name) or "")
            if value and not all(c.isascii() for c in value):
                self.add_error(
                    name,
                    _("Write the name in Latin letters exactly as in the passport; the "
                      "Cyrillic spelling is asked in the questionnaire."),
                )  # fmt: skip
        if cleaned.get("arrival") and not cleaned.get("manner"):
            self.add_error("manner", _("Say how the applicant entered (the status at entry)."))
        return cleaned


@login_required
def new_case_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.role not in STARTERS or user.organization_id is None:  # type: ignore[union-attr]
        record(request, Action.DENIED, None, "new case")
        raise PermissionDenied(_("Only attorneys and staff of an organization start cases."))
    form = NewCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case_file = _valid_case_file(form)
        if case_file is not None:
            case = _create(case_file, user)  # type: ignore[arg-type]
            record(request, Action.CREATE, case, "new case")
            messages.success(request, _("Case %(id)s started.") % {"id": case.case_id})
            return redirect("cases:case", pk=case.pk)
    return render(request, "cases/new.html", {"form": form}, status=422 if form.errors else 200)


def _valid_case_file(form: NewCaseForm) -> CaseFile | None:
    """The case file the answers make, checked as every save is; None with the problems put
    on the form (next to the answer they are about) when it would not validate."""
    data = form.cleaned_data
    try:
        case_file = new_case(
            data["family"],
            data["given"],
            data["birth"],
            data["arrival"] or None,
            data["port"] or None,
            EntryManner(data["manner"]) if data["manner"] else None,
        )
        return case_from_data(case_to_data(case_file), "new case", today())
    except CaseFileError as error:
        for problem in error.problems:
            form.add_error(_field_of(problem), _in_words(problem.message))
    except ValueError as error:
        form.add_error(None, str(error))
    return None


def _field_of(problem: Problem) -> str | None:
    return next((name for path, name in FIELD_OF_PATH if problem.path.startswith(path)), None)


def _in_words(message: str) -> str:
    """The two date problems a new case can have, in the user's language."""
    return date_problem_in_words(
        message,
        _("%(value)s is before the applicant's date of birth (%(born)s); check both dates."),
    )


@transaction.atomic
def _create(case_file: CaseFile, user: User) -> Case:
    case_file = case_file.model_copy(update={"id": free_case_id(case_file.id, user)})
    row = Case.objects.create(
        organization=user.organization,
        case_id=case_file.id,
        data=case_to_data(case_file),
        updated_by=user,
    )
    Membership.objects.create(case=row, user=user, role=user.role)
    return row
