"""Pages in Russian and Belarusian: language names, dates, Django's own strings, the logs."""

from __future__ import annotations

import html
import logging
import re

import pytest

from .people import sign_in

pytestmark = pytest.mark.django_db


def _in(client, language: str) -> None:  # type: ignore[no-untyped-def]
    client.post("/accounts/language/", {"language": language, "next": "/"})


def test_each_language_is_named_in_itself_in_the_menu(org) -> None:
    client = sign_in(org.attorney)
    _in(client, "be")
    page = client.get("/").content.decode()
    assert ">English</option>" in page and ">Русский</option>" in page
    assert ">Беларуская</option>" in page and "Англійская" not in page


def test_the_timeline_shows_dates_as_written_not_english_words(protester, org) -> None:
    client = sign_in(org.attorney)
    _in(client, "ru")
    fragment = client.get(f"/cases/{protester.pk}/timeline/").content.decode()
    first = protester.case_file().claim.timeline()[0]
    assert first.date.text in fragment and first.date.describe() not in fragment


def test_the_password_page_in_belarusian_uses_the_standard_orthography(org) -> None:
    client = sign_in(org.attorney)
    _in(client, "be")
    page = html.unescape(client.get("/accounts/password/").content.decode())
    assert "Пацвярджэнне новага пароля" in page and "Пацьвердзіце" not in page
    assert "ня можа" not in page


def test_the_audit_log_gives_the_time_zone(protester, org) -> None:
    page = sign_in(org.attorney).get(f"/cases/{protester.pk}/audit/").content.decode()
    assert re.search(r"\d\d:\d\d:\d\d E[SD]T", page)  # America/New_York, as builds show


def test_a_refusal_is_one_line_in_the_server_log(protester, other_org, caplog, settings) -> None:
    from prytulak.web.logfilters import OneLineRefusals

    assert "one_line_refusals" in settings.LOGGING["handlers"]["console"]["filters"]
    caplog.handler.addFilter(OneLineRefusals())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        sign_in(other_org.attorney).get(f"/cases/{protester.pk}/")
    refusals = [r for r in caplog.records if getattr(r, "status_code", None) == 403]
    assert refusals and all(r.exc_info is None for r in refusals)
    assert "Traceback" not in caplog.text
