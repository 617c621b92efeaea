"""Staff roles reach no page before their second factor; one-time passwords must be changed."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

__all__ = ["TwoFactorRequiredMiddleware", "UserLanguageMiddleware"]

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
