"""The filing package page: build in the background with progress, download zip or documents.

Attorneys and staff of the case build and download packages; translators and clients do not
(see docs/decisions/0703-web-filing-package.md). Every build and download is in the audit log.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prytulak.case import CaseFileError
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action

from . import packages, services
from .access import EDITORS, case_view
from .clock import today
from .models import Case, PackageBuild

__all__ = ["build", "build_status", "download_file", "download_zip", "package_page"]

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".json": "application/json",
}


def _blocking(case: Case) -> tuple[services.BlockingLine, ...] | None:
    """The open blocking findings (law engine and review); None when the case does not load."""
    day = today()
    try:
        case_file = case.read_file(day)
    except CaseFileError:
        return None
    return services.overview(case_file, case.version_key, day).blocking


ACTIVE = (PackageBuild.State.QUEUED, PackageBuild.State.RUNNING)


@case_view(EDITORS, "package")
def package_page(request: HttpRequest, case: Case) -> HttpResponse:
    """Past builds, the one in progress, and the warning while blocking findings are open."""
    builds = list(case.packages.select_related("user")[:10])
    context = {
        "case": case,
        "builds": builds,
        "blocking": _blocking(case),
        "building": any(b.active for b in builds),
    }
    return render(request, "cases/package.html", context)


@case_view(EDITORS, "package build", action=None)
@require_POST
def build(request: HttpRequest, case: Case) -> HttpResponse:
    if case.packages.filter(state__in=ACTIVE):
        messages.info(request, _("A package is already being built for this case."))
        return redirect("cases:package", pk=case.pk)
    started = packages.start_build(case, request.user)  # type: ignore[arg-type]
    record(request, Action.EXPORT, case, f"package build {started.pk} (v{case.version})")
    started.refresh_from_db()
    if started.state == PackageBuild.State.FAILED:
        messages.error(
            request, _("The package could not be built: %(why)s") % {"why": started.message}
        )
    else:
        messages.success(request, _("Building the filing package. This page shows the progress."))
    return redirect("cases:package", pk=case.pk)


def _build_of(case: Case, build_pk: int) -> PackageBuild:
    return get_object_or_404(PackageBuild, pk=build_pk, case=case)


@case_view(EDITORS, "package status", action=None)
def build_status(request: HttpRequest, case: Case, build_pk: int) -> HttpResponse:
    """HTMX fragment that polls itself while the build runs."""
    found = _build_of(case, build_pk)
    building = case.packages.filter(state__in=ACTIVE).exists()
    # The page's Build button follows (HTMX out-of-band swap): enabled once no build runs.
    context = {"case": case, "b": found, "oob": True, "building": building}
    return render(request, "cases/_package_build.html", context)


def _finished(case: Case, build_pk: int) -> PackageBuild:
    found = _build_of(case, build_pk)
    if found.state != PackageBuild.State.DONE:
        raise Http404(_("This package is not built (yet)."))
    return found


@case_view(EDITORS, "package download", action=None)
def download_zip(request: HttpRequest, case: Case, build_pk: int) -> HttpResponse:
    found = _finished(case, build_pk)
    data = packages.package_zip(found)
    if data is None:
        raise Http404(_("A file of this package is missing from the store; build it again."))
    record(request, Action.DOWNLOAD, case, f"package {found.pk} zip")
    response = HttpResponse(data, "application/zip")
    response["Content-Disposition"] = (
        content_disposition_header(True, packages.zip_name(found)) or "attachment"
    )
    return response


@case_view(EDITORS, "package download", action=None)
def download_file(request: HttpRequest, case: Case, build_pk: int, name: str) -> HttpResponse:
    found = _finished(case, build_pk)
    data = packages.package_file(found, name)
    if data is None:
        raise Http404(_("This package has no such document."))
    record(request, Action.DOWNLOAD, case, f"package {found.pk} {name}")
    path = PurePosixPath(name)
    response = HttpResponse(data, MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream"))
    response["Content-Disposition"] = content_disposition_header(True, path.name) or "attachment"
    return response
