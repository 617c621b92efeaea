"""Access control for every view: each URL pattern, each role, and strangers."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from .people import sign_in

pytestmark = pytest.mark.django_db

# url, then who may open it: A attorney, S staff, T translator, C the client of the case.
CASE_VIEWS = {
    "/cases/{pk}/": "AST",
    "/cases/{pk}/timeline/": "ASTC",
    "/cases/{pk}/edit/": "AS",
    "/cases/{pk}/members/": "A",
    "/cases/{pk}/audit/": "A",
    "/intake/{pk}/": "ASTC",
    "/intake/{pk}/about/": "ASTC",
    "/intake/{pk}/family/": "ASTC",
    "/intake/{pk}/travel/": "ASTC",
    "/intake/{pk}/background/": "ASTC",
    "/api/cases/{pk}": "AST",
    "/api/cases/{pk}/deadlines": "AST",
    "/api/cases/{pk}/assessment": "AST",
    "/api/cases/{pk}/evidence": "AST",
    "/cases/{pk}/package/": "AS",
}
UPLOAD_VIEWS = {
    "/cases/{pk}/uploads/{u}/": "ASTC",
    "/cases/{pk}/uploads/{u}/file": "ASTC",
    "/cases/{pk}/uploads/{u}/text": "AST",
    "/cases/{pk}/uploads/{u}/describe": "ASTC",
}
PACKAGE_VIEWS = {
    "/cases/{pk}/package/{b}/": "AS",
    "/cases/{pk}/package/{b}/zip": "AS",
    "/cases/{pk}/package/{b}/files/{name}": "AS",
}
POST_ONLY = {
    "/cases/{pk}/upload/": "ASTC",
    "/cases/{pk}/package/build/": "AS",
    "/demo/": "AS",
    "/cases/{pk}/uploads/{u}/withdraw": "AS",
}
LIBRARY_VIEWS = {"/library/": "ASTX"}
"""Not a case's: every staff member of any organization (reports are public documents)."""
LIBRARY_POST = {"/library/add/": "ASX", "/library/{r}/remove/": "AX"}
OPEN = ["/healthz", "/accounts/login/", "/api/", "/api/docs", "/api/openapi.json"]
LOGIN_ONLY = [
    "/",
    "/accounts/verify/",
    "/accounts/two-factor/setup/",
    "/accounts/password/",
    "/accounts/users/",
    "/accounts/tokens/",
    "/cases/new/",
    "/accounts/logout/",
    "/accounts/language/",
    "/api/cases",
]


def _patterns(resolver: URLResolver, prefix: str = "") -> list[str]:
    found = []
    for item in resolver.url_patterns:
        route = prefix + str(item.pattern)
        if isinstance(item, URLPattern):
            found.append(route)
        else:
            found.extend(_patterns(item, route))
    return found


def _normal(route: str) -> str:
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    for name in ("<int:pk>", "{pk}"):
        route = route.replace(name, "{pk}")
    route = route.replace("<int:upload_pk>", "{u}").replace("<slug:name>", "about")
    route = route.replace("<pk>", "{pk}").replace("<int:build_pk>", "{b}")
    route = route.replace("<path:name>", "{name}").replace("<int:report_id>", "{r}")
    return "/" + route


def test_every_url_is_in_the_access_table() -> None:
    known = {*CASE_VIEWS, *UPLOAD_VIEWS, *PACKAGE_VIEWS, *POST_ONLY, *OPEN, *LOGIN_ONLY}
    known |= {*LIBRARY_VIEWS, *LIBRARY_POST}
    missing = [r for r in map(_normal, _patterns(get_resolver())) if r not in known]
    assert not missing, f"add these URLs to the access table with who may open them: {missing}"


@pytest.fixture
def people(protester, org, other_org):  # type: ignore[no-untyped-def]
    return {
        "A": org.attorney,
        "S": org.staff,
        "T": org.translator,
        "C": protester.client_user,
        "X": other_org.attorney,
    }


def _upload(protester):  # type: ignore[no-untyped-def]
    from prytulak.web.cases.models import Upload

    return Upload.objects.create(
        case=protester,
        user=protester.client_user,
        filename="a.jpg",
        content_type="image/jpeg",
        size=1,
        sha256="0" * 64,
        item_id="F001",
        state="done",
    )


def _package(protester):  # type: ignore[no-untyped-def]
    from prytulak.web.cases.models import PackageBuild

    return PackageBuild.objects.create(
        case=protester,
        case_version=1,
        state="done",
        files=[{"path": "02-i589.pdf", "sha256": "0" * 64, "bytes": 1, "pages": 1}],
    )


def _allowed(status: int) -> bool:
    return status in (200, 302, 404, 405) or (status == 500)


def test_every_case_view_lets_in_only_the_right_roles(protester, people) -> None:
    clients = {key: sign_in(user) for key, user in people.items()}
    upload, package = _upload(protester), _package(protester)
    table = {**CASE_VIEWS, **UPLOAD_VIEWS, **PACKAGE_VIEWS}
    wrong = []
    for pattern, allowed in table.items():
        url = pattern.format(pk=protester.pk, u=upload.pk, b=package.pk, name="02-i589.pdf")
        for key, client in clients.items():
            if pattern.endswith("/file") and key in allowed:
                continue  # needs a real blob; downloading is tested in test_intake
            status = client.get(url).status_code
            expected_ok = key in allowed
            if expected_ok == (status == 403):
                wrong.append(f"{key} {url} → {status}")
    assert not wrong, wrong


def test_the_library_lets_in_staff_and_lets_attorneys_and_staff_add(people, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path
    wrong = []
    for key, user in people.items():
        client = sign_in(user)
        for url, allowed in LIBRARY_VIEWS.items():
            if (key in allowed) == (client.get(url).status_code == 403):
                wrong.append(f"{key} GET {url}")
        for url, allowed in LIBRARY_POST.items():
            if (key in allowed) == (client.post(url.format(r=1)).status_code == 403):
                wrong.append(f"{key} POST {url}")
    assert not wrong, wrong


def test_post_views_refuse_other_organizations(protester, people) -> None:
    stranger = sign_in(people["X"])
    assert stranger.post(f"/cases/{protester.pk}/upload/").status_code == 403
    assert stranger.post(f"/cases/{protester.pk}/package/build/").status_code == 403
    assert stranger.post(f"/cases/{protester.pk}/edit/", {"text": ""}).status_code == 403
    assert stranger.post(f"/cases/{protester.pk}/members/", {"username": "x"}).status_code == 403
    client = sign_in(people["C"])
    assert client.post("/demo/", {"name": "protester"}).status_code == 403


@pytest.mark.parametrize("url", ["/", "/cases/1/", "/intake/1/", "/accounts/users/"])
def test_anonymous_visitors_are_sent_to_login(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
