# ruff: noqa: RUF012  (Django Meta options and ninja schemas are class-level lists by design)
"""Audit entries: who did what to which case, when, from where. Never case content.

Append-only three times over: the model refuses to save an existing row or delete one, its
QuerySet refuses bulk update and delete, and database triggers (migration 0002) abort any
UPDATE or DELETE that goes around Django.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Action", "AppendOnlyError", "AuditEntry"]


class AppendOnlyError(Exception):
    """The audit log cannot be changed or deleted, only added to."""


class Action(models.TextChoices):
    VIEW = "view", _("viewed")
    DOWNLOAD = "download", _("downloaded")
    EXPORT = "export", _("exported")
    CHANGE = "change", _("changed")
    CREATE = "create", _("created")
    DENIED = "denied", _("was refused access to")
    CONFLICT = "conflict", _("had an edit conflict on")
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login_failed", _("failed to log in")


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("the audit log is append-only")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("the audit log is append-only")

    def for_case(self, case_pk: int) -> AuditQuerySet:
        return self.filter(case_pk=case_pk).order_by("-at", "-pk")


class AuditEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    """No constraint and no cascade: removing a user must not touch the log."""
    username = models.CharField(max_length=150, blank=True)
    case_pk = models.BigIntegerField(null=True, db_index=True)
    """The case row's id (no foreign key: the log outlives a deleted case)."""
    case_label = models.CharField(max_length=100, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    target = models.CharField(max_length=200, blank=True)
    """What was touched: a page name, a document id, a section; never its content."""
    address = models.GenericIPAddressField(null=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("the audit log is append-only")
