# ruff: noqa: RUF012  (Django Meta options and ninja schemas are class-level lists by design)
"""A case row holds one CaseFile (as its JSON) and a version number that every save bumps."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from prytulak.case import CaseFile, case_from_data, case_to_data
from prytulak.web.accounts.models import Organization, Role, User

__all__ = ["Case", "Conflict", "Draft", "Membership", "PackageBuild", "Upload"]


class Conflict(Exception):
    """Someone saved the case after this edit started; the edit was kept as a draft."""

    def __init__(self, case: Case, draft: Draft) -> None:
        super().__init__(f"case {case.label} changed since version {draft.base_version}")
        self.case = case
        self.draft = draft


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: User) -> CaseQuerySet:
        """Only the cases the user is a member of: nobody sees a case by organization alone."""
        if not user.is_authenticated:
            return self.none()
        # One membership per (case, user) (a unique constraint): the join cannot repeat a case,
        # so no DISTINCT over the case file's JSON is needed.
        return self.filter(memberships__user=user, organization_id=user.organization_id)

    def where_role(self, user: User, roles: tuple[str, ...]) -> CaseQuerySet:
        """Cases where the user's own membership has one of ``roles`` (one join, one row)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            memberships__user=user,
            memberships__role__in=roles,
            organization_id=user.organization_id,
        )


class Case(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="cases")
    case_id = models.CharField(_("case id"), max_length=100)
    data = models.JSONField(_("case file"))
    version = models.PositiveIntegerField(default=1)
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "case_id"], name="one_case_id_per_org")
        ]
        ordering = ["case_id"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.case_id

    @property
    def version_key(self) -> str:
        """Names this case version uniquely, also across a reused row id (tests roll back)."""
        created = self.created.timestamp() if self.created else 0
        return f"{self.pk}:{created:.6f}:{self.version}"

    def case_file(self, today: date | None = None) -> CaseFile:
        """The stored JSON as a validated CaseFile (raises CaseFileError if it no longer is)."""
        return case_from_data(self.data, f"case {self.case_id} (version {self.version})", today)

    def read_file(self, today: date) -> CaseFile:
        """The CaseFile of this version, parsed once per process (read-only: never change it).

        Raises CaseFileError like ``case_file``; a failure is not remembered.
        """
        from .memo import memo

        key = ("case", self.version_key, today)
        return memo.get(key, lambda: self.case_file(today))

    def role_of(self, user: User) -> str | None:
        membership = self.memberships.filter(user=user).first()
        return membership.role if membership else None

    def save_case_file(self, case: CaseFile, user: User, base_version: int) -> None:
        """Save if nobody saved since ``base_version``; otherwise keep the edit as a Draft."""
        data = case_to_data(case)
        saved = Case.objects.filter(pk=self.pk, version=base_version).update(
            data=data, version=base_version + 1, updated_by=user, case_id=case.id
        )
        if not saved:
            self.refresh_from_db()
            draft = Draft.objects.create(
                case=self, user=user, base_version=base_version, data=data, text=""
            )
            raise Conflict(self, draft)
        self.refresh_from_db()


class Membership(models.Model):
    """A user's place on one case; without one, the case does not exist for them."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_membership")]


class Draft(models.Model):
    """An edit that lost a race (or did not validate): kept so that nothing typed is lost."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="drafts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    base_version = models.PositiveIntegerField()
    data: Any = models.JSONField(null=True)
    text = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]


class Upload(models.Model):
    """A document uploaded on the web, kept encrypted in the blob store under its SHA-256."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("processing")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="uploads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    item_id = models.CharField(max_length=20, blank=True)
    """The evidence locker's item id (F001 …)."""
    note = models.CharField(_("what is this document?"), max_length=300, blank=True)
    evidence_id = models.CharField(max_length=40, blank=True)
    """The case file's EvidenceRef this document was described as (E01 …), once described."""
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    language = models.CharField(max_length=10, blank=True)
    message = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]


class PackageBuild(models.Model):
    """One build of the filing package; its files are kept encrypted (``packages.py``)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("building")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="packages")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    case_version = models.PositiveIntegerField()
    """The case file version the package was built from."""
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    step = models.CharField(max_length=100, blank=True)
    message = models.CharField(max_length=500, blank=True)
    files: Any = models.JSONField(default=list)
    """``[{"path", "role", "sha256", "bytes", "pages"}]``; the bytes are in the package store."""
    warnings: Any = models.JSONField(default=list)
    review_notes: Any = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    @property
    def active(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    def file(self, path: str) -> dict[str, Any] | None:
        return next((f for f in self.files if f.get("path") == path), None)
