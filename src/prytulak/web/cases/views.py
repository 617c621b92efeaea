"""Dashboard, case page, demo loading: thin views over the domain verbs (see services.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prytulak.case import CaseFileError
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action

from . import services
from .access import ANYONE, EDITORS, STAFF, case_view
from .clock import today
from .demo import demo_names, load_demo
from .describe import DescribeForm, event_choices
from .models import Case
from .starting import STARTERS

__all__ = ["case_page", "dashboard", "load_demo_case"]


def _summary(case: Case) -> dict[str, object]:
    day = today()
    try:
        case_file = case.read_file(day)
    except CaseFileError as error:
        return {"case": case, "problems": error.problems}
    found = services.overview(case_file, case.version_key, day)
    return {
        "case": case,
        "name": case_file.applicant.name.full(),
        "deadlines": found.next_deadlines(day),
        "blocking": found.blocking,
    }


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every case the user belongs to, with its next deadlines and blocking findings."""
    if request.user.is_client:  # type: ignore[union-attr]
        return _client_home(request)
    cases = Case.objects.visible_to(request.user).defer("data")  # type: ignore[arg-type]
    rows = [_summary(c) for c in cases]
    return render(
        request,
        "cases/dashboard.html",
        {
            "rows": rows,
            "demos": demo_names(),
            "today": today(),
            "can_start": request.user.role in STARTERS,  # type: ignore[union-attr]
        },
    )


def _client_home(request: HttpRequest) -> HttpResponse:
    """A client's own case's questionnaire; a list when they are on more than one case."""
    own = list(Case.objects.visible_to(request.user).defer("data")[:50])  # type: ignore[arg-type]
    if len(own) == 1:
        return redirect("intake:portal", pk=own[0].pk)
    return render(request, "cases/none.html", {"cases": own})


@login_required
@require_POST
def load_demo_case(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_client or user.organization_id is None:  # type: ignore[union-attr]
        record(request, Action.DENIED, None, "demo")
        raise PermissionDenied(_("Only staff of an organization can load demo cases."))
    try:
        case = load_demo(request.POST.get("name", ""), user)  # type: ignore[arg-type]
    except (ValueError, CaseFileError) as error:
        messages.error(request, str(error))
        return redirect("cases:dashboard")
    record(request, Action.CREATE, case, "demo")
    messages.success(request, _("Demo case %(id)s loaded.") % {"id": case.case_id})
    return redirect("cases:case", pk=case.pk)


@case_view(STAFF, "case page", data=False)
def case_page(request: HttpRequest, case: Case) -> HttpResponse:
    """Assessment, review findings, timeline, evidence, country conditions, screening."""
    day = today()
    try:
        case_file = case.read_file(day)
    except CaseFileError as error:
        return render(request, "cases/broken.html", {"case": case, "error": error}, status=200)
    key = case.version_key
    # What depends only on the version is worked out when the page's cached part is rendered
    # (lazily): when that part comes from the cache, none of it is computed.
    found = SimpleLazyObject(lambda: services.overview(case_file, key, day))
    context = {
        "case": case,
        "file": case_file,
        "today": day,
        "overview": found,
        "deadlines": SimpleLazyObject(lambda: found.shown(day)),
        "events": SimpleLazyObject(lambda: case_file.claim.timeline()),
        "findings": SimpleLazyObject(lambda: services.assessment_rows(found.assessment)),
        "profiles": SimpleLazyObject(lambda: services.country_profiles(case_file, key)),
        "screening": services.screening_hits(case_file),
        "uploads": case.uploads.all(),
        "can_withdraw": request.user.role in EDITORS,  # type: ignore[union-attr]
        "describe": SimpleLazyObject(lambda: DescribeForm(event_choices(case_file))),
        "describe_fields": True,
        "role": getattr(case, "viewer_role", None) or case.role_of(request.user),  # type: ignore[arg-type]
    }
    return render(request, "cases/case.html", context)


@case_view(ANYONE, "timeline", action=None, data=False)
def timeline_fragment(request: HttpRequest, case: Case) -> HttpResponse:
    """The events timeline alone (HTMX fragment), for the intake and the case page."""
    record(request, Action.VIEW, case, "timeline")
    case_file = case.read_file(today())
    events = sorted(case_file.claim.events, key=lambda e: e.date.sort_key())
    return render(request, "cases/_timeline.html", {"events": events, "case": case})
