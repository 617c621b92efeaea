"""The `prytulak case` and `prytulak demo` commands, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from prytulak.case import load_case
from prytulak.cli.main import app
from tests.conftest import DEMO_ROOT, TODAY

runner = CliRunner()


def test_new_with_flags_creates_a_valid_case(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "case", "new", str(tmp_path / "c"), "--family", "Kazlou", "--given", "Ales",
            "--birth", "1990-05-01", "--arrival", "2026-03-02", "--port", "JFK Airport",
            "--manner", "B1/B2",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    case = load_case(tmp_path / "c", today=TODAY)
    text = (tmp_path / "c" / "case.yaml").read_text(encoding="utf-8")
    assert "harmed_others" not in text  # nobody answered the bars questions: nothing written
    assert case.claim.bars.unanswered() == [
        "harmed_others", "crimes_in_us", "serious_crime_abroad", "armed_group_support"
    ]  # fmt: skip
    assert case.applicant.name.family == "KAZLOU"
    last = case.travel.last_arrival()
    assert last is not None and last.date.text == "2026-03-02"


def test_new_with_a_bad_date_explains(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "case",
            "new",
            str(tmp_path / "c"),
            "--family",
            "K",
            "--given",
            "A",
            "--birth",
            "17.04.1991",
        ],
    )
    assert result.exit_code == 1
    assert "write 1991-04-17" in result.output
    assert not (tmp_path / "c").exists()


def test_new_without_required_flags_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["case", "new", str(tmp_path / "c")], input="")
    assert result.exit_code == 2
    assert "missing option" in result.output


def test_new_with_an_arrival_asks_the_status_at_entry(tmp_path: Path) -> None:
    args = ["case", "new", str(tmp_path / "c"), "--family", "K", "--given", "A", "--birth"]
    args += ["1990", "--arrival", "2026-03-02", "--port", "JFK"]
    result = runner.invoke(app, args, input="")
    assert result.exit_code == 2 and "--manner" in result.output


def test_new_does_not_overwrite(tmp_path: Path) -> None:
    args = ["case", "new", str(tmp_path / "c"), "--family", "K", "--given", "A", "--birth", "1990"]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and "already exists" in again.output


def test_validate_accepts_the_demo_cases() -> None:
    result = runner.invoke(app, ["case", "validate", *(str(p) for p in DEMO_ROOT.iterdir())])
    assert result.exit_code == 0, result.output
    assert result.output.count("valid") == 3


def test_show_prints_who_arrival_deadline_and_timeline() -> None:
    result = runner.invoke(app, ["case", "show", str(DEMO_ROOT / "protester")])
    assert result.exit_code == 0, result.output
    assert "YAUHEN KAZLOU" in result.output
    assert "Казлоў Яўген" in result.output
    assert "March 2, 2026" in result.output
    assert "2027-03-02" in result.output  # one-year deadline
    assert "Okrestina" in result.output


def test_schema_is_json_schema(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert runner.invoke(app, ["case", "schema", "--out", str(out)]).exit_code == 0
    schema = json.loads(out.read_text())
    assert schema["$schema"].endswith("2020-12/schema")
    assert "applicant" in schema["properties"]


def test_demo_writes_the_cases_and_shows_them(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "demo").iterdir()) == [
        "journalist", "lgbt-believer", "protester",
    ]  # fmt: skip
    for name in ("YAUHEN KAZLOU", "HANNA ZHUKAVA", "ARTSIOM LIAKHOVICH"):
        assert name in result.output
    assert "not legal advice" in result.output


def test_the_readme_example_of_case_new_runs_as_written(tmp_path: Path, monkeypatch) -> None:
    import re
    import shlex

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    command = re.search(r"uv run prytulak (case new .*?)\n(?!\s)", readme, re.S)
    assert command is not None
    argv = shlex.split(command.group(1).replace("\\\n", " "))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert load_case(tmp_path / "cases" / "kazlou", today=TODAY).applicant.name.family == "KAZLOU"


def test_new_refuses_a_case_that_would_not_validate(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "case", "new", str(tmp_path / "x"), "--family", "Kazlou", "--given", "Yauhen",
            "--birth", "2091-04-17", "--arrival", "2026-03-02", "--port", "O'Hare",
            "--manner", "B1/B2",
        ],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    out = " ".join(result.output.split())
    assert "created" not in out.replace("not created", "")
    assert "the case was not created; fix these and run it again" in out
    assert "--birth: 2091-04-17 is in the future" in out
    assert "--arrival: 2026-03-02 is before the applicant was born" in out
    assert not (tmp_path / "x").exists()


def test_new_in_a_path_that_is_a_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for target in (tmp_path / "afile", tmp_path / "afile" / "sub"):
        result = runner.invoke(
            app,
            ["case", "new", str(target), "--family", "K", "--given", "A", "--birth", "1990-01-01"],
        )
        out = " ".join(result.output.split())
        assert result.exit_code == 1, out
        assert f"{tmp_path / 'afile'} is a file, not a folder; choose another folder" in out
        assert "Errno" not in out
