"""`prytulak evidence …` end to end through the command line (no OCR: that is tested apart)."""

from __future__ import annotations

from pathlib import Path

import bagit
import pytest
from typer.testing import CliRunner

from prytulak.case import load_case
from prytulak.cli.main import app
from prytulak.evidence import Locker
from prytulak.store.keys import KdfParams

from .conftest import PASSPHRASE, photo_with_gps

runner = CliRunner()
ENV = {"PRYTULAK_PASSPHRASE": PASSPHRASE, "PRYTULAK_USER": "attorney", "COLUMNS": "200"}


@pytest.fixture
def case(case_folder: Path) -> Path:
    Locker.create(case_folder, PASSPHRASE, KdfParams.light())
    return case_folder


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["evidence", *args], env=env if env is not None else ENV)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_add_list_show_verify_export(case: Path, tmp_path: Path) -> None:
    (tmp_path / "summons.txt").write_text(
        "ПОВЕСТКА. Гражданин Козлов Евгений Петрович вызывается в Следственный комитет 22.03.2022",
        encoding="utf-8",
    )
    (tmp_path / "photo.jpg").write_bytes(photo_with_gps())
    code, out = _run(
        "add",
        str(case),
        str(tmp_path / "summons.txt"),
        str(tmp_path / "photo.jpg"),
        "--describe",
        "Summons to the Investigative Committee",
        "--event",
        "search-2022-03",
        "--provided-by",
        "mother",
    )
    assert code == 0, out
    assert "✓ F001 summons.txt (text" in out and "✓ F002 photo.jpg (jpeg" in out
    code, out = _run("add", str(case), str(tmp_path / "summons.txt"))
    assert code == 0 and "= summons.txt: already in the locker as F001" in out

    code, out = _run("list", str(case), env={"COLUMNS": "200"})
    assert code == 0 and "F001" in out and "search-2022-03" in out and "needed" in out

    code, out = _run("show", str(case), "F001")
    assert "suggested document type: summons" in out
    assert "suggested date: 2022-03-22" in out
    assert "provided by: mother" in out

    code, out = _run("verify", str(case))
    assert code == 0 and "2 items" in out and "all intact" in out

    code, out = _run("export", str(case), str(tmp_path / "bag"))
    assert code == 0 and "1 image(s) exported without GPS and device data" in out
    bagit.Bag(str(tmp_path / "bag")).validate()


def test_add_with_a_new_ref_links_it_in_case_yaml(case: Path, tmp_path: Path) -> None:
    (tmp_path / "ruling.txt").write_text("Пастанова суда", encoding="utf-8")
    code, out = _run(
        "add",
        str(case),
        str(tmp_path / "ruling.txt"),
        "--ref",
        "E20",
        "--describe",
        "Ruling of the Frunzienski court",
        "--date",
        "2025-07-01",
    )
    assert code == 0, out
    ref = load_case(case).evidence_item("E20")
    assert ref is not None and ref.title == "Ruling of the Frunzienski court"
    assert ref.blob is not None and len(ref.blob) == 64


def test_broken_and_unknown_input_give_messages_and_exit_1(case: Path, tmp_path: Path) -> None:
    broken = Path(__file__).parent / "data" / "broken"
    code, out = _run("add", str(case), str(broken / "encrypted-pdf.pdf"))
    assert code == 1 and "this PDF is protected by a password" in out
    code, out = _run("add", str(case), str(tmp_path / "missing.pdf"))
    assert code == 1 and "missing.pdf is not a file" in out
    code, out = _run("add", str(case), str(broken / "empty.pdf"), "--event", "no-such-event")
    assert code == 1 and "no event no-such-event in the case" in out
    code, out = _run("show", str(case), "F999")
    assert code == 1 and "no evidence item 'F999'" in out


def test_a_wrong_or_missing_passphrase_is_explained(case: Path) -> None:
    code, out = _run("verify", str(case), env={"PRYTULAK_PASSPHRASE": "wrong"})
    assert code == 1 and "the passphrase does not open this evidence locker" in out
    code, out = _run("verify", str(case), env={"PRYTULAK_PASSPHRASE": ""})
    assert code == 2 and "set PRYTULAK_PASSPHRASE" in out


def test_verify_exits_1_when_a_file_changed(case: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Протокол", encoding="utf-8")
    _run("add", str(case), str(tmp_path / "a.txt"))
    locker = Locker.open(case, PASSPHRASE)
    blob = locker.blobs.path_for(locker.items()[0].sha256)
    blob.write_bytes(blob.read_bytes()[:-1] + b"\0")
    code, out = _run("verify", str(case))
    assert code == 1 and "has been changed" in out


def test_translate_by_a_person_and_glossary(case: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Повестка в Следственный комитет", encoding="utf-8")
    _run("add", str(case), str(tmp_path / "a.txt"))
    (tmp_path / "en.txt").write_text("Summons to the Investigative Committee", encoding="utf-8")
    code, out = _run(
        "translate",
        str(case),
        "F001",
        "--text-file",
        str(tmp_path / "en.txt"),
        "--translator",
        "Anna K.",
        "--address",
        "1 Main St, Chicago",
        "--glossary",
    )
    assert code == 0, out
    assert "Следственный комитет → Investigative Committee" in out
    assert "F001-T1: certified" in out
    code, out = _run(
        "translate", str(case), "F001", "--engine", "libretranslate:http://127.0.0.1:9"
    )
    assert code == 1 and "remote translation is off" in out
