"""The JSON API: same access rules, optimistic locking, OpenAPI description."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from prytulak.web.audit.models import Action, AuditEntry

from .people import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def test_openapi_describes_the_case_endpoints(org) -> None:
    schema = sign_in(org.attorney).get("/api/openapi.json").json()
    assert "/api/cases/{pk}" in schema["paths"]
    assert "put" in schema["paths"]["/api/cases/{pk}"]


def test_list_and_read_a_case(protester, org) -> None:
    client = sign_in(org.attorney)
    rows = client.get("/api/cases").json()
    assert [r["case_id"] for r in rows] == [protester.case_id]
    body = client.get(f"/api/cases/{protester.pk}").json()
    assert body["version"] == 1 and body["case"]["id"] == protester.case_id
    days = client.get(f"/api/cases/{protester.pk}/deadlines").json()
    assert any(d["day"] == "2027-03-02" and d["id"] == "one_year" for d in days)


def test_api_refuses_other_organizations_and_logs_it(protester, other_org) -> None:
    response = sign_in(other_org.attorney).get(f"/api/cases/{protester.pk}")
    assert response.status_code == 403
    assert AuditEntry.objects.filter(action=Action.DENIED, case_pk=protester.pk).exists()


def test_api_needs_the_second_factor_for_staff(protester, org) -> None:
    client = Client()
    client.post("/accounts/login/", {"username": org.attorney.username, "password": PASSWORD})
    assert client.get(f"/api/cases/{protester.pk}").status_code == 401


def test_clients_cannot_read_the_case_file_through_the_api(protester) -> None:
    client = sign_in(protester.client_user)
    assert client.get(f"/api/cases/{protester.pk}").status_code == 403
    assert client.get("/api/cases").json() == []


def test_put_with_a_stale_version_is_a_conflict(protester, org) -> None:
    client = sign_in(org.attorney)
    data = client.get(f"/api/cases/{protester.pk}").json()["case"]
    data["notes"] = "first"
    ok = client.put(
        f"/api/cases/{protester.pk}",
        json.dumps({"version": 1, "case": data}),
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["version"] == 2
    data["notes"] = "late"
    late = client.put(
        f"/api/cases/{protester.pk}",
        json.dumps({"version": 1, "case": data}),
        content_type="application/json",
    )
    assert late.status_code == 409
    assert late.json()["current_version"] == 2


def test_put_an_invalid_case_lists_the_problems(protester, org) -> None:
    client = sign_in(org.attorney)
    response = client.put(
        f"/api/cases/{protester.pk}",
        json.dumps({"version": 1, "case": {"schema_version": 1, "id": protester.case_id}}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert any("applicant" in p for p in response.json()["problems"])
