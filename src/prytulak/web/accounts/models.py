"""Organizations and users: a role decides what a user may see; membership decides which cases."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["ApiToken", "LoginFailure", "Organization", "Role", "User"]


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


class ApiToken(models.Model):
    """A personal token for the JSON API (``Authorization: Bearer pry_…``), for scripts and
    case-management systems. Only its SHA-256 is stored; the token is shown once. It acts as
    its user, with the same access rules and audit log; revoking it ends it at once."""

    PREFIX = "pry_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    shown = models.CharField(max_length=12)
    """The first characters, so the owner can tell tokens apart."""
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]  # noqa: RUF012 (Django Meta option)

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[ApiToken, str]:
        """A new token for ``user``; returns the row and the token (never stored)."""
        secret = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, digest=cls.digest_of(secret), shown=secret[:12]
        )
        return token, secret

    @staticmethod
    def digest_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def holder(cls, secret: str) -> User | None:
        """The active user a live token belongs to (and note its use, once a minute)."""
        if not secret.startswith(cls.PREFIX):
            return None
        token = cls.objects.select_related("user").filter(digest=cls.digest_of(secret)).first()
        if token is None or token.revoked is not None or not token.user.is_active:
            return None
        now = timezone.now()
        if token.last_used is None or now - token.last_used > timedelta(minutes=1):
            cls.objects.filter(pk=token.pk).update(last_used=now)
        return token.user
