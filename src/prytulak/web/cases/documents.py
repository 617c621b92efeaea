"""Uploads (phone camera or file), background processing with progress, viewing, download."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from prytulak.web.accounts.models import Role
from prytulak.web.audit.log import record
from prytulak.web.audit.models import Action
from prytulak.web.confirm import confirm_page, confirmed

from . import lockers, worker
from .access import ANYONE, EDITORS, STAFF, case_view
from .describe import DescribeForm, event_choices, link_upload, unlink_upload
from .models import Case, Upload
from .services import Unavailable

__all__ = ["describe", "document", "download", "upload", "upload_status"]

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def _safe_name(name: str) -> str:
    keep = "".join(c if c.isalnum() or c in "._- " else "_" for c in Path(name).name)
    return keep.strip(" .")[:120] or "upload"


def _process(upload_pk: int) -> None:
    upload = Upload.objects.select_related("case").get(pk=upload_pk)
    Upload.objects.filter(pk=upload_pk).update(state=Upload.State.RUNNING, progress=5)

    def progress(done: int, total: int) -> None:
        share = 5 + int(90 * done / max(total, 1))
        Upload.objects.filter(pk=upload_pk).update(progress=share)

    try:
        item = lockers.process_upload(
            upload.case_id, upload.item_id, upload.user.username if upload.user else "", progress
        )
    except Exception as error:
        message = str(error).splitlines()[0][:300] if str(error) else type(error).__name__
        Upload.objects.filter(pk=upload_pk).update(state=Upload.State.FAILED, message=message)
        raise
    language = (item.extraction.language or "") if item.extraction else ""
    Upload.objects.filter(pk=upload_pk).update(
        state=Upload.State.DONE, progress=100, language=language
    )


def _store(request: HttpRequest, case: Case) -> Upload | None:
    sent = request.FILES.get("file")
    if sent is None:
        messages.error(request, _("Choose a file or take a photo first."))
        return None
    if sent.size and sent.size > MAX_UPLOAD_BYTES:
        messages.error(request, _("The file is larger than 50 MB; send it in parts."))
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / _safe_name(sent.name or "upload")
        with open(path, "wb") as handle:
            for chunk in sent.chunks():
                handle.write(chunk)
        result = lockers.intake_upload(case.pk, path, request.user.username)  # type: ignore[union-attr]
    if isinstance(result, Unavailable):
        messages.error(
            request, _("The document was not accepted: %(why)s") % {"why": result.reason}
        )
        return None
    item = result.item
    earlier = Upload.objects.filter(case=case, item_id=item.id).order_by("created").first()
    if result.duplicate and earlier is not None:
        messages.info(
            request,
            _("This file is already in the case (%(name)s, received %(when)s); nothing was added.")
            % {
                "name": earlier.filename,
                "when": timezone.localtime(earlier.created).strftime("%Y-%m-%d"),
            },
        )
        return None
    return Upload.objects.create(
        case=case,
        user=request.user,
        filename=item.original_name,
        item_id=item.id,
        content_type=item.media_type,
        size=item.size,
        sha256=item.sha256,
        note=request.POST.get("note", "")[:300],
    )


def _described(request: HttpRequest, case: Case, stored: Upload, form: DescribeForm) -> None:
    """Make the upload an evidence reference of the case when the person said what it is."""
    if not form.is_valid():
        wrong = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(
            request,
            _("The document is kept; say again what it is (say what it is): %(why)s")
            % {"why": wrong},
        )
        return
    answers = form.cleaned_data
    if not (answers.get("note") or answers.get("kind") or answers.get("event")):
        return
    problems = link_upload(case, stored, answers, request.user)
    if problems:
        messages.error(
            request,
            _("The document is kept, but could not be added to the evidence list: %(why)s")
            % {"why": "; ".join(problems)},
        )
    else:
        record(request, Action.CHANGE, case, f"describe {stored.item_id} as {stored.evidence_id}")


@case_view(ANYONE, "upload", action=None)
@require_POST
def upload(request: HttpRequest, case: Case) -> HttpResponse:
    stored = _store(request, case)
    if stored is not None:
        record(request, Action.CHANGE, case, f"upload {stored.item_id}")
        form = DescribeForm(event_choices(case.data), request.POST)
        _described(request, case, stored, form)
        worker.submit(_process, stored.pk)
        messages.success(
            request, _("Received %(name)s. Reading it now.") % {"name": stored.filename}
        )
    if request.user.is_client:  # type: ignore[union-attr]
        return redirect("intake:step", pk=case.pk, name="documents")
    return redirect("cases:case", pk=case.pk)


def _own_upload(request: HttpRequest, case: Case, upload_pk: int) -> Upload:
    found = get_object_or_404(Upload, pk=upload_pk, case=case)
    role = getattr(case, "viewer_role", None) or case.role_of(request.user)  # type: ignore[arg-type]
    if role == Role.CLIENT and found.user_id != request.user.pk:
        record(request, Action.DENIED, case, f"upload {found.item_id}")
        raise PermissionDenied(_("This document is not yours to open."))
    return found


@case_view(ANYONE, "upload status", action=None)
def upload_status(request: HttpRequest, case: Case, upload_pk: int) -> HttpResponse:
    """HTMX fragment that polls itself until the processing is done."""
    found = _own_upload(request, case, upload_pk)
    context = {"case": case, "u": found, "can_withdraw": request.user.role in EDITORS}  # type: ignore[union-attr]
    return render(request, "cases/_upload_status.html", context)


@case_view(ANYONE, "download", action=None)
def download(request: HttpRequest, case: Case, upload_pk: int) -> HttpResponse:
    found = _own_upload(request, case, upload_pk)
    record(request, Action.DOWNLOAD, case, f"upload {found.item_id}")
    data = lockers.read_original(case.pk, found.item_id)
    if data is None:
        raise Http404(_("The evidence locker has no such file any more."))
    response = HttpResponse(data, found.content_type)
    response["Content-Disposition"] = (
        content_disposition_header(True, _safe_name(found.filename)) or "attachment"
    )
    return response


class TranslationForm(forms.Form):
    """A translator's English translation with the certificate 8 CFR 103.2(b)(3) asks for."""

    text = forms.CharField(
        label=gettext_lazy(
            "English translation (complete: every stamp, signature and handwritten note)"
        ),
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    translator = forms.CharField(
        label=gettext_lazy("Your full name (the translator)"), max_length=200
    )
    address = forms.CharField(label=gettext_lazy("Your address"), max_length=300)
    competent = forms.BooleanField(
        label=gettext_lazy(
            "I certify that I am competent to translate from this language into English and "
            "that the translation is complete and accurate."
        )
    )


@case_view(STAFF, "document", action=None)
def document(request: HttpRequest, case: Case, upload_pk: int) -> HttpResponse:
    """The document viewer: extracted text and its translations side by side, with status;
    staff and translators add a certified English translation here."""
    found = _own_upload(request, case, upload_pk)
    form = TranslationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        answers = form.cleaned_data
        refused = lockers.add_certified_translation(
            case.pk,
            found.item_id,
            answers["text"],
            request.user.username,  # type: ignore[union-attr]
            answers["translator"],
            answers["address"],
        )
        if refused is None:
            record(request, Action.CHANGE, case, f"translate {found.item_id}")
            messages.success(request, _("The certified translation is saved."))
            return redirect("cases:document", pk=case.pk, upload_pk=found.pk)
        form.add_error(None, refused)
    else:
        record(request, Action.VIEW, case, f"document {found.item_id}")
    view = lockers.document_view(case.pk, found.item_id)
    context = {"case": case, "u": found, "doc": view, "form": form}
    return render(request, "cases/document.html", context, status=422 if form.errors else 200)


@case_view(ANYONE, "describe", action=None)
def describe(request: HttpRequest, case: Case, upload_pk: int) -> HttpResponse:
    """Say what an uploaded document is: title, kind, event, date (an evidence reference)."""
    found = _own_upload(request, case, upload_pk)
    ref = next((e for e in case.data.get("evidence", []) if e.get("id") == found.evidence_id), {})
    event = next(
        (
            e["id"]
            for e in case.data.get("claim", {}).get("events", [])
            if ref.get("id") in (e.get("evidence") or [])
        ),
        "",
    )
    initial = {"note": ref.get("title") or found.note, "kind": ref.get("kind", ""), "event": event}
    initial["document_date"] = ref.get("document_date", "")
    form = DescribeForm(event_choices(case.data), request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        problems = link_upload(case, found, form.cleaned_data, request.user)
        if not problems:
            record(request, Action.CHANGE, case, f"describe {found.item_id} as {found.evidence_id}")
            messages.success(request, _("Saved."))
            back = "intake:portal" if request.user.is_client else "cases:case"  # type: ignore[union-attr]
            return redirect(back, pk=case.pk)
        for problem in problems:
            form.add_error(None, problem)
    elif request.method != "POST":
        record(request, Action.VIEW, case, f"describe {found.item_id}")
    context = {"case": case, "u": found, "form": form}
    return render(request, "cases/describe.html", context, status=422 if form.errors else 200)


@case_view(EDITORS, "withdraw", action=None)
@require_POST
def withdraw(request: HttpRequest, case: Case, upload_pk: int) -> HttpResponse:
    """Take an upload out of the evidence (and so out of the exhibits); the file is kept."""
    found = _own_upload(request, case, upload_pk)
    was = found.evidence_id
    if was and not confirmed(request):
        return confirm_page(
            request,
            question=_("Take %(name)s out of the evidence?") % {"name": found.filename},
            button=_("Not evidence"),
            back=reverse("cases:case", args=(case.pk,)),
            detail=_(
                "Its reference %(id)s and every mention of it leave the case file, so it is "
                "not in the exhibits. The file itself stays in the locker."
            )
            % {"id": was},
        )
    problems = unlink_upload(case, found, request.user)
    if problems:
        for problem in problems:
            messages.error(request, problem)
    elif was:
        record(request, Action.CHANGE, case, f"withdraw {found.item_id} from {was}")
        messages.success(
            request,
            _("%(name)s is no longer evidence %(id)s; the file stays in the locker.")
            % {"name": found.filename, "id": was},
        )
    return redirect("cases:case", pk=case.pk)
