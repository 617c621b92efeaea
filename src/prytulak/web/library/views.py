"""The library page: search (every staff member) and add a report (attorneys and staff).

Reports are public documents, so the library is the installation's, not a case's; nothing of
a case is written to it, and the audit log (which records access to cases) is not involved.
Adding stores the passages with full text and static vectors at once, then computes e5
vectors in the background; until then a hit says it was found by the fast vectors.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prytulak.search import Library, ReportImportError, ReportInfo
from prytulak.web.accounts.models import Role
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action
from prytulak.web.cases.worker import submit
from prytulak.web.confirm import confirm_page, confirmed

from .forms import ReportForm, SearchForm
from .store import embed_library, open_library

__all__ = ["add_report", "library_page", "remove_report"]

ADDERS = frozenset({Role.ATTORNEY, Role.STAFF})


def _staff_only(request: HttpRequest) -> None:
    if request.user.is_client:  # type: ignore[union-attr]
        record(request, Action.DENIED, None, "library")
        raise PermissionDenied(_("The report library is for your attorney's office."))


@login_required
def library_page(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    search = SearchForm(request.GET or None)
    library = open_library()
    hits = []
    if search.is_valid() and search.cleaned_data["q"].strip():
        language = search.cleaned_data["lang"] or None
        hits = library.search(search.cleaned_data["q"], limit=20, language=language)
    return _page(request, library, search, hits, ReportForm() if _may_add(request) else None)


def _page(
    request: HttpRequest,
    library: Library,
    search: SearchForm,
    hits: list[Any],
    form: ReportForm | None,
) -> HttpResponse:
    context = {
        "search": search,
        "hits": hits,
        "static_hits": any("static" in hit.matched_by for hit in hits),
        "reports": library.reports(),
        "form": form,
        "may_remove": request.user.role == Role.ATTORNEY or request.user.is_superuser,  # type: ignore[union-attr]
    }
    return render(
        request, "library/library.html", context, status=422 if form and form.errors else 200
    )


def _may_add(request: HttpRequest) -> bool:
    return request.user.role in ADDERS or request.user.is_superuser  # type: ignore[union-attr]


@login_required
@require_POST
def add_report(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    if not _may_add(request):
        record(request, Action.DENIED, None, "library add")
        raise PermissionDenied(_("Only attorneys and staff add reports to the library."))
    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, open_library(), SearchForm(), [], form)
    sent = form.cleaned_data["file"]
    info = ReportInfo(
        form.cleaned_data["title"],
        form.cleaned_data["publisher"],
        form.cleaned_data["date"],
        form.cleaned_data["url"] or None,
    )
    with tempfile.TemporaryDirectory(prefix="prytulak-report-") as folder:
        path = Path(folder) / Path(sent.name).name
        with path.open("wb") as target:
            for chunk in sent.chunks():
                target.write(chunk)
        try:
            result = open_library().add_file(path, info, embed=False)
        except ReportImportError as error:
            form.add_error("file", str(error))
            return _page(request, open_library(), SearchForm(), [], form)
    if result.duplicate:
        messages.success(
            request, _("%(title)s is already in the library.") % {"title": result.title}
        )
    else:
        messages.success(
            request,
            _("%(title)s added: %(count)d passages, searchable now.")
            % {"title": result.title, "count": result.passages},
        )
        submit(embed_library)
    return redirect("library:library")


@login_required
@require_POST
def remove_report(request: HttpRequest, report_id: int) -> HttpResponse:
    """An attorney removes a report (e.g. added with the wrong date, to add it again)."""
    _staff_only(request)
    if request.user.role != Role.ATTORNEY and not request.user.is_superuser:  # type: ignore[union-attr]
        record(request, Action.DENIED, None, "library remove")
        raise PermissionDenied(_("Only attorneys remove reports from the library."))
    library = open_library()
    shown = next((r for r in library.reports() if r.id == report_id), None)
    if shown is not None and not confirmed(request):
        return confirm_page(
            request,
            question=_("Remove %(title)s from the library?") % {"title": shown.title},
            button=_("Remove"),
            back=reverse("library:library"),
            detail=_("Its passages are no longer found; to correct it, add the report again."),
        )
    title = library.remove_report(report_id)
    if title is None:
        messages.error(request, _("There is no such report in the library."))
    else:
        record(request, Action.CHANGE, None, f"library report removed: {title}"[:200])
        messages.success(request, _("%(title)s removed.") % {"title": title})
    return redirect("library:library")
