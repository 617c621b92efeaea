"""``prytulak assess`` and ``prytulak calendar`` as a user runs them."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from icalendar import Calendar
from typer.testing import CliRunner

from prytulak.case import dump_case_json, parse_case_text
from prytulak.cli.main import app
from prytulak.law import assess, calendar_ics, render
from tests.conftest import DEMO_ROOT, TODAY, load_demo

RUNNER = CliRunner()
PROTESTER = str(DEMO_ROOT / "protester")
GOLDEN = Path(__file__).parent / "golden"


def _run(*args: str) -> tuple[int, str]:
    result = RUNNER.invoke(app, list(args))
    return result.exit_code, result.output


def test_assess_text_in_russian_with_citations() -> None:
    code, out = _run("assess", PROTESTER, "--as-of", "2026-11-26", "--lang", "ru")
    assert code == 0
    assert "Годичный срок подачи" in out and "2027-03-02" in out
    assert "INA 208(a)(2)(B)" in out and "не юридическая консультация" in out


def test_assess_json_is_machine_readable() -> None:
    code, out = _run("assess", PROTESTER, "--as-of", "2026-11-26", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["blocking"] == []
    ids = {f["id"]: f["status"] for f in data["findings"]}
    assert ids["bar.firm_resettlement"] == "at_risk" and ids["relief.cat"] == "met"


def test_assess_html_in_belarusian(tmp_path: Path) -> None:
    target = tmp_path / "a.html"
    code, _ = _run(
        "assess",
        PROTESTER,
        "--as-of",
        "2026-11-26",
        "--format",
        "html",
        "--lang",
        "be",
        "--out",
        str(target),
    )
    html = target.read_text(encoding="utf-8")
    assert code == 0 and '<html lang="be">' in html and "Гадавы тэрмін падачы" in html


def test_blocking_finding_exits_1(tmp_path: Path) -> None:
    code, out = _run("assess", PROTESTER, "--as-of", "2027-06-01")
    assert code == 1
    assert "One-year filing deadline" in out and "days late" in out


def test_bad_date_is_a_usage_error_not_a_traceback() -> None:
    code, out = _run("assess", PROTESTER, "--as-of", "26.11.2026")
    assert code == 2 and "write YYYY-MM-DD" in out and "Traceback" not in out


def test_unknown_rule_change_names_the_known_ones() -> None:
    code, out = _run("assess", PROTESTER, "--assume", "ead-999")
    assert code == 2 and "ead-365-day-wait" in out


def test_missing_case_is_a_clear_error(tmp_path: Path) -> None:
    code, out = _run("assess", str(tmp_path / "nowhere"))
    assert code == 1 and "no such file" in out


def test_calendar_writes_every_deadline(tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    code, _out = _run(
        "calendar", str(DEMO_ROOT / "journalist"), "--out", str(target), "--as-of", "2026-11-26"
    )
    assert code == 0
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "Earliest day to file the work-permit application (I-765)" in summaries
    assert any("Annual asylum fee" in s for s in summaries)
    assert all(e.walk("VALARM") for e in events)


def test_calendar_has_the_hearing_itself_and_the_filing_cutoff() -> None:
    data = json.loads(dump_case_json(load_demo("protester")))
    data["travel"]["court"] = {"history": "now", "next_hearing": "2027-02-09"}
    case = parse_case_text(json.dumps(data).encode(), "hearing.json", today=TODAY)
    ics = calendar_ics(assess(case, TODAY))
    events = Calendar.from_ical(ics).walk("VEVENT")
    days = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events}
    assert days["Immigration court hearing"] == date(2027, 2, 9)
    assert days["Last day to file before the court hearing"] == date(2027, 1, 25)


def test_calendar_refuses_a_non_ics_name(tmp_path: Path) -> None:
    code, out = _run("calendar", PROTESTER, "--out", str(tmp_path / "x.txt"))
    assert code == 2 and ".ics" in out


def test_text_report_matches_golden_file() -> None:
    """Regenerate with PRYTULAK_UPDATE_GOLDEN=1 after a reviewed change to rules or texts."""
    text = render(assess(load_demo("protester"), TODAY), "text", "en")
    golden = GOLDEN / "protester.en.txt"
    if os.environ.get("PRYTULAK_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
