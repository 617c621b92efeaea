"""``/healthz``: the smallest Django view, for monitoring and as the load benchmark's floor."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

__all__ = ["healthz"]


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """``ok``: the server answers. Says nothing about any case or user."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
