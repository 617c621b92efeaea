"""Deadlines from an approximate arrival are a range: open until the last possible day."""

from __future__ import annotations

import html
import re

import pytest

from prytulak.web.cases.models import Case

from .people import sign_in

pytestmark = pytest.mark.django_db
ARRIVAL = {
    "family": "Sadouskaya",
    "given": "Teresa",
    "birth": "1984-05-12",
    "port": "Chicago",
    "manner": "B2",
}


def _start(client, arrival: str) -> Case:  # type: ignore[no-untyped-def]
    response = client.post("/cases/new/", {**ARRIVAL, "arrival": arrival})
    assert response.status_code == 302
    return Case.objects.latest("pk")


def _text(response) -> str:  # type: ignore[no-untyped-def]
    """What the page says (tags and runs of white space dropped)."""
    page = re.sub(r"<[^>]+>", "", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(page))


def test_a_deadline_whose_last_possible_day_is_ahead_is_still_open(org, settings) -> None:
    settings.PRYTULAK_TODAY = "2026-11-15"  # after 2026-11-01, before 2026-11-30
    client = sign_in(org.attorney)
    case = _start(client, "2025-11")
    page = _text(client.get(f"/cases/{case.pk}/"))
    assert "2026-11-01 … 2026-11-30" in page
    assert "may still be timely until 2026-11-30; file now" in page
    assert 'class="missed"' not in client.get(f"/cases/{case.pk}/").content.decode()
    dashboard = _text(client.get("/"))
    assert "may still be timely until 2026-11-30" in dashboard
    assert "none upcoming" not in dashboard


def test_a_missed_deadline_stays_on_the_dashboard_marked_missed(org, settings) -> None:
    settings.PRYTULAK_TODAY = "2026-12-05"
    client = sign_in(org.attorney)
    _start(client, "2025-11")
    dashboard = _text(client.get("/"))
    assert "2026-11-01 … 2026-11-30" in dashboard and "missed" in dashboard
    assert "none upcoming" not in dashboard


def test_the_api_gives_the_last_possible_day(org) -> None:
    client = sign_in(org.attorney)
    case = _start(client, "2025-11")
    rows = client.get(f"/api/cases/{case.pk}/deadlines").json()
    one_year = next(r for r in rows if r["id"] == "one_year")
    assert (one_year["day"], one_year["latest"]) == ("2026-11-01", "2026-11-30")
