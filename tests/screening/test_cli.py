"""The command line: import, check, lists; bad input gets a message and an exit code."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from prytulak.cli.main import app
from tests.conftest import DEMO_ROOT

from .conftest import FIXTURES

runner = CliRunner()


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args], env={"PRYTULAK_DATA_DIR": str(tmp_path), "COLUMNS": "200"})
    if "--json" in args:
        return result.exit_code, result.output
    return result.exit_code, " ".join(result.output.split())  # the same wherever lines wrap


def test_import_then_check_the_demo_case(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "screening", "import", str(FIXTURES / "eu_fsf.xml"))
    assert code == 0 and "4 entries (3 Belarus-related)" in out and "2026-10-20" in out
    code, out = _run(tmp_path, "screening", "check", str(DEMO_ROOT / "protester"))
    assert code == 0
    assert "VASILEVICH" in out and "score" in out and "confirm" in out
    code, out = _run(tmp_path, "screening", "check", str(DEMO_ROOT / "protester"), "--json")
    data = json.loads(out)
    assert data["hits"][0]["actor"] == "judge"
    assert data["hits"][0]["list_date"] == "2026-10-20"


def test_check_without_lists_says_what_to_do(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "screening", "check", str(DEMO_ROOT / "protester"))
    assert code == 1 and "screening import" in out


def test_import_of_a_wrong_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not a list")
    code, out = _run(tmp_path, "screening", "import", str(bad))
    assert code == 1 and "--format" in out and "Traceback" not in out


def test_bad_list_date(tmp_path: Path) -> None:
    code, out = _run(
        tmp_path, "screening", "import", str(FIXTURES / "sdn.csv"), "--list-date", "15/10/2026"
    )
    assert code == 2 and "YYYY-MM-DD" in out


def test_download_refused_without_flag(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "screening", "download", "ofac-sdn")
    assert code == 2 and "--allow-network" in out


def test_sample_import_and_lists(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "screening", "import", "--sample")
    assert code == 0
    code, out = _run(tmp_path, "screening", "lists")
    assert "FICTIONAL" in out


def test_bad_case_file(tmp_path: Path) -> None:
    _run(tmp_path, "screening", "import", "--sample")
    broken = tmp_path / "case.yaml"
    broken.write_text("schema_version: 1\nid: x\n")
    code, out = _run(tmp_path, "screening", "check", str(broken))
    assert code == 1 and "Traceback" not in out


def test_judge_written_with_initials_and_actors_without_hits(tmp_path: Path) -> None:
    """Rulings write judges as 'Василевич А.Н.'; the list has VASILEVICH Aliaksandr Mikalaevich.
    The investigator, recorded only in Cyrillic, has no hit and is still named."""
    import shutil

    from ruamel.yaml import YAML

    folder = tmp_path / "case"
    shutil.copytree(DEMO_ROOT / "protester", folder)
    yaml = YAML()
    data = yaml.load((folder / "case.yaml").read_text("utf-8"))
    for actor in data["claim"]["actors"]:
        if actor["id"] == "judge":
            del actor["name"]
            actor["name_native"] = "Василевич А.Н."
        if actor["id"] == "investigator":
            del actor["name"]
    with (folder / "case.yaml").open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    _run(tmp_path, "screening", "import", str(FIXTURES / "eu_fsf.xml"))
    code, out = _run(tmp_path, "screening", "check", str(folder))
    assert code == 0, out
    assert "Василевич А.Н. (judge, Frunzienski District Court of Minsk) may be the person" in out
    assert "possible match" in out.lower()
    assert "no hits for Денис Гринкевич" in out
    code, raw = _run(tmp_path, "screening", "check", str(folder), "--json")
    data = json.loads(raw)
    assert data["hits"][0]["actor"] == "judge"
    assert {"actor": "investigator", "names": ["Денис Гринкевич"]} in data["no_hits"]


def _eu_with_date(tmp_path: Path, generated: str) -> Path:
    text = (FIXTURES / "eu_fsf.xml").read_text(encoding="utf-8")
    start = text.index('generationDate="') + len('generationDate="')
    end = text.index('"', start)
    path = tmp_path / "eu.xml"
    path.write_text(text[:start] + generated + text[end:], encoding="utf-8")
    return path


def test_a_list_dated_in_the_future_is_refused(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "screening", "import", str(_eu_with_date(tmp_path, "2091-10-20")))
    assert code == 1, out
    assert "the list says it is dated 2091-10-20" in out and "in the future" in out
    assert "--list-date" in out


def test_a_list_date_given_in_the_future_is_refused(tmp_path: Path) -> None:
    code, out = _run(
        tmp_path, "screening", "import", str(FIXTURES / "sdn.csv"), "--list-date", "2091-01-01"
    )
    assert code == 1, out
    assert "--list-date 2091-01-01 is in the future" in out


def test_an_unreadable_list_date_is_said_with_the_date_used(tmp_path: Path) -> None:
    import os
    from datetime import date

    path = _eu_with_date(tmp_path, "20-10-2026")
    os.utime(path, (1_790_000_000, 1_790_000_000))
    used = date.fromtimestamp(1_790_000_000).isoformat()
    code, out = _run(tmp_path, "screening", "import", str(path))
    assert code == 0, out
    assert (
        f"the list's own date could not be read (20-10-2026); using the file's date {used} — "
        "pass --list-date"
    ) in out


def test_an_entity_bomb_is_named_as_entity_definitions(tmp_path: Path) -> None:
    bomb = tmp_path / "eu.xml"
    entities = "".join(
        f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
    )
    bomb.write_text(
        f'<?xml version="1.0"?><!DOCTYPE export [{entities}]>'
        '<export generationDate="2026-10-20">&e9;</export>',
        encoding="utf-8",
    )
    code, out = _run(tmp_path, "screening", "import", str(bomb), "--format", "eu-fsf-xml")
    assert code == 1, out
    assert "contains XML entity definitions" in out and "cut short" not in out


def test_an_actor_recorded_by_surname_only_is_not_a_plain_no_hit(tmp_path: Path) -> None:
    import shutil

    from ruamel.yaml import YAML

    folder = tmp_path / "case"
    shutil.copytree(DEMO_ROOT / "protester", folder)
    yaml = YAML()
    data = yaml.load((folder / "case.yaml").read_text("utf-8"))
    for actor in data["claim"]["actors"]:
        if actor["id"] == "investigator":
            del actor["name"]
            actor["name_native"] = "Лукашенко"
    with (folder / "case.yaml").open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    _run(tmp_path, "screening", "import", str(FIXTURES / "sdn.csv"))
    code, out = _run(tmp_path, "screening", "check", str(folder))
    assert code == 0, out
    assert "surname only (Лукашенко): cannot be screened reliably" in out
    assert "1 listed entry shares this surname (LUKASHENKA, Alyaksandr Ryhorovich" in out
    assert "no hits for Лукашенко" not in out
    code, raw = _run(tmp_path, "screening", "check", str(folder), "--json")
    data = json.loads(raw)
    (item,) = data["surname_only"]
    assert item["actor"] == "investigator" and item["entries"][0]["entry"] == "36001"
    assert all(entry["actor"] != "investigator" for entry in data["no_hits"])
