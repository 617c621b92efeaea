"""Every malformed case file gets a message that names the field and the fix, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from prytulak.case import CaseFileError, load_case
from prytulak.cli.main import app
from tests.conftest import TODAY

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"
EXPECTED: dict[str, dict[str, str]] = YAML(typ="safe").load(BROKEN / "expected.yaml")
BROKEN_FILES = sorted(p.name for p in BROKEN.glob("*.yaml") if p.name != "expected.yaml")


def test_every_broken_file_has_an_expectation() -> None:
    assert sorted(EXPECTED) == BROKEN_FILES
    assert len(BROKEN_FILES) >= 12


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_broken_file_is_rejected_with_its_message(name: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        load_case(BROKEN / name, today=TODAY)
    expected = EXPECTED[name]
    matching = [p for p in caught.value.problems if p.path == expected["path"]]
    assert matching, f"no problem at {expected['path']!r}: {caught.value.problems}"
    assert any(expected["says"] in p.message for p in matching), matching


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_cli_validate_rejects_without_traceback(name: str) -> None:
    result = CliRunner().invoke(app, ["case", "validate", str(BROKEN / name)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_problems_point_at_the_line() -> None:
    with pytest.raises(CaseFileError) as caught:
        load_case(BROKEN / "arrival-before-birth.yaml", today=TODAY)
    assert caught.value.problems[0].line == 9


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (BROKEN / "unknown-value.yaml").read_text() + "  a_number: nope\n"
    path = tmp_path / "case.yaml"
    path.write_text(text)
    with pytest.raises(CaseFileError) as caught:
        load_case(path, today=TODAY)
    assert {p.path for p in caught.value.problems} == {"applicant.sex", "applicant.a_number"}


def test_broken_file_is_not_modified() -> None:
    before = (BROKEN / "schema-version-from-future.yaml").read_bytes()
    with pytest.raises(CaseFileError):
        load_case(BROKEN / "schema-version-from-future.yaml", today=TODAY)
    assert (BROKEN / "schema-version-from-future.yaml").read_bytes() == before
