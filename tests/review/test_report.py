"""The review report in its three formats, and the command's exit code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from prytulak.cli.main import app
from prytulak.review import review
from prytulak.review.render import report_html, report_json, report_text
from tests.conftest import DEMO_ROOT, TODAY, load_demo

runner = CliRunner()


def _declaration_case(tmp_path: Path) -> Path:
    folder = tmp_path / "protester"
    shutil.copytree(DEMO_ROOT / "protester", folder)
    (folder / "declaration.txt").write_text("1. I was never arrested.\n", encoding="utf-8")
    return folder


def test_text_json_html_carry_the_same_findings(tmp_path: Path) -> None:
    case = load_demo("protester")
    report = review(case, today=TODAY, declaration="I have never been detained.")
    text, payload = report_text(report), json.loads(report_json(report))
    html = report_html(report)
    assert payload["counts"]["blocking"] == 1
    first = payload["findings"][0]
    assert first["code"] == "declaration.denies-detention"
    assert first["location"]["text"] == "declaration (line 1)"
    assert "[blocking]" in text and "declaration (line 1)" in text
    assert "not legal advice" in text and "not legal advice" in payload["disclaimer"]
    assert '<li class="blocking">' in html and "not legal advice" in html


def test_html_escapes_case_content() -> None:
    report = review(load_demo("protester"), today=TODAY, declaration="<script>never arrested")
    assert "<script>" not in report_html(report)


def test_cli_exit_code_follows_blocking_findings(tmp_path: Path) -> None:
    clean = runner.invoke(app, ["review", str(DEMO_ROOT / "protester"), "--as-of", "2026-11-26"])
    assert clean.exit_code == 0, clean.output
    blocked = runner.invoke(app, ["review", str(_declaration_case(tmp_path))])
    assert blocked.exit_code == 1
    assert "never arrested" in blocked.output


def test_cli_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "review.json"
    result = runner.invoke(
        app, ["review", str(DEMO_ROOT / "journalist"), "--format", "json", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["case"] == "demo-zhukava"


def test_cli_bad_as_of_is_a_usage_error() -> None:
    result = runner.invoke(app, ["review", str(DEMO_ROOT / "protester"), "--as-of", "2026-11"])
    assert result.exit_code == 2
    assert "full date" in result.output


def test_build_warns_while_blocking_findings_are_open(tmp_path: Path) -> None:
    import json as _json

    from prytulak.case import dump_case, load_case

    folder = tmp_path / "protester"
    shutil.copytree(DEMO_ROOT / "protester", folder)
    case = load_case(folder)
    data = _json.loads(case.model_dump_json(by_alias=True))
    data["claim"]["fears"] = []
    broken = type(case).model_validate(data)
    (folder / "case.yaml").write_text(dump_case(broken), encoding="utf-8")
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "pkg")])
    assert result.exit_code == 0, result.output
    assert "blocking review finding(s) are open" in result.output
    assert "No fear of future harm" in result.output
    clean = runner.invoke(
        app, ["build", str(DEMO_ROOT / "journalist"), "--out", str(tmp_path / "p2")]
    )
    assert "blocking review finding" not in clean.output


def _case_with_locker(tmp_path: Path) -> Path:
    from prytulak.evidence import Locker
    from prytulak.store.keys import KdfParams

    folder = tmp_path / "journalist"
    shutil.copytree(DEMO_ROOT / "journalist", folder)
    Locker.create(folder, "correct horse battery staple", KdfParams.light())
    return folder


def test_saved_reports_say_the_locker_was_not_read(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.delenv("PRYTULAK_PASSPHRASE", raising=False)
    folder = _case_with_locker(tmp_path)
    html_out, json_out = tmp_path / "review.html", tmp_path / "review.json"
    for fmt, out in (("html", html_out), ("json", json_out)):
        result = runner.invoke(app, ["review", str(folder), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert "The evidence locker was not read" in html_out.read_text()
    notes = json.loads(json_out.read_text())["notes"]
    assert len(notes) == 1 and notes[0].startswith("The evidence locker was not read")
    text = runner.invoke(app, ["review", str(folder)])
    assert text.output.count("The evidence locker was not read") == 1


def test_a_report_without_a_locker_has_no_notes() -> None:
    payload = json.loads(report_json(review(load_demo("journalist"), today=TODAY)))
    assert payload["notes"] == []
