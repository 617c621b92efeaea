"""``prytulak names …`` on the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from prytulak.cli.main import app
from tests.conftest import DEMO_ROOT

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_variants_of_a_belarusian_name() -> None:
    code, out = _run("names", "variants", "Аляксандр Лукашэнка")
    assert code == 0
    assert "Aliaksandr Lukashenka" in out and "Aleksandr Lukashenko" in out
    assert "candidates" in out


def test_compare_explains() -> None:
    code, out = _run("names", "compare", "NAUMAU, Uladzimir", "Уладзімір Навумаў")
    assert code == 0 and "/100" in out and "NAUMAU" in out


def test_name_without_letters_is_a_usage_error() -> None:
    code, out = _run("names", "variants", "1234")
    assert code == 2 and "no letters" in out


def test_systems_listed() -> None:
    code, out = _run("names", "systems")
    assert code == 0 and "be-icao" in out and "ru-mvd-310" in out


def test_check_with_evidence_text(tmp_path: Path) -> None:
    text = tmp_path / "E02.txt"
    text.write_text("Arrival record: Evgeny Kozlov", encoding="utf-8")
    code, out = _run("names", "check", str(DEMO_ROOT / "protester"), str(text))
    assert code == 0 and "E02" in out and "Evgeny Kozlov" in out


def test_check_without_texts(tmp_path: Path) -> None:
    code, out = _run("names", "check", str(DEMO_ROOT / "protester"))
    assert code == 1 and "no evidence text" in out


def test_variants_of_a_latin_spelling_say_what_to_give_instead() -> None:
    code, out = _run("names", "variants", "Tereza Sadovskaya")
    assert code == 1 and "give the name as written in Cyrillic" in out
