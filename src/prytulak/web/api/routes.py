# ruff: noqa: RUF012  (Django Meta options and ninja schemas are class-level lists by design)
"""The JSON API: the same access rules and audit log as the pages.

Authentication is a personal API token (``Authorization: Bearer pry_…``, issued at
``/accounts/tokens/`` after a two-factor login; staff only) or the browser session (with CSRF
on writes; staff roles must have passed two-factor login). Either way the request acts as the
user, with the same access rules and audit log. Writes use the same optimistic locking: send
the version you read.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema, Status
from ninja.security import HttpBearer, SessionAuth

from prytulak.case import CaseFileError, case_from_data, case_to_data
from prytulak.web.accounts.models import ApiToken
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action
from prytulak.web.cases import services
from prytulak.web.cases.access import EDITORS, STAFF, open_case
from prytulak.web.cases.clock import today
from prytulak.web.cases.models import Case, Conflict

__all__ = ["api"]


class VerifiedSession(SessionAuth):
    """A logged-in session; staff roles only after their second factor."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user and user.needs_two_factor and not user.is_verified():
            return None
        return user


class PersonalToken(HttpBearer):
    """A staff member's live API token; the request then acts as that user."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = ApiToken.holder(token)
        if user is None or user.is_client:
            return None
        request.user = user
        return user


api = NinjaAPI(
    title="Prytulak API",
    version="1",
    description="Cases and evidence. Outputs are drafts for an attorney's review, "
    "not legal advice.",
    auth=[PersonalToken(), VerifiedSession()],
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def _denied(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": "You do not have access to this case."}, status=403
    )


class CaseRow(Schema):
    pk: int
    case_id: str
    version: int
    applicant: str


class DeadlineOut(Schema):
    day: str
    latest: str | None = None
    """The last possible day when the deadline counts from an approximate date."""
    id: str
    title: dict[str, str]
    to_verify: bool


class CaseOut(Schema):
    pk: int
    version: int
    case: dict[str, Any]


class CaseIn(Schema):
    version: int
    case: dict[str, Any]


class Problem(Schema):
    detail: str
    problems: list[str] = []
    current_version: int | None = None


class UploadOut(Schema):
    pk: int
    item_id: str
    filename: str
    content_type: str
    size: int
    sha256: str
    state: str
    progress: int
    language: str


def _applicant(case: Case) -> str:
    name = case.data["applicant"]["name"]
    return " ".join(part for part in (name.get("given"), name.get("family")) if part)


@api.get("/cases", response=list[CaseRow], summary="Cases you are a member of")
def list_cases(request: HttpRequest) -> list[dict[str, Any]]:
    rows = Case.objects.where_role(request.user, STAFF)  # type: ignore[arg-type]
    return [
        {"pk": c.pk, "case_id": c.case_id, "version": c.version, "applicant": _applicant(c)}
        for c in rows
    ]


@api.get("/cases/{pk}", response=CaseOut, summary="One case file, with its version")
def get_case(request: HttpRequest, pk: int) -> dict[str, Any]:
    case = open_case(request, pk, STAFF, "api case")
    record(request, Action.VIEW, case, "api case")
    return {"pk": case.pk, "version": case.version, "case": case.data}


@api.put(
    "/cases/{pk}", response={200: CaseOut, 409: Problem, 422: Problem}, summary="Save a case file"
)
def put_case(request: HttpRequest, pk: int, body: CaseIn) -> Any:
    case = open_case(request, pk, EDITORS, "api edit")
    try:
        edited = case_from_data(body.case, "request body", today())
    except CaseFileError as error:
        return Status(
            422,
            {"detail": "the case file is not valid", "problems": [str(p) for p in error.problems]},
        )
    if edited.id != case.case_id:
        return Status(422, {"detail": f"the case id cannot be changed; keep id: {case.case_id}"})
    try:
        case.save_case_file(edited, request.user, body.version)  # type: ignore[arg-type]
    except Conflict:
        record(request, Action.CONFLICT, case, "api edit")
        return Status(
            409,
            {
                "detail": "someone saved this case after the version you sent; your edit is "
                "kept as a draft: fetch the case again, merge, and send the new version",
                "current_version": case.version,
            },
        )
    record(request, Action.CHANGE, case, "api edit")
    return Status(200, {"pk": case.pk, "version": case.version, "case": case_to_data(edited)})


@api.get("/cases/{pk}/deadlines", response=list[DeadlineOut], summary="Dated deadlines")
def deadlines(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    case = open_case(request, pk, STAFF, "api deadlines")
    record(request, Action.VIEW, case, "api deadlines")
    found = services.overview(case.read_file(today()), case.version_key, today())
    return [
        {
            "day": d.day.isoformat(),
            "latest": d.latest.isoformat() if d.ranged and d.latest else None,
            "id": d.kind,
            "title": d.title,
            "to_verify": d.to_verify,
        }
        for d in found.deadlines
    ]


@api.get("/cases/{pk}/assessment", summary="The law engine's assessment (prytulak.law)")
def assessment(request: HttpRequest, pk: int) -> Any:
    case = open_case(request, pk, STAFF, "api assessment")
    record(request, Action.VIEW, case, "api assessment")
    found = services.overview(case.read_file(today()), case.version_key, today())
    if not found.assessment:
        return {"available": False}
    return found.assessment.to_data()


@api.get("/cases/{pk}/evidence", response=list[UploadOut], summary="Uploaded documents")
def evidence(request: HttpRequest, pk: int) -> Any:
    case = open_case(request, pk, STAFF, "api evidence")
    record(request, Action.VIEW, case, "api evidence")
    return list(case.uploads.all())
