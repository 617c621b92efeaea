"""Who may open which case: membership first, then the member's role. Refusals are logged."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from prytulak.web.accounts.models import Role
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action

from .models import Case, Membership

__all__ = ["STAFF", "case_view", "open_case"]

STAFF = (Role.ATTORNEY, Role.STAFF, Role.TRANSLATOR)
EDITORS = (Role.ATTORNEY, Role.STAFF)
ATTORNEY = (Role.ATTORNEY,)
ANYONE = (*STAFF, Role.CLIENT)


def open_case(
    request: HttpRequest, pk: int, roles: Iterable[str], target: str, data: bool = True
) -> Case:
    """The case if the user is a member with one of ``roles``; else 403, and it is logged.

    One query: the user's membership of the case, with the case (and who saved it last).
    ``data=False`` leaves the case file's JSON unread: pages that show a version already
    parsed in this process (``Case.read_file``) do not decode it again.

    A case that does not exist answers the same 403 as one the user may not see, so that
    case numbers cannot be probed.
    """
    found = Membership.objects.select_related("case", "case__updated_by")
    if not data:
        found = found.defer("case__data")
    membership = next(iter(found.filter(case_id=pk, user_id=request.user.pk)[:1]), None)
    case = membership.case if membership is not None else None
    role = membership.role if membership is not None else None
    same_org = case is not None and case.organization_id == request.user.organization_id  # type: ignore[union-attr]
    if case is None or role not in roles or not same_org:
        record(request, Action.DENIED, case or Case.objects.filter(pk=pk).first(), target)
        raise PermissionDenied("You do not have access to this case.")
    case.viewer_role = role  # type: ignore[attr-defined]  # the views need it; asked once
    return case


def case_view(
    roles: Iterable[str], target: str, action: Action | None = Action.VIEW, data: bool = True
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate ``view(request, case, ...)``: login, membership and role checks, audit entry.

    ``data=False``: the view reads the case file only through ``Case.read_file``.
    """
    allowed = tuple(roles)

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
            case = open_case(request, pk, allowed, target, data)
            if action is not None and request.method == "GET":
                record(request, action, case, target)
            return view(request, case, *args, **kwargs)

        return wrapper

    return decorate
