"""Logging in: Argon2, two factors for staff, throttling, session timeout, first password."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings

from prytulak.web.accounts.models import Role, User
from prytulak.web.audit.models import Action, AuditEntry

from .people import PASSWORD, make_user, sign_in, totp_code

pytestmark = pytest.mark.django_db


def test_production_hashes_passwords_with_argon2() -> None:
    from prytulak.web.settings import security

    assert security.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=security.PASSWORD_HASHERS):
        assert make_password("a long passphrase here").startswith("argon2$argon2id$")


def test_staff_cannot_reach_a_page_with_only_a_password(org) -> None:
    client = Client()
    client.post("/accounts/login/", {"username": org.attorney.username, "password": PASSWORD})
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/verify/")


def test_wrong_code_is_refused_and_logged(org) -> None:
    client = Client()
    client.post("/accounts/login/", {"username": org.attorney.username, "password": PASSWORD})
    response = client.post("/accounts/verify/", {"code": "000000"})
    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert client.get("/").status_code == 302
    assert AuditEntry.objects.filter(action=Action.LOGIN_FAILED, target="two-factor").exists()


def test_password_then_code_reaches_the_dashboard(org) -> None:
    client = sign_in(org.attorney)
    response = client.get("/")
    assert response.status_code == 200
    assert "Your cases" in response.content.decode()


def test_staff_without_a_device_must_set_one_up(org) -> None:
    newcomer = make_user(org.organization, "newcomer", Role.STAFF, with_device=False)
    client = Client()
    client.post("/accounts/login/", {"username": "newcomer", "password": PASSWORD})
    response = client.get("/accounts/verify/")
    assert response["Location"].startswith("/accounts/two-factor/setup/")
    page = client.get("/accounts/two-factor/setup/")
    assert b"data:image/svg+xml;base64," in page.content
    response = client.post("/accounts/two-factor/setup/", {"code": totp_code(newcomer)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_clients_log_in_with_a_password_only(org) -> None:
    client_user = make_user(org.organization, "client1", Role.CLIENT)
    client = sign_in(client_user)
    assert client.get("/").status_code == 200  # "no case yet" page


def test_five_failures_throttle_the_username(org) -> None:
    client = Client()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": org.staff.username, "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": org.staff.username, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()


def test_session_expires_after_idle_minutes() -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert "prytulak.web.accounts.middleware.IdleSessionMiddleware" in settings.MIDDLEWARE


def test_activity_renews_the_session_at_most_once_a_minute(org, protester) -> None:
    from django.contrib.sessions.models import Session

    client = sign_in(org.attorney)
    key = client.cookies["sessionid"].value
    client.get(f"/cases/{protester.pk}/")
    first = Session.objects.get(session_key=key).expire_date
    client.get(f"/cases/{protester.pk}/")
    assert Session.objects.get(session_key=key).expire_date == first  # not written again
    session = client.session
    session["_renewed"] = 0  # the last renewal was long ago
    session.save()
    saved = Session.objects.get(session_key=key).expire_date
    client.get(f"/cases/{protester.pk}/")
    assert Session.objects.get(session_key=key).expire_date > saved


def test_one_time_password_must_be_changed(org) -> None:
    user = User.objects.create_user(
        "fresh",
        password=PASSWORD,
        organization=org.organization,
        role=Role.CLIENT,
        must_change_password=True,
    )
    client = sign_in(user)
    assert client.get("/")["Location"] == "/accounts/password/"
    new = "an entirely new passphrase"
    response = client.post("/accounts/password/", {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_only_attorneys_add_users_and_get_a_one_time_password(org) -> None:
    assert sign_in(org.staff).get("/accounts/users/").status_code == 403
    client = sign_in(org.attorney)
    response = client.post(
        "/accounts/users/", {"username": "new-staff", "role": "staff", "email": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "One-time password" in page
    password = re.search(r"<code>([^<]+)</code>", page).group(1)  # type: ignore[union-attr]
    assert all(password not in m.value for m in client.cookies.values())  # never in a cookie
    assert password not in client.get("/accounts/users/").content.decode()  # shown once
    made = User.objects.get(username="new-staff")
    assert made.check_password(password)
    assert made.organization == org.organization and made.must_change_password


def test_language_choice_is_remembered_on_the_account(org) -> None:
    client = sign_in(org.attorney)
    client.post("/accounts/language/", {"language": "be", "next": "/"})
    org.attorney.refresh_from_db()
    assert org.attorney.language == "be"
    assert "Вашы справы" in client.get("/").content.decode()
