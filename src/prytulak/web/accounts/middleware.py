"""Staff roles reach no page before their second factor; one-time passwords must be changed."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

__all__ = ["IdleSessionMiddleware", "TwoFactorRequiredMiddleware", "UserLanguageMiddleware"]

OPEN_PREFIXES = (
    "/static/",
    "/i18n/",
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/verify/",
    "/accounts/two-factor/",
    "/accounts/password/",
    "/accounts/language/",
)


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not request.path.startswith(OPEN_PREFIXES):
            if request.path.startswith("/api/"):
                return self.get_response(request)  # the API answers 401/403 itself
            if getattr(user, "needs_two_factor", False) and not user.is_verified():  # type: ignore[attr-defined]
                return redirect(f"{reverse('accounts:verify')}?next={request.path}")
            if getattr(user, "must_change_password", False):
                return redirect("accounts:password")
        return self.get_response(request)


class UserLanguageMiddleware:
    """A logged-in user's chosen language wins over the browser's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = getattr(request.user, "language", None)
        if request.user.is_authenticated and language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class IdleSessionMiddleware:
    """Renew a logged-in session's idle timeout at most every ``SESSION_RENEW_SECONDS``.

    Marking the session changed makes SessionMiddleware save it with a new expiry; between
    renewals pages write nothing, so the idle timeout is ``SESSION_COOKIE_AGE`` less up to
    a minute.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.every = int(getattr(settings, "SESSION_RENEW_SECONDS", 60))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = request.session
        if SESSION_KEY in session:
            now = int(time.time())
            if now - int(session.get("_renewed", 0)) >= self.every:
                session["_renewed"] = now
        return response
