"""Case files that are not what they claim: too deep, too large, binary, or in case.json.

Each gets one clear problem naming the fix, quickly, never a RecursionError or minutes of
parsing."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prytulak.case import CaseFileError, dump_case_json, load_case
from prytulak.case.yamlio import MAX_CASE_FILE_BYTES, MAX_DEPTH
from prytulak.cli.main import app
from tests.conftest import DEMO_ROOT, TODAY, load_demo

runner = CliRunner()
BASE = (DEMO_ROOT / "protester" / "case.yaml").read_text(encoding="utf-8")


def _problems(path: Path) -> list[str]:
    with pytest.raises(CaseFileError) as caught:
        load_case(path, today=TODAY)
    return [str(p) for p in caught.value.problems]


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "case.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "extra",
    [
        "x_deep: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "x_deep:\n"
        + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(1500))
        + " " * 1501
        + "v: 1\n",
        "x_deep: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n",
    ],
    ids=["flow-100000", "block-1500", "just-over-the-limit"],
)
def test_deep_nesting_is_refused_with_the_limit(tmp_path: Path, extra: str) -> None:
    problems = _problems(_write(tmp_path, BASE + extra))
    assert problems == [
        f"the file is nested too deeply (more than {MAX_DEPTH} levels); a case file is at most "
        "about 10 levels deep — check that this is a case file and that its brackets and "
        "indentation are right"
    ]


def test_a_huge_file_is_refused_up_front_naming_size_and_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "# padding comment line ......\n" * 1_000_000)
    started = time.monotonic()
    problems = _problems(path)
    assert time.monotonic() - started < 5
    limit = MAX_CASE_FILE_BYTES // 1024 // 1024
    assert len(problems) == 1
    assert "the file is 28.6 MB; a case file is at most" in problems[0]
    assert f"at most {limit} MB" in problems[0]


def test_a_nul_byte_names_the_line_and_the_fix(tmp_path: Path) -> None:
    raw = BASE.encode("utf-8")
    line = raw[:500].count(b"\n") + 1
    problems = _problems(_write(tmp_path, raw[:500] + b"\x00" + raw[500:]))
    assert problems == [
        f"line {line}: the file contains a control character (#x0000) that a case file cannot "
        "hold; remove the control character (the file may be binary or damaged)"
    ]


def test_a_bad_schema_version_says_to_fix_it_first(tmp_path: Path) -> None:
    text = BASE.replace("schema_version: 1", "schema_version: x1")
    problems = _problems(_write(tmp_path, text))
    assert len(problems) == 1 and "fix schema_version first" in problems[0]


def test_a_folder_with_only_case_json_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    case = load_demo("protester")
    (folder / "case.json").write_text(dump_case_json(case), encoding="utf-8")
    assert load_case(folder, today=TODAY) == case
    result = runner.invoke(app, ["case", "validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_case_yaml_wins_when_a_folder_has_both(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(DEMO_ROOT / "protester", folder)
    (folder / "case.json").write_text("{not json", encoding="utf-8")
    assert load_case(folder, today=TODAY) == load_demo("protester")


def test_validate_and_show_do_not_crash_on_deep_nesting(tmp_path: Path) -> None:
    _write(tmp_path, BASE + "x_deep: " + "[" * 100_000 + "]" * 100_000 + "\n")
    for command in ("validate", "show"):
        result = runner.invoke(app, ["case", command, str(tmp_path)])
        assert result.exit_code == 1, result.output
        assert "nested too deeply" in result.output
        assert not isinstance(result.exception, RecursionError)


@pytest.mark.parametrize(
    "name",
    ["../../../../tmp/x.pdf", "/tmp/x.pdf", "sub/../../x.pdf", "..\\..\\x.pdf", "C:\\x.pdf"],
)
def test_an_evidence_file_outside_the_case_folder_is_refused(tmp_path: Path, name: str) -> None:
    case = load_demo("protester")
    first = case.evidence[0].model_copy(update={"file": name})
    data = json.loads(
        dump_case_json(case.model_copy(update={"evidence": [first, *case.evidence[1:]]}))
    )
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    [problem] = _problems(path)
    assert problem.startswith("evidence[0].file")
    assert problem.endswith(
        f'"{name}" leads outside the case folder; put the file in the case\'s evidence/ folder '
        'and write its name there (e.g. "x.pdf")'
    )


def test_an_evidence_file_in_a_subfolder_of_evidence_is_fine(tmp_path: Path) -> None:
    case = load_demo("protester")
    first = case.evidence[0].model_copy(update={"file": "scans/ruling.pdf"})
    path = tmp_path / "case.json"
    path.write_text(
        dump_case_json(case.model_copy(update={"evidence": [first, *case.evidence[1:]]})),
        encoding="utf-8",
    )
    assert load_case(path, today=TODAY).evidence[0].file == "scans/ruling.pdf"
