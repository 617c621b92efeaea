"""The command line: import, search, match, referral; bad input gets a message, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from prytulak.cli.main import app
from prytulak.directory import DirectoryStore, ImportResult
from tests.conftest import DEMO_ROOT

from .test_local import LOCAL_YAML

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRYTULAK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def stored(data_dir: Path, probono: ImportResult) -> Path:
    DirectoryStore(data_dir).save(probono)
    return data_dir


def test_import_local_list(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "partners.yaml"
    path.write_text(LOCAL_YAML, "utf-8")
    result = runner.invoke(app, ["directory", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 providers" in result.output
    assert "unparsed blocks: 1" in result.output
    assert "row 2: row not imported" in result.output
    assert (data_dir / "directory" / "local.json").is_file()


def test_import_missing_file(data_dir: Path) -> None:
    result = runner.invoke(app, ["directory", "import", "nowhere.pdf"])
    assert result.exit_code == 1
    assert "does not exist" in result.output
    assert "Traceback" not in result.output


def test_import_unknown_source(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n", "utf-8")
    result = runner.invoke(app, ["directory", "import", str(path), "--source", "bar-list"])
    assert result.exit_code == 1
    assert "unknown source 'bar-list'" in result.output


def test_search_before_any_import(data_dir: Path) -> None:
    result = runner.invoke(app, ["directory", "search", "--state", "NY"])
    assert result.exit_code == 1
    assert "no directory imported yet" in result.output


def test_search_by_state_and_language(stored: Path) -> None:
    result = runner.invoke(app, ["directory", "search", "--state", "NY", "--language", "ru"])
    assert result.exit_code == 0, result.output
    assert "HIAS (New York)" in result.output
    assert "languages: Russian, Spanish" in result.output


def test_search_bad_state_is_a_usage_error(stored: Path) -> None:
    result = runner.invoke(app, ["directory", "search", "--state", "Minsk"])
    assert result.exit_code == 2
    assert "not a US state" in result.output


def test_match_demo_case(stored: Path) -> None:
    result = runner.invoke(app, ["directory", "match", str(DEMO_ROOT / "protester"), "--excluded"])
    assert result.exit_code == 0, result.output
    assert "Chicago Immigration Court" in result.output
    assert "1. National Immigrant Justice Center" in result.output
    assert "children only" in result.output
    assert "not a recommendation or legal advice" in result.output


def test_referral_markdown_and_pdf(tmp_path: Path) -> None:
    md = tmp_path / "referral.md"
    result = runner.invoke(app, ["referral", str(DEMO_ROOT / "protester"), "--out", str(md)])
    assert result.exit_code == 0, result.output
    assert "KAZLOU" not in md.read_text("utf-8")
    pdf = tmp_path / "referral.pdf"
    result = runner.invoke(app, ["referral", str(DEMO_ROOT / "protester"), "--out", str(pdf)])
    assert result.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF")


def test_referral_wrong_suffix(tmp_path: Path) -> None:
    out = tmp_path / "referral.docx"
    result = runner.invoke(app, ["referral", str(DEMO_ROOT / "protester"), "--out", str(out)])
    assert result.exit_code == 2
    assert ".md or .pdf" in result.output
