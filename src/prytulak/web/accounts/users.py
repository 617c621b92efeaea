"""The Users page: an attorney (or administrator) adds colleagues and takes access away.

A new account's one-time password, and a new one issued later, are shown once in the answer
to the POST itself (never in a message, a cookie or a redirect). Deactivating, reactivating,
issuing a new password and resetting the second factor each ask for a confirmation first and
are in the audit log; a deactivated user cannot log in and their API tokens are revoked.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action
from prytulak.web.confirm import confirm_page, confirmed

from .forms import NewUserForm
from .models import ApiToken, Role, User

__all__ = ["Secret", "secret_page", "users_view"]


@dataclass(frozen=True)
class Secret:
    """A password or token shown once on the page that made it."""

    lead: str
    value: str


def secret_page(
    request: HttpRequest, template: str, context: dict[str, object], secret: Secret | None
) -> HttpResponse:
    """The page, with ``secret`` shown once; never cached by the browser or a proxy."""
    response = render(request, template, {**context, "secret": secret})
    if secret is not None:
        add_never_cache_headers(response)
    return response


def may_manage_users(user: User) -> bool:
    return user.role == Role.ATTORNEY or user.is_superuser


@login_required
def users_view(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not may_manage_users(user):
        record(request, Action.DENIED, None, "users")
        raise PermissionDenied(_("Only attorneys can add users."))
    adding = request.method == "POST" and "act" not in request.POST
    form = NewUserForm(request.POST if adding else None)
    secret: Secret | None = None
    if request.method == "POST" and not adding:
        outcome = _act(request, user)
        if isinstance(outcome, HttpResponse):
            return outcome
        if outcome is None:
            return redirect("accounts:users")
        secret = outcome
    elif adding and form.is_valid():
        secret = _add(request, user, form)
    people = User.objects.filter(organization=user.organization).order_by("username")
    return secret_page(request, "accounts/users.html", {"form": form, "people": people}, secret)


def _add(request: HttpRequest, user: User, form: NewUserForm) -> Secret | None:
    name = form.cleaned_data["username"]
    if User.objects.filter(username=name).exists():
        form.add_error("username", _("This username is taken."))
        return None
    password = secrets.token_urlsafe(12)
    User.objects.create_user(
        username=name,
        password=password,
        email=form.cleaned_data["email"],
        role=form.cleaned_data["role"],
        organization=user.organization,
        must_change_password=True,
    )
    record(request, Action.CHANGE, None, f"user added: {name}")
    lead = _("User %(name)s created. One-time password (shown once):") % {"name": name}
    return Secret(lead, password)


# -- taking access away, giving it back ---------------------------------------------------


@dataclass(frozen=True)
class UserAction:
    question: str
    button: str
    detail: str
    do: Callable[[HttpRequest, User], Secret | None]


def _deactivate(request: HttpRequest, person: User) -> None:
    User.objects.filter(pk=person.pk).update(is_active=False)
    revoked = ApiToken.objects.filter(user=person, revoked__isnull=True).update(
        revoked=timezone.now()
    )
    record(request, Action.CHANGE, None, f"user deactivated: {person.username}")
    messages.success(
        request,
        _("%(name)s is deactivated and cannot log in. API tokens revoked: %(n)s.")
        % {"name": person.username, "n": revoked},
    )


def _reactivate(request: HttpRequest, person: User) -> None:
    User.objects.filter(pk=person.pk).update(is_active=True)
    record(request, Action.CHANGE, None, f"user reactivated: {person.username}")
    messages.success(request, _("%(name)s can log in again.") % {"name": person.username})


def _new_password(request: HttpRequest, person: User) -> Secret:
    password = secrets.token_urlsafe(12)
    person.set_password(password)  # also ends the sessions they have open
    person.must_change_password = True
    person.save(update_fields=["password", "must_change_password"])
    record(request, Action.CHANGE, None, f"one-time password issued: {person.username}")
    lead = _("New one-time password for %(name)s (shown once):") % {"name": person.username}
    return Secret(lead, password)


def _reset_two_factor(request: HttpRequest, person: User) -> Secret:
    TOTPDevice.objects.filter(user=person).delete()
    record(request, Action.CHANGE, None, f"two-factor reset: {person.username}")
    secret = _new_password(request, person)
    lead = _(
        "Two-factor login of %(name)s is reset: they set up their authenticator again at the "
        "next login, with this one-time password (shown once):"
    ) % {"name": person.username}
    return Secret(lead, secret.value)


def _actions(person: User) -> dict[str, UserAction]:
    name = {"name": person.username}
    return {
        "deactivate": UserAction(
            _("Deactivate %(name)s?") % name,
            _("Deactivate"),
            _(
                "They can no longer log in, and their API tokens are revoked. Their cases "
                "and the audit log stay."
            ),
            _deactivate,  # type: ignore[arg-type]
        ),
        "reactivate": UserAction(
            _("Reactivate %(name)s?") % name,
            _("Reactivate"),
            "",
            _reactivate,  # type: ignore[arg-type]
        ),
        "password": UserAction(
            _("Issue a new one-time password for %(name)s?") % name,
            _("Issue a new password"),
            _(
                "Their present password stops working at once; they choose a new one at the "
                "next login."
            ),
            _new_password,
        ),
        "reset": UserAction(
            _("Reset the two-factor login of %(name)s?") % name,
            _("Reset two-factor login"),
            _(
                "For a lost phone: their authenticator is removed and a new one-time password "
                "is issued; at the next login they set up both again."
            ),
            _reset_two_factor,
        ),
    }


def _act(request: HttpRequest, user: User) -> HttpResponse | Secret | None:
    """A confirmation page, the secret made, or None (done or refused, with a message)."""
    person = User.objects.filter(
        pk=request.POST.get("user") or 0, organization=user.organization
    ).first()
    action = _actions(person).get(request.POST.get("act", "")) if person else None
    if person is None or action is None:
        messages.error(request, _("No such user in your organization."))
        return None
    if person.pk == user.pk or (person.is_superuser and not user.is_superuser):
        record(request, Action.DENIED, None, f"user change: {person.username}")
        messages.error(request, _("Ask another administrator to change this account."))
        return None
    if not confirmed(request):
        return confirm_page(
            request,
            question=action.question,
            button=action.button,
            back="/accounts/users/",
            detail=action.detail,
        )
    return action.do(request, person)
