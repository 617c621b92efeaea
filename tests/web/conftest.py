"""Web tests: Django's test database (SQLite; PostgreSQL with PRYTULAK_TEST_POSTGRES=1)."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prytulak.web.settings.test")

import django
import pytest

django.setup()  # pytest-django read no settings module at start-up; test modules import models

from tests.web.people import Org, make_org  # noqa: E402


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With PRYTULAK_TEST_POSTGRES=1 every web database test is also marked ``postgres``."""
    if os.environ.get("PRYTULAK_TEST_POSTGRES") != "1":
        return
    for item in items:
        if "tests/web" in str(item.fspath) and "django_db" in item.keywords:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session", autouse=True)
def _catalogues() -> None:
    from prytulak.web.catalogues import compile_catalogues

    compile_catalogues()


@pytest.fixture
def org(db: None) -> Org:
    return make_org("Legal Aid Chicago", "chi")


@pytest.fixture
def other_org(db: None) -> Org:
    return make_org("Other Firm", "oth")


@pytest.fixture
def protester(org: Org):  # type: ignore[no-untyped-def]
    """The protester demo case loaded by the attorney, with staff, translator and a client."""
    from prytulak.web.accounts.models import Role
    from prytulak.web.cases.demo import load_demo
    from prytulak.web.cases.models import Membership
    from tests.web.people import make_user

    case = load_demo("protester", org.attorney)
    for user in (org.staff, org.translator):
        Membership.objects.create(case=case, user=user, role=user.role)
    client_user = make_user(org.organization, "chi-client", Role.CLIENT)
    Membership.objects.create(case=case, user=client_user, role=Role.CLIENT)
    case.client_user = client_user
    return case
