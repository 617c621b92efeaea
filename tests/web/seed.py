"""Seed a served installation for the browser tests: two organizations, a demo case.

Run as ``python -m tests.web.seed`` with ``PRYTULAK_DATA_DIR`` set; prints JSON with the
case id and each attorney's TOTP key (hex), so the test can type the right codes.
"""

from __future__ import annotations

import json
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prytulak.web.settings.main")

import django

django.setup()

from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from prytulak.web.accounts.models import Organization, Role, User  # noqa: E402
from prytulak.web.cases.demo import load_demo  # noqa: E402
from prytulak.web.cases.models import Membership  # noqa: E402

PASSWORD = "correct horse battery staple"


def _attorney(org: Organization, name: str) -> tuple[User, str]:
    user = User.objects.create_user(name, password=PASSWORD, organization=org, role=Role.ATTORNEY)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user, device.key


def main() -> None:
    first, first_key = _attorney(Organization.objects.create(name="Legal Aid Minsk"), "anna")
    _, other_key = _attorney(Organization.objects.create(name="Other Firm"), "boris")
    case = load_demo("protester", first)
    client = User.objects.create_user(
        "yauhen", password=PASSWORD, organization=first.organization, role=Role.CLIENT
    )
    Membership.objects.create(case=case, user=client, role=Role.CLIENT)
    print(json.dumps({"case": case.pk, "keys": {"anna": first_key, "boris": other_key}}))


if __name__ == "__main__":
    main()
