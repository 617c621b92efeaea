"""Login with throttling, the second factor (TOTP), password change, users of an organization."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from prytulak.web.audit.log import client_address, record
from prytulak.web.audit.models import Action
from prytulak.web.confirm import confirm_page, confirmed

from .forms import CodeForm, LoginForm, TokenForm
from .models import ApiToken, LoginFailure, User
from .users import Secret, secret_page

__all__ = [
    "language_view",
    "login_view",
    "logout_view",
    "password_view",
    "setup_view",
    "tokens_view",
    "verify_view",
]


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return str(settings.LOGIN_REDIRECT_URL)


def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        name, address = form.cleaned_data["username"], client_address(request)
        if LoginFailure.recent(name, address) >= settings.LOGIN_FAILURE_LIMIT:
            minutes = settings.LOGIN_FAILURE_WINDOW_SECONDS // 60
            form.add_error(
                None, _("Too many failed attempts. Wait %(m)s minutes.") % {"m": minutes}
            )
            return render(request, "accounts/login.html", {"form": form}, status=429)
        user = authenticate(request, username=name, password=form.cleaned_data["password"])
        if user is None:
            LoginFailure.record(name, address)
            record(request, Action.LOGIN_FAILED, None, "login")
            form.add_error(None, _("Wrong username or password."))
        else:
            LoginFailure.clear(name)
            login(request, user)
            record(request, Action.LOGIN, None, "password")
            return redirect(f"/accounts/verify/?next={_next(request)}")
    return render(request, "accounts/login.html", {"form": form, "next": _next(request)})


def _device(user: User, confirmed: bool) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


@login_required
def verify_view(request: HttpRequest) -> HttpResponse:
    """Second step: a TOTP code. Users without a device are sent to set one up."""
    user = request.user
    if not user.needs_two_factor or user.is_verified():  # type: ignore[union-attr]
        return redirect(_next(request))
    device = _device(user, confirmed=True)  # type: ignore[arg-type]
    if device is None:
        return redirect(f"/accounts/two-factor/setup/?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_is_allowed()[0] and device.verify_token(form.cleaned_data["code"]):
            otp_login(request, device)
            record(request, Action.LOGIN, None, "two-factor")
            return redirect(_next(request))
        record(request, Action.LOGIN_FAILED, None, "two-factor")
        form.add_error("code", _("That code is not right. Check the time on your phone."))
    return render(request, "accounts/verify.html", {"form": form, "next": _next(request)})


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    stream = io.BytesIO()
    image.save(stream)
    return "data:image/svg+xml;base64," + base64.b64encode(stream.getvalue()).decode("ascii")


@login_required
def setup_view(request: HttpRequest) -> HttpResponse:
    """Pair an authenticator app: scan the QR code (or type the key), then confirm a code."""
    user = request.user
    if _device(user, confirmed=True) is not None:  # type: ignore[arg-type]
        return redirect(f"/accounts/verify/?next={_next(request)}")
    device = _device(user, confirmed=False) or TOTPDevice.objects.create(  # type: ignore[arg-type]
        user=user, name="authenticator", confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            record(request, Action.CHANGE, None, "two-factor set up")
            messages.success(request, _("Two-factor login is on."))
            return redirect(_next(request))
        form.add_error("code", _("That code is not right. Check the time on your phone."))
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    context = {
        "form": form,
        "qr": _qr_svg(device.config_url),
        "secret": secret,
        "next": _next(request),
    }
    return render(request, "accounts/setup.html", context)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:login")


@login_required
def password_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        User.objects.filter(pk=user.pk).update(must_change_password=False)
        update_session_auth_hash(request, form.user)
        record(request, Action.CHANGE, None, "password")
        messages.success(request, _("Password changed."))
        return redirect("cases:dashboard")
    return render(request, "accounts/password.html", {"form": form})


@login_required
def tokens_view(request: HttpRequest) -> HttpResponse:
    """A staff member's own API tokens: issue one (shown once, in this answer only), see when
    each was used, revoke one (after a confirmation)."""
    user = request.user
    if user.is_client:  # type: ignore[union-attr]
        record(request, Action.DENIED, None, "api tokens")
        raise PermissionDenied(_("API tokens are for your attorney's office."))
    mine = ApiToken.objects.filter(user=user)
    if request.method == "POST" and "revoke" in request.POST:
        return _revoke(request, mine)
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        token, value = ApiToken.issue(user, form.cleaned_data["name"])  # type: ignore[arg-type]
        record(request, Action.CREATE, None, f"api token: {token.name}")
        lead = _("Token %(name)s (copy it now; it is not shown again):") % {"name": token.name}
        secret = Secret(lead, value)
        form = TokenForm()
    context = {"form": form, "tokens": mine}
    return secret_page(request, "accounts/tokens.html", context, secret)


def _revoke(request: HttpRequest, mine: QuerySet[ApiToken]) -> HttpResponse:
    token = mine.filter(pk=request.POST.get("revoke") or 0, revoked__isnull=True).first()
    if token is None:
        return redirect("accounts:tokens")
    if not confirmed(request):
        return confirm_page(
            request,
            question=_("Revoke the token %(name)s?") % {"name": token.name},
            button=_("Revoke"),
            back="/accounts/tokens/",
            detail=_("Scripts using it are refused at once. This cannot be undone."),
        )
    mine.filter(pk=token.pk).update(revoked=timezone.now())
    record(request, Action.CHANGE, None, f"api token revoked: {token.name}")
    messages.success(request, _("Token %(name)s revoked.") % {"name": token.name})
    return redirect("accounts:tokens")


@require_POST
def language_view(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered on the account and in a cookie."""
    language = request.POST.get("language", "")
    target = _next(request)
    response = redirect(target)
    if language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            User.objects.filter(pk=request.user.pk).update(language=language)
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
    return response
