"""Saving a case never leaves a half-written file, even when the process dies mid-save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prytulak.case import load_case
from prytulak.store import CaseFolder, create_case_folder, save_case
from prytulak.store import folder as folder_module
from tests.conftest import TODAY, load_demo


def test_save_and_load(tmp_path: Path) -> None:
    case = load_demo("journalist")
    save_case(tmp_path / "c", case)
    assert (tmp_path / "c" / "evidence").is_dir()
    assert load_case(tmp_path / "c", today=TODAY) == case


def test_case_file_is_private_by_default(tmp_path: Path) -> None:
    save_case(tmp_path / "c", load_demo("protester"))
    assert (tmp_path / "c" / "case.yaml").stat().st_mode & 0o077 == 0


def test_crash_during_write_keeps_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = load_demo("protester")
    folder = tmp_path / "c"
    save_case(folder, case)
    before = (folder / "case.yaml").read_bytes()

    def crash(fd: int) -> None:
        raise OSError("simulated power loss during fsync")

    changed = case.model_copy(update={"notes": "edited"})
    monkeypatch.setattr(folder_module.os, "fsync", crash)
    with pytest.raises(OSError, match="simulated"):
        save_case(folder, changed)
    monkeypatch.undo()
    assert (folder / "case.yaml").read_bytes() == before
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_crash_before_rename_keeps_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = load_demo("protester")
    folder = tmp_path / "c"
    save_case(folder, case)
    before = (folder / "case.yaml").read_bytes()

    def die(src: object, dst: object) -> None:
        raise KeyboardInterrupt  # the user pressed Ctrl-C at the worst moment

    monkeypatch.setattr(folder_module.os, "replace", die)
    with pytest.raises(KeyboardInterrupt):
        save_case(folder, case.model_copy(update={"notes": "edited"}))
    monkeypatch.undo()
    assert (folder / "case.yaml").read_bytes() == before


def test_killed_child_process_leaves_old_or_new(tmp_path: Path) -> None:
    """A real process killed with SIGKILL right after writing the temp file."""
    case = load_demo("protester")
    folder = tmp_path / "c"
    save_case(folder, case)
    before = (folder / "case.yaml").read_bytes()
    pid = os.fork()
    if pid == 0:  # child: write the temporary file, then die before renaming
        folder_module.os.replace = lambda *a: os.kill(os.getpid(), 9)  # type: ignore[assignment]
        save_case(folder, case.model_copy(update={"notes": "edited"}))
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    assert (folder / "case.yaml").read_bytes() == before


def test_new_folder_refuses_to_overwrite(tmp_path: Path) -> None:
    case = load_demo("protester")
    create_case_folder(tmp_path / "c", case)
    with pytest.raises(FileExistsError, match="already exists"):
        create_case_folder(tmp_path / "c", case)
    assert CaseFolder(tmp_path / "c").load(TODAY) == case


def test_saving_keeps_the_authors_comments_layout_and_folded_narratives(tmp_path: Path) -> None:
    """A command that adds one evidence reference must not rewrite the rest of a hand-written
    file: its comments, its folded narratives, its order stay as the person left them."""
    from prytulak.case import EvidenceRef
    from tests.conftest import DEMO_ROOT

    folder = tmp_path / "c"
    folder.mkdir()
    written = (DEMO_ROOT / "protester" / "case.yaml").read_text(encoding="utf-8")
    written = written.replace("  sex: male\n", "  sex: male  # as in the passport\n")
    (folder / "case.yaml").write_text(written, encoding="utf-8")
    case = load_case(folder, today=TODAY)
    added = EvidenceRef(id="E99", title="Summons to the KGB", kind="summons")
    save_case(folder, case.model_copy(update={"evidence": [*case.evidence, added]}))
    text = (folder / "case.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Prytulak demo case (a). Entirely fictional")
    assert "  sex: male  # as in the passport\n" in text
    assert text.count("narrative: >-") == written.count("narrative: >-")
    assert " \n" not in text  # no trailing spaces from re-flowed narratives
    old_lines, new_lines = written.splitlines(), text.splitlines()
    assert new_lines[: len(old_lines) // 2] == old_lines[: len(old_lines) // 2]
    again = load_case(folder, today=TODAY)
    assert again.evidence_item("E99") == added
    assert again.model_copy(update={"evidence": case.evidence}) == case


def test_a_change_is_written_even_where_the_author_formatted_the_value(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    save_case(folder, load_demo("protester"))
    case = load_case(folder, today=TODAY)
    first = case.claim.events[0]
    changed_event = first.model_copy(update={"narrative": "Rewritten narrative."})
    claim = case.claim.model_copy(update={"events": [changed_event, *case.claim.events[1:]]})
    save_case(folder, case.model_copy(update={"claim": claim}))
    assert load_case(folder, today=TODAY).claim.events[0].narrative == "Rewritten narrative."


def test_save_refuses_a_case_that_would_not_load_back(tmp_path: Path) -> None:
    """The model alone accepts a birth in the future; the integrity checks do not, and nothing
    is written (not even the folder)."""
    from datetime import date

    from prytulak.case import CaseFileError, parse_partial_date

    case = load_demo("protester")
    birth = case.applicant.birth
    assert birth is not None
    future = birth.model_copy(update={"date": parse_partial_date("2031-04-17")})
    bad = case.model_copy(update={"applicant": case.applicant.model_copy(update={"birth": future})})
    with pytest.raises(CaseFileError) as caught:
        save_case(tmp_path / "c", bad, today=TODAY)
    assert any("2031-04-17 is in the future" in str(p) for p in caught.value.problems)
    assert not (tmp_path / "c").exists()
    save_case(tmp_path / "c", case, today=TODAY)
    before = (tmp_path / "c" / "case.yaml").read_bytes()
    with pytest.raises(CaseFileError):
        save_case(tmp_path / "c", bad, today=date(2026, 11, 26))
    assert (tmp_path / "c" / "case.yaml").read_bytes() == before


def test_new_folder_refuses_a_file_in_its_place(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(FileExistsError, match="is a file, not a folder; choose another folder"):
        create_case_folder(tmp_path / "afile", load_demo("protester"))
