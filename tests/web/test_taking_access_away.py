"""Taking access away: off a case, deactivated, a new password or second factor; each asked
first and in the audit log; secrets shown once in the answer, never in a cookie."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from prytulak.web.accounts.models import ApiToken, User
from prytulak.web.audit.models import AuditEntry
from prytulak.web.cases.models import Membership

from .people import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def _page(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.content.decode())


def _shown_secret(response) -> str:  # type: ignore[no-untyped-def]
    found = re.search(r"<code>([^<]+)</code>", response.content.decode())
    assert found, "the new password is shown on the page"
    return found.group(1)


def test_the_attorney_takes_a_colleague_off_a_case_after_confirming(protester, org) -> None:
    client = sign_in(org.attorney)
    staff = sign_in(org.staff)
    membership = Membership.objects.get(case=protester, user=org.staff)
    page = _page(client.get(f"/cases/{protester.pk}/members/"))
    assert 'aria-label="Remove from the case: chi-staff"' in page

    asked = client.post(f"/cases/{protester.pk}/members/", {"remove": membership.pk})
    assert "Take chi-staff off this case?" in _page(asked)
    assert Membership.objects.filter(pk=membership.pk).exists()  # nothing before the yes

    done = client.post(
        f"/cases/{protester.pk}/members/",
        {"remove": membership.pk, "confirmed": "1"},
        follow=True,
    )
    assert "chi-staff is no longer on this case." in _page(done)
    assert staff.get(f"/cases/{protester.pk}/").status_code == 403
    assert AuditEntry.objects.filter(target="member removed: chi-staff").exists()


def test_an_attorney_cannot_take_themselves_off(protester, org) -> None:
    client = sign_in(org.attorney)
    own = Membership.objects.get(case=protester, user=org.attorney)
    client.post(f"/cases/{protester.pk}/members/", {"remove": own.pk, "confirmed": "1"})
    assert Membership.objects.filter(pk=own.pk).exists()


def test_the_clients_one_time_password_is_shown_once_and_not_in_a_cookie(protester, org) -> None:
    client = sign_in(org.attorney)
    response = client.post(
        f"/cases/{protester.pk}/members/", {"client_username": "new-client", "language": "be"}
    )
    assert response.status_code == 200
    password = _shown_secret(response)
    assert all(password not in m.value for m in response.cookies.values())
    assert password not in client.get(f"/cases/{protester.pk}/members/").content.decode()
    assert User.objects.get(username="new-client").check_password(password)


def test_a_deactivated_user_cannot_log_in_and_their_tokens_stop(protester, org) -> None:
    client = sign_in(org.attorney)
    staff = sign_in(org.staff)
    _, token = ApiToken.issue(org.staff, "sync")
    form = {"act": "deactivate", "user": org.staff.pk}
    assert "Deactivate chi-staff?" in _page(client.post("/accounts/users/", form))
    assert User.objects.get(pk=org.staff.pk).is_active

    done = client.post("/accounts/users/", {**form, "confirmed": "1"}, follow=True)
    assert "chi-staff is deactivated" in _page(done)
    assert staff.get("/").status_code == 302  # the open session ends
    refused = Client().post("/accounts/login/", {"username": "chi-staff", "password": PASSWORD})
    assert refused.status_code == 200 and "Wrong username or password" in _page(refused)
    assert Client().get("/api/cases", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert AuditEntry.objects.filter(target="user deactivated: chi-staff").exists()

    again = {"act": "reactivate", "user": org.staff.pk, "confirmed": "1"}
    client.post("/accounts/users/", again)
    assert User.objects.get(pk=org.staff.pk).is_active
    assert Client().get("/api/cases", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    sign_in(User.objects.get(pk=org.staff.pk))


def test_a_lost_phone_resets_two_factor_with_a_new_one_time_password(org) -> None:
    client = sign_in(org.attorney)
    response = client.post(
        "/accounts/users/", {"act": "reset", "user": org.translator.pk, "confirmed": "1"}
    )
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    password = _shown_secret(response)
    assert all(password not in m.value for m in client.cookies.values())
    assert not TOTPDevice.objects.filter(user=org.translator).exists()
    person = User.objects.get(pk=org.translator.pk)
    assert person.check_password(password) and person.must_change_password
    fresh = Client()
    fresh.post("/accounts/login/", {"username": person.username, "password": password})
    assert "/accounts/two-factor/setup/" in fresh.get("/accounts/verify/")["Location"]
    assert AuditEntry.objects.filter(target="two-factor reset: chi-translator").exists()


def test_only_attorneys_manage_users_of_their_own_organization(org, other_org) -> None:
    staff = sign_in(org.staff)
    form = {"act": "deactivate", "user": org.translator.pk, "confirmed": "1"}
    assert staff.post("/accounts/users/", form).status_code == 403
    stranger = sign_in(other_org.attorney)
    stranger.post("/accounts/users/", form)
    assert User.objects.get(pk=org.translator.pk).is_active
    own = sign_in(org.attorney)
    own.post("/accounts/users/", {"act": "deactivate", "user": org.attorney.pk, "confirmed": "1"})
    assert User.objects.get(pk=org.attorney.pk).is_active
