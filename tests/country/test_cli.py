"""The commands: country facts, country term, library add/search/list, memo."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from prytulak.cli.main import app
from tests.conftest import DEMO_ROOT

RUNNER = CliRunner()
REPORT = Path(__file__).parents[1] / "search" / "data" / "report_ru.txt"


@pytest.fixture(autouse=True)
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("PRYTULAK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def run(*args: str) -> tuple[int, str]:
    result = RUNNER.invoke(app, list(args))
    return result.exit_code, " ".join(result.output.split())  # rich wraps long lines


def test_facts_for_a_profile_show_source_and_flags() -> None:
    code, out = run("country", "facts", "--profile", "lgbtq")
    assert code == 0
    assert "BY-COI-085" in out and "to_verify" in out and "not legal advice" in out


def test_unknown_profile_lists_the_known_ones() -> None:
    code, out = run("country", "facts", "--profile", "pilots")
    assert code == 2 and "unknown profile pilots" in out and "journalists" in out


def test_term_lookup() -> None:
    assert run("country", "term", "СІЗА") == (0, "pre-trial detention center (SIZO)")
    code, out = run("country", "term", "бульба")
    assert code == 1 and "not in the glossary" in out


def test_search_before_any_report_says_how_to_add_one() -> None:
    code, out = run("library", "search", "torture")
    assert code == 1 and "prytulak library add" in out


def test_add_then_search_in_full_text_cites_report_page_and_date(data_dir: Path) -> None:
    code, out = run(
        "library",
        "add",
        str(REPORT),
        "--publisher",
        "Viasna (test)",
        "--date",
        "2025-03",
        "--no-embed",
    )
    assert code == 0 and "3 passage(s)" in out
    code, out = run("library", "search", "задержанные на границе", "--mode", "fts", "--lang", "ru")
    assert code == 0 and "(2025-03), p. 2" in out
    assert (data_dir / "library" / "library.sqlite3").is_file()


@pytest.mark.slow
def test_added_report_crosses_languages_at_once_and_embed_upgrades_it(data_dir: Path) -> None:
    code, out = run("library", "add", str(REPORT), "--date", "2025-03", "--no-embed")
    assert code == 0 and "e5 vectors" not in out
    code, out = run("library", "search", "detained at the border", "--mode", "semantic")
    assert code == 0 and "(2025-03), p. 2" in out and "static" in out
    assert "0 with e5 vectors" in run("library", "list")[1]
    code, out = run("library", "embed")
    assert code == 0 and "e5 vectors: 3 passage(s) embedded" in out
    assert "3 with e5 vectors" in run("library", "list")[1]
    code, out = run("library", "search", "detained at the border", "--mode", "semantic")
    assert "static" not in out and "semantic" in out


def test_bad_date_and_bad_file_are_named() -> None:
    code, out = run("library", "add", str(REPORT), "--date", "19.02.2025")
    assert code == 2 and "2025-02-19" in out
    code, out = run("library", "add", "missing.pdf")
    assert code == 1 and "no such file" in out


def test_memo_writes_docx_and_refuses_binary_to_the_terminal(tmp_path: Path) -> None:
    case = str(DEMO_ROOT / "protester")
    code, out = run("memo", case, "--format", "docx")
    assert code == 2 and "needs --out" in out
    target = tmp_path / "memo.docx"
    code, out = run("memo", case, "--format", "docx", "--out", str(target), "--no-library")
    assert code == 0
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Criminal Code art. 342" in text and "not legal advice" in text


def test_memo_of_a_broken_case_names_the_problem(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text("schema_version: 1\nid: Bad Id\n", encoding="utf-8")
    code, out = run("memo", str(tmp_path))
    assert code == 1 and "problem" in out
