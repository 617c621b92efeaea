"""Personal API tokens: issued once after a two-factor login, act as their user, revocable."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.test import Client

from prytulak.web.accounts.models import ApiToken
from prytulak.web.audit.models import Action, AuditEntry

from .people import sign_in

pytestmark = pytest.mark.django_db


def _issue(client: Client, name: str = "case-management sync") -> str:
    response = client.post("/accounts/tokens/", {"name": name})
    assert response.status_code == 200  # shown in the answer itself, not after a redirect
    page = html.unescape(response.content.decode())
    found = re.search(r"(pry_[A-Za-z0-9_-]{40,})", page)
    assert found, "the token is shown once after it is made"
    secret = found.group(1)
    assert all(secret not in morsel.value for morsel in response.cookies.values())
    assert all(secret not in morsel.value for morsel in client.cookies.values())
    assert "no-store" in response["Cache-Control"]
    return secret


def test_the_token_is_shown_once_and_never_again(org) -> None:
    client = sign_in(org.staff)
    secret = _issue(client)
    assert secret not in client.get("/accounts/tokens/").content.decode()


def test_a_token_reads_the_cases_its_user_may_see_and_the_read_is_logged(protester, org) -> None:
    secret = _issue(sign_in(org.attorney))
    api = Client()  # no session, no CSRF: a script
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    rows = api.get("/api/cases", **auth).json()
    assert [r["case_id"] for r in rows] == [protester.case_id]
    body = api.get(f"/api/cases/{protester.pk}", **auth).json()
    saved = body["case"]
    saved["applicant"]["religion"] = "Catholic"
    payload = json.dumps({"version": body["version"], "case": saved})
    put = api.put(f"/api/cases/{protester.pk}", payload, content_type="application/json", **auth)
    assert put.status_code == 200 and put.json()["version"] == body["version"] + 1
    seen = AuditEntry.objects.filter(case_pk=protester.pk, username=org.attorney.username)
    assert seen.filter(action=Action.VIEW, target="api case").exists()
    assert ApiToken.objects.get().last_used is not None
    stored = ApiToken.objects.get()
    assert secret not in (stored.digest, stored.shown) and stored.shown == secret[:12]


def test_a_token_sees_no_more_than_its_user(protester, other_org) -> None:
    secret = _issue(sign_in(other_org.attorney))
    response = Client().get(f"/api/cases/{protester.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 403


def test_a_revoked_or_wrong_token_is_refused(protester, org) -> None:
    client = sign_in(org.staff)
    secret = _issue(client)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert Client().get("/api/cases", **auth).status_code == 200
    token = ApiToken.objects.get()
    asked = client.post("/accounts/tokens/", {"revoke": token.pk})
    assert "Revoke the token case-management sync?" in html.unescape(asked.content.decode())
    assert Client().get("/api/cases", **auth).status_code == 200  # not before the confirmation
    confirmed = {"revoke": token.pk, "confirmed": "1"}
    page = html.unescape(client.post("/accounts/tokens/", confirmed, follow=True).content.decode())
    assert "revoked" in page
    assert Client().get("/api/cases", **auth).status_code == 401
    wrong = {"HTTP_AUTHORIZATION": "Bearer pry_" + "x" * 43}
    assert Client().get("/api/cases", **wrong).status_code == 401
    assert AuditEntry.objects.filter(target="api token revoked: case-management sync").exists()


def test_clients_get_no_tokens(protester) -> None:
    client = sign_in(protester.client_user)
    assert client.get("/accounts/tokens/").status_code == 403
    assert client.post("/accounts/tokens/", {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_a_token_of_a_deactivated_user_stops_working(protester, org) -> None:
    secret = _issue(sign_in(org.translator))
    org.translator.is_active = False
    org.translator.save()
    response = Client().get("/api/cases", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 401
