"""Who works on a case: the attorney adds colleagues of the organization and the client."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from prytulak.web.accounts.models import Role, User
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action

from .access import ATTORNEY, case_view
from .models import Case, Membership

__all__ = ["members"]


def _add_colleague(request: HttpRequest, case: Case) -> None:
    username = request.POST.get("username", "").strip()
    colleague = User.objects.filter(username=username, organization=case.organization).first()
    if colleague is None:
        messages.error(request, _("No user %(name)s in your organization.") % {"name": username})
        return
    try:
        with transaction.atomic():
            Membership.objects.create(case=case, user=colleague, role=colleague.role)
    except IntegrityError:
        messages.info(request, _("%(name)s is already on this case.") % {"name": username})
        return
    record(request, Action.CHANGE, case, f"member added: {username}")
    messages.success(request, _("%(name)s added to the case.") % {"name": username})


def _invite_client(request: HttpRequest, case: Case) -> None:
    username = request.POST.get("client_username", "").strip()
    if not username or User.objects.filter(username=username).exists():
        messages.error(request, _("Choose a new, unused username for the client."))
        return
    password = secrets.token_urlsafe(12)
    client = User.objects.create_user(
        username=username,
        password=password,
        organization=case.organization,
        role=Role.CLIENT,
        language=request.POST.get("language", "ru"),
        must_change_password=True,
    )
    Membership.objects.create(case=case, user=client, role=Role.CLIENT)
    record(request, Action.CHANGE, case, f"client invited: {username}")
    messages.success(
        request,
        _("Client account %(name)s created. One-time password (shown once): %(pw)s")
        % {"name": username, "pw": password},
    )


@case_view(ATTORNEY, "members", action=None)
def members(request: HttpRequest, case: Case) -> HttpResponse:
    if request.method == "POST":
        if "client_username" in request.POST:
            _invite_client(request, case)
        else:
            _add_colleague(request, case)
        return redirect("cases:members", pk=case.pk)
    record(request, Action.VIEW, case, "members")
    rows = case.memberships.select_related("user").order_by("role", "user__username")
    return render(request, "cases/members.html", {"case": case, "rows": rows})
