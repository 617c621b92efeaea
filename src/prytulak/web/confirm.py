"""Destructive actions ask first: a POST without ``confirmed=1`` answers a confirmation page.

The page repeats what was posted (so the same action follows) with ``confirmed=1`` and a
Cancel link; it works without JavaScript. Nothing is changed until the confirmation comes.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

__all__ = ["confirm_page", "confirmed"]

_NOT_REPEATED = frozenset({"csrfmiddlewaretoken", "confirmed"})


def confirmed(request: HttpRequest) -> bool:
    return request.POST.get("confirmed") == "1"


def confirm_page(
    request: HttpRequest, *, question: str, button: str, back: str, detail: str = ""
) -> HttpResponse:
    """Ask ``question``; ``button`` repeats the posted action, confirmed; ``back`` cancels."""
    fields = [(k, v) for k, v in request.POST.items() if k not in _NOT_REPEATED]
    context = {
        "question": question,
        "detail": detail,
        "button": button,
        "back": back,
        "action": request.get_full_path(),
        "fields": fields,
    }
    return render(request, "confirm.html", context)
