"""I-589 Part C.5 in the intake: asked only when the last arrival may be over a year ago."""

from __future__ import annotations

import html
from datetime import date

import pytest

from prytulak.web.intake.late_forms import may_be_late

from .people import sign_in

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 26)  # PRYTULAK_TODAY in the test settings


def _arrived(case, when: str) -> None:  # type: ignore[no-untyped-def]
    case.data["travel"]["us_entries"][-1]["date"] = when
    case.save()


@pytest.mark.parametrize(
    ("arrival", "late"),
    [("2026-03-02", False), ("2025-11-27", False), ("2025-11-25", True), ("2025", True)],
)
def test_the_step_is_asked_only_after_one_year(arrival: str, late: bool) -> None:
    data = {"travel": {"us_entries": [{"date": "2019-05-01"}, {"date": arrival}]}}
    assert may_be_late(data, TODAY) is late
    assert may_be_late({"travel": {}}, TODAY) is False


def test_late_filing_is_hidden_for_a_recent_arrival(protester) -> None:
    client = sign_in(protester.client_user)
    assert client.get(f"/intake/{protester.pk}/late_filing/").status_code == 404
    assert "late_filing" not in client.get(f"/intake/{protester.pk}/").content.decode()


def test_late_filing_explanation_is_written_to_part_c5(protester) -> None:
    _arrived(protester, "2025-03-02")
    client = sign_in(protester.client_user)
    assert "late_filing" in client.get(f"/intake/{protester.pk}/").content.decode()
    answers = {
        "changed_circumstances": "Criminal case opened in absentia\nName on the extremist list",
        "changed_on": "2026-06",
        "extraordinary_circumstances": "PTSD treatment",
        "lawful_status_until": "2026-03-01",
        "explanation": "I learned of the case in June.",
    }
    response = client.post(f"/intake/{protester.pk}/late_filing/", answers)
    assert response.status_code == 302
    protester.refresh_from_db()
    late = protester.case_file().claim.late_filing
    assert late.changed_circumstances[1] == "Name on the extremist list"
    assert str(late.changed_on) == "2026-06" and str(late.lawful_status_until) == "2026-03-01"
    assert late.extraordinary_circumstances == ["PTSD treatment"]


def test_a_bad_date_of_change_is_explained_in_belarusian(protester) -> None:
    _arrived(protester, "2025-03-02")
    client = sign_in(protester.client_user)
    client.post("/accounts/language/", {"language": "be", "next": "/"})
    answers = {"changed_circumstances": "New criminal case", "changed_on": "в июне"}
    response = client.post(f"/intake/{protester.pk}/late_filing/", answers)
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert "не дата, якую мы можам прачытаць" in page and "New criminal case" in page
    protester.refresh_from_db()
    assert protester.case_file().claim.late_filing is None
