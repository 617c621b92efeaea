"""Loading the fictional demo cases (``prytulak.demo``) into an organization, one click each."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from django.db import transaction

from prytulak.case import case_to_data, load_case
from prytulak.web.accounts.models import User

from .clock import today
from .models import Case, Membership

__all__ = ["DEMO_NAMES", "demo_names", "free_case_id", "load_demo"]

DEMO_NAMES = ("protester", "journalist", "lgbt-believer")


def _folder(name: str) -> Path:
    return Path(str(resources.files("prytulak.demo") / "cases" / name))


def demo_names() -> list[str]:
    return [n for n in DEMO_NAMES if (_folder(n) / "case.yaml").is_file()]


def free_case_id(wanted: str, user: User) -> str:
    """``wanted``, or ``wanted-2``, ``-3`` … when the organization already has that case id."""
    taken = set(
        Case.objects.filter(organization=user.organization).values_list("case_id", flat=True)
    )
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


@transaction.atomic
def load_demo(name: str, user: User) -> Case:
    """A new case in the user's organization from a demo case, with the user as a member."""
    if name not in demo_names():
        raise ValueError(f"no demo case named {name!r}; choose one of {', '.join(demo_names())}")
    case = load_case(_folder(name), today=today())
    case = case.model_copy(update={"id": free_case_id(case.id, user)})
    row = Case.objects.create(
        organization=user.organization, case_id=case.id, data=case_to_data(case), updated_by=user
    )
    Membership.objects.create(case=row, user=user, role=user.role)
    return row
