"""``prytulak build`` and ``prytulak forms fill`` end to end, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from prytulak.cli.main import app
from tests.conftest import DEMO_ROOT

from .evidence_files import break_file, case_with_evidence

runner = CliRunner()


@pytest.mark.slow
def test_build_writes_a_complete_package(tmp_path: Path) -> None:
    folder = case_with_evidence(tmp_path)
    out = tmp_path / "package"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    paths = {f["path"] for f in manifest["files"]}
    assert {
        "01-cover-letter.pdf",
        "02-i589.pdf",
        "03-declaration.pdf",
        "03-declaration.docx",
        "04-interpreter-certificate.pdf",
        "05-exhibits.pdf",
        "later/i765.pdf",
        "review/declaration-review-ru.pdf",
        "attorney/country-conditions-memo.pdf",
        "attorney/country-conditions-memo.docx",
    } <= paths
    memo = pypdf.PdfReader(out / "attorney/country-conditions-memo.pdf")
    memo_text = " ".join(" ".join(page.extract_text() for page in memo.pages).split())
    assert "BY-COI-" in memo_text and "not legal advice" in memo_text.lower()
    for entry in manifest["files"]:
        data = (out / entry["path"]).read_bytes()
        assert len(data) == entry["bytes"]
        if entry["path"].endswith(".pdf"):
            assert len(pypdf.PdfReader(out / entry["path"]).pages) == entry["pages"]
    assert [f["edition"] for f in manifest["forms"]] == ["01/20/25", "08/21/25"]
    assert "Not legal advice" in manifest["notice"]
    assert "Not legal advice" in result.output or "not legal advice" in result.output.lower()


@pytest.mark.slow
def test_build_stops_on_a_locked_evidence_file_and_names_it(tmp_path: Path) -> None:
    folder = case_with_evidence(tmp_path)
    broken = break_file(folder, "E07", "encrypted")
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "p")])
    assert result.exit_code == 1
    assert broken.name in result.output and "password-protected" in result.output
    assert "Traceback" not in result.output
    skipped = runner.invoke(
        app, ["build", str(folder), "--out", str(tmp_path / "p2"), "--on-bad-evidence", "skip"]
    )
    assert skipped.exit_code == 0 and "SKIPPED E07" in skipped.output


def test_build_rejects_an_unknown_exhibit_id(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["build", str(DEMO_ROOT / "protester"), "--out", str(tmp_path / "p"), "--order", "E01,E77"],
    )
    assert result.exit_code == 2 and "E77" in result.output


def test_forms_fill_i589_and_i765(tmp_path: Path) -> None:
    target = tmp_path / "i589.pdf"
    result = runner.invoke(
        app,
        ["forms", "fill", "i589", str(DEMO_ROOT / "journalist"), "--out", str(target), "--flatten"],
    )
    assert result.exit_code == 0, result.output
    assert "/AcroForm" not in pypdf.PdfReader(target).trailer["/Root"]
    out765 = tmp_path / "i765.pdf"
    result = runner.invoke(
        app, ["forms", "fill", "i765", str(DEMO_ROOT / "protester"), "--out", str(out765)]
    )
    assert result.exit_code == 0 and out765.is_file()


def test_a_broken_case_file_gives_problems_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text("schema_version: 1\nid: BAD ID\n", encoding="utf-8")
    result = runner.invoke(app, ["forms", "fill", "i589", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output


def _letter(out: Path, tmp_path: Path) -> str:
    from .pdfcheck import pdf_text

    return " ".join(pdf_text((out / "01-cover-letter.pdf").read_bytes(), tmp_path).split())


def test_cover_letter_lists_only_what_is_enclosed(tmp_path: Path) -> None:
    from prytulak.case import load_case
    from prytulak.filing import build_package

    bare = build_package(
        load_case(DEMO_ROOT / "protester"), DEMO_ROOT / "protester", tmp_path / "bare"
    )
    letter = _letter(tmp_path / "bare", tmp_path)
    assert "Declaration of the applicant" in letter
    assert "xhibit" not in letter and "translat" not in letter  # no file, nothing promised
    assert not any(f.path.startswith("05-exhibits") for f in bare.files)
    assert any("no exhibit bundle" in w for w in bare.warnings)

    folder = case_with_evidence(tmp_path)
    full = build_package(load_case(folder), folder, tmp_path / "full")
    assert full.bundle is not None
    rows = full.bundle.rows
    letter = _letter(tmp_path / "full", tmp_path)
    assert f"Index of exhibits and {len(rows)} exhibits (Tabs A–{rows[-1].tab})" in letter
    # some foreign documents still lack a translation: the letter says how many have one
    foreign = full.bundle.translated + full.bundle.untranslated
    assert full.bundle.untranslated > 0
    assert (
        f"translators' certificates for {full.bundle.translated} of the {foreign} "
        "foreign-language documents" in letter
    )


@pytest.mark.slow
def test_a_missing_evidence_file_is_said_last_with_the_fix(tmp_path: Path) -> None:
    folder = case_with_evidence(tmp_path)
    gone = sorted(p for p in (folder / "evidence").glob("*.pdf") if ".en." not in p.name)[0]
    gone.unlink()
    result = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "package")])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    tail = out[out.index("review note(s)") :]
    assert "evidence item(s) are NOT in the exhibits" in tail
    assert "file not found" in tail and gone.name in tail
    assert f"To include them: put each file in {folder / 'evidence'}/" in tail
