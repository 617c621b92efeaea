"""The case's audit log, for the case's attorney."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from prytulak.web.cases.access import ATTORNEY, case_view
from prytulak.web.cases.models import Case

from .models import AuditEntry

__all__ = ["case_log"]


@case_view(ATTORNEY, "audit log")
def case_log(request: HttpRequest, case: Case) -> HttpResponse:
    entries = AuditEntry.objects.for_case(case.pk)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "audit/case_log.html", {"case": case, "page": page})
