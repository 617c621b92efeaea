"""``record``: the one way the web app writes to the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

from .models import Action, AuditEntry

if TYPE_CHECKING:
    from prytulak.web.cases.models import Case

__all__ = ["client_address", "record"]


def client_address(request: HttpRequest) -> str | None:
    """The peer address (``REMOTE_ADDR``); proxies' headers are not trusted."""
    return request.META.get("REMOTE_ADDR") or None


def record(
    request: HttpRequest, action: Action, case: Case | None = None, target: str = ""
) -> AuditEntry:
    user = request.user if request.user.is_authenticated else None
    return AuditEntry.objects.create(
        user=user,
        username=getattr(user, "username", "") or request.POST.get("username", "")[:150],
        case_pk=case.pk if case is not None else None,
        case_label=case.label if case is not None else "",
        action=action,
        target=target[:200],
        address=client_address(request),
    )
