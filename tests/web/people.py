"""Test organizations and their people, and logging in through the real two-factor flow."""

from __future__ import annotations

from dataclasses import dataclass

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from prytulak.web.accounts.models import Organization, Role, User

PASSWORD = "correct horse battery staple"


@dataclass
class Org:
    organization: Organization
    attorney: User
    staff: User
    translator: User


def make_user(org: Organization, username: str, role: str, with_device: bool = True) -> User:
    user = User.objects.create_user(username, password=PASSWORD, organization=org, role=role)
    if with_device and role != Role.CLIENT:
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


def make_org(name: str, prefix: str) -> Org:
    org = Organization.objects.create(name=name)
    return Org(
        org,
        make_user(org, f"{prefix}-attorney", Role.ATTORNEY),
        make_user(org, f"{prefix}-staff", Role.STAFF),
        make_user(org, f"{prefix}-translator", Role.TRANSLATOR),
    )


def totp_code(user: User) -> str:
    device = TOTPDevice.objects.get(user=user)
    device.last_t = -1  # allow the same 30-second code for a second login in a test
    device.save()
    return str(
        TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    ).zfill(6)


def sign_in(user: User, client: Client | None = None) -> Client:
    """Log in as a person would: password, then the authenticator code."""
    client = client or Client()
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    if user.needs_two_factor:
        response = client.post("/accounts/verify/", {"code": totp_code(user)})
        assert response.status_code == 302, response.content[:500]
    return client
