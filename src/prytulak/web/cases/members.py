"""Who works on a case: the attorney adds colleagues of the organization and the client, and
takes someone off the case (after a confirmation; never themselves, so an attorney stays).

A new client account's one-time password is shown once in the answer to the POST itself,
never in a message or a cookie.
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from prytulak.web.accounts.models import Role, User
from prytulak.web.accounts.users import Secret, secret_page
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action
from prytulak.web.confirm import confirm_page, confirmed

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


def _invite_client(request: HttpRequest, case: Case) -> Secret | None:
    username = request.POST.get("client_username", "").strip()
    if not username or User.objects.filter(username=username).exists():
        messages.error(request, _("Choose a new, unused username for the client."))
        return None
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
    lead = _("Client account %(name)s created. One-time password (shown once):") % {
        "name": username
    }
    return Secret(lead, password)


def _remove(request: HttpRequest, case: Case) -> HttpResponse | None:
    """A confirmation page, or None once removed (or refused, with a message)."""
    membership = (
        case.memberships.select_related("user").filter(pk=request.POST.get("remove") or 0).first()
    )
    if membership is None:
        messages.error(request, _("That person is no longer on this case."))
        return None
    name = membership.user.username
    if membership.user_id == request.user.pk:
        messages.error(request, _("You cannot take yourself off a case; ask another attorney."))
        return None
    if not confirmed(request):
        return confirm_page(
            request,
            question=_("Take %(name)s off this case?") % {"name": name},
            button=_("Remove from the case"),
            back=f"/cases/{case.pk}/members/",
            detail=_("They no longer see the case or its documents. Their account stays."),
        )
    membership.delete()
    record(request, Action.CHANGE, case, f"member removed: {name}")
    messages.success(request, _("%(name)s is no longer on this case.") % {"name": name})
    return None


@case_view(ATTORNEY, "members", action=None)
def members(request: HttpRequest, case: Case) -> HttpResponse:
    secret = None
    if request.method == "POST":
        if "remove" in request.POST:
            return _remove(request, case) or redirect("cases:members", pk=case.pk)
        if "client_username" not in request.POST:
            _add_colleague(request, case)
            return redirect("cases:members", pk=case.pk)
        secret = _invite_client(request, case)
        if secret is None:
            return redirect("cases:members", pk=case.pk)
    else:
        record(request, Action.VIEW, case, "members")
    rows = case.memberships.select_related("user").order_by("role", "user__username")
    return secret_page(request, "cases/members.html", {"case": case, "rows": rows}, secret)
