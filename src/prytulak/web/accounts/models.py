"""Organizations and users: a role decides what a user may see; membership decides which cases."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["LoginFailure", "Organization", "Role", "User"]


class Organization(models.Model):
    """A law office or legal-aid organization; users and cases belong to one."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ATTORNEY = "attorney", _("Attorney")
    STAFF = "staff", _("Staff")
    TRANSLATOR = "translator", _("Translator")
    CLIENT = "client", _("Client")


STAFF_ROLES = frozenset({Role.ATTORNEY, Role.STAFF, Role.TRANSLATOR})
"""Roles that see case internals, and so must log in with two factors."""


class User(AbstractUser):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="users", null=True, blank=True
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CLIENT)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    must_change_password = models.BooleanField(default=False)

    @property
    def is_client(self) -> bool:
        return self.role == Role.CLIENT

    @property
    def needs_two_factor(self) -> bool:
        """Staff roles and administrators must log in with a TOTP code."""
        return self.role in STAFF_ROLES or self.is_superuser


ADDRESS_SHARE = 4


class LoginFailure(models.Model):
    """One failed login; recent failures for a username or an address throttle logins."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    @classmethod
    def recent(cls, username: str, address: str | None) -> int:
        since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
        by_name = cls.objects.filter(username=username.lower(), at__gte=since).count()
        by_address = cls.objects.filter(address=address, at__gte=since).count() if address else 0
        # One address may serve a whole office: it gets four times the per-user limit.
        return max(by_name, by_address // ADDRESS_SHARE)

    @classmethod
    def record(cls, username: str, address: str | None) -> None:
        cls.objects.create(username=username.lower(), address=address)

    @classmethod
    def clear(cls, username: str) -> None:
        cls.objects.filter(username=username.lower()).delete()
