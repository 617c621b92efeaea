"""Every command that writes a file or folder names an unusable --out and the fix, before any
work and without a traceback (cli/_paths.py)."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prytulak.cli._paths import (
    OutputPathError,
    check_output_file,
    check_output_folder,
    write_failed,
)
from prytulak.cli.main import app
from tests.conftest import DEMO_ROOT

runner = CliRunner()


@pytest.fixture
def work(tmp_path: Path) -> Path:
    shutil.copytree(DEMO_ROOT / "protester", tmp_path / "c")
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    return tmp_path


def _run(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


@pytest.mark.parametrize(
    "args",
    [
        ["build", "{c}", "--out", "{afile}"],
        ["build", "{c}", "--out", "{afile}/sub"],
        ["forms", "fill", "i589", "{c}", "--out", "{afile}/x.pdf"],
        ["forms", "fill", "i765", "{c}", "--out", "{afile}/x.pdf"],
        ["calendar", "{c}", "--out", "{afile}/x.ics"],
        ["referral", "{c}", "--out", "{afile}/r.pdf"],
        ["memo", "{c}", "--format", "pdf", "--out", "{afile}/m.pdf"],
        ["review", "{c}", "--out", "{afile}/r.txt"],
        ["assess", "{c}", "--out", "{afile}/a.txt"],
        ["case", "schema", "--out", "{afile}/s.json"],
        ["demo", "--out", "{afile}"],
    ],
)
def test_a_file_where_a_folder_is_needed_is_named(work: Path, args: list[str]) -> None:
    filled = [a.format(c=work / "c", afile=work / "afile") for a in args]
    out = _run(filled)
    assert f"{work / 'afile'} is a file, not a folder; choose another --out" in out


@pytest.mark.parametrize(
    ("args", "example"),
    [
        (["forms", "fill", "i589", "{c}", "--out", "{d}"], "i589.pdf"),
        (["calendar", "{c}", "--out", "{d}"], "deadlines.ics"),
        (["referral", "{c}", "--out", "{d}"], "referral.pdf"),
        (["memo", "{c}", "--format", "pdf", "--out", "{d}"], "memo.pdf"),
        (["review", "{c}", "--out", "{d}"], "review.txt"),
        (["assess", "{c}", "--out", "{d}"], "assessment.txt"),
    ],
)
def test_a_folder_where_a_file_is_needed_is_named(
    work: Path, args: list[str], example: str
) -> None:
    folder = work / "dir"
    folder.mkdir()
    out = _run([a.format(c=work / "c", d=folder) for a in args])
    assert f"{folder} is a folder; give a file name such as {folder / example}" in out


def test_build_into_a_place_that_cannot_be_made(work: Path) -> None:
    out = _run(["build", str(work / "c"), "--out", "/proc/prytulak-pkg"])
    assert "cannot write to /proc/prytulak-pkg" in out and "choose another --out" in out


def test_permission_denied_is_said_with_the_fix(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("prytulak.cli._paths.os.access", lambda path, mode: False)
    with pytest.raises(OutputPathError) as caught:
        check_output_folder(work / "new")
    assert str(caught.value) == (
        f"cannot write to {work} (permission denied); choose a folder you can write to"
    )


def test_os_errors_are_worded(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    assert "permission denied" in str(write_failed(target, PermissionError(errno.EACCES, "no")))
    assert "is a folder" in str(write_failed(target, IsADirectoryError(errno.EISDIR, "dir")))
    assert "disk is full" in str(write_failed(target, OSError(errno.ENOSPC, "full")))


def test_a_usable_file_target_is_accepted_and_its_folder_made(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deep" / "x.pdf"
    assert check_output_file(target) == target
    assert target.parent.is_dir()
