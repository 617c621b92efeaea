"""Bad input found in the third review of the evidence locker: each gets a clear message naming
the problem and the fix, and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from prytulak.cli.main import app
from prytulak.evidence import EvidenceError, Locker, add_file, export_bag, process_item
from prytulak.store.blobs import BlobError, BlobMissing, BlobState
from prytulak.store.keys import KdfParams

from .conftest import PASSPHRASE

runner = CliRunner()
ENV = {"PRYTULAK_PASSPHRASE": PASSPHRASE, "PRYTULAK_USER": "attorney", "COLUMNS": "200"}
STATEMENT = "Я, Козлов Евгений Петрович, был задержан 9 августа 2020 года в Минске.\n"


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=ENV)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture
def case(case_folder: Path) -> Path:
    Locker.create(case_folder, PASSPHRASE, KdfParams.light())
    return case_folder


def _add_text(case: Path, tmp_path: Path, name: str, text: str, *options: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, out = _run("evidence", "add", str(case), str(tmp_path / name), *options)
    assert code == 0, out
    locker = Locker(case, None)
    item = next(i for i in locker.items() if i.original_name == name)
    return item.id


def _delete_original(case: Path, item_id: str) -> None:
    locker = Locker.open(case, PASSPHRASE)
    locker.blobs.path_for(locker.item(item_id).sha256).unlink()


# --- 1. a missing locker file -------------------------------------------------------------------


def test_a_missing_blob_is_a_blob_error_and_verify_calls_it_missing(locker: Locker) -> None:
    info = locker.blobs.put_bytes(b"statement")
    locker.blobs.path_for(info.sha256).unlink()
    with pytest.raises(BlobMissing, match="is missing from the locker"):
        locker.blobs.read(info.sha256)
    with pytest.raises(BlobError):
        locker.blobs.write_to(info.sha256, locker.root.parent / "out.txt")
    assert not (locker.root.parent / "out.txt").exists()
    assert locker.blobs.check(info.sha256) is BlobState.MISSING


def test_export_of_a_missing_file_names_the_item_and_the_fix(case: Path, tmp_path: Path) -> None:
    item_id = _add_text(case, tmp_path, "statement.txt", STATEMENT)
    _delete_original(case, item_id)
    code, out = _run("evidence", "export", str(case), str(tmp_path / "bag"))
    assert code == 1, out
    assert f"{item_id} (statement.txt): its file cannot be read from the locker" in out
    assert "is missing from the locker" in out
    assert f"prytulak evidence verify {case}" in out and "restore the case folder" in out


def test_ocr_of_a_missing_file_fails_that_item_only(case: Path, tmp_path: Path) -> None:
    first = _add_text(case, tmp_path, "a.txt", STATEMENT)
    second = _add_text(case, tmp_path, "b.txt", STATEMENT + "Подпись.\n")
    _delete_original(case, first)
    code, out = _run("evidence", "ocr", str(case), first, second)
    assert code == 1, out
    assert f"{first}: its file cannot be read from the locker" in out
    assert f"{first}: {first}" not in out
    assert "prytulak evidence verify" in out and "restore the case folder" in out
    assert f"✓ {second}" in out


def test_show_and_translate_of_a_missing_file_give_the_fix(case: Path, tmp_path: Path) -> None:
    item_id = _add_text(case, tmp_path, "a.txt", STATEMENT)
    locker = Locker.open(case, PASSPHRASE)
    extraction = locker.item(item_id).extraction
    assert extraction is not None
    locker.blobs.path_for(extraction.sha256).unlink()
    code, out = _run("evidence", "show", str(case), item_id, "--text")
    assert code == 1 and "is missing from the locker" in out
    assert f"prytulak evidence verify {case}" in out


def test_build_skips_an_item_whose_file_is_missing(case: Path, tmp_path: Path) -> None:
    item_id = _add_text(case, tmp_path, "statement.txt", STATEMENT, "--ref", "E05")
    _delete_original(case, item_id)
    code, out = _run("build", str(case), "--out", str(tmp_path / "stop"))
    assert code == 1, out
    assert "is missing from the locker" in out and "prytulak evidence verify" in out
    assert "--on-bad-evidence skip" in out
    code, out = _run(
        "build", str(case), "--out", str(tmp_path / "skip"), "--on-bad-evidence", "skip"
    )
    assert code == 0, out
    assert "SKIPPED E05" in out and "is missing from the locker" in out
    assert (tmp_path / "skip" / "manifest.json").is_file()


# --- 2. a failed export -------------------------------------------------------------------------


def test_a_failed_export_leaves_nothing_decrypted_and_a_retry_works(
    locker: Locker, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(STATEMENT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Протокол обыска\n", encoding="utf-8")
    first = add_file(locker, tmp_path / "a.txt", actor="t").item
    second = add_file(locker, tmp_path / "b.txt", actor="t").item
    assert first is not None and second is not None
    process_item(locker, first.id, "t")
    blob = locker.blobs.path_for(second.sha256)
    saved = blob.read_bytes()
    blob.unlink()
    out = tmp_path / "exports" / "bag"
    with pytest.raises(EvidenceError, match=r"F002 \(b.txt\): its file cannot be read"):
        export_bag(locker, out, "attorney")
    leftovers = list((tmp_path / "exports").rglob("*"))
    assert leftovers == [], f"decrypted files left behind: {leftovers}"
    assert locker.custody(first.id).read().entries[-1].action != "exported"
    blob.write_bytes(saved)  # restored from a backup
    result = export_bag(locker, out, "attorney")
    assert result.items == 2 and (out / "data" / "F001" / "original" / "a.txt").is_file()
    assert [p.name for p in (tmp_path / "exports").iterdir()] == ["bag"]


def test_an_export_killed_before_cleaning_up_is_removed_by_the_next(
    locker: Locker, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(STATEMENT, encoding="utf-8")
    add_file(locker, tmp_path / "a.txt", actor="t")
    stale = tmp_path / ".bag.partial-abc123" / "F001" / "original"
    stale.mkdir(parents=True)
    (stale / "a.txt").write_text(STATEMENT, encoding="utf-8")
    export_bag(locker, tmp_path / "bag", "attorney")
    assert not (tmp_path / ".bag.partial-abc123").exists()
    assert (tmp_path / "bag" / "bagit.txt").is_file()


def test_export_into_a_file_is_refused(locker: Locker, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STATEMENT, encoding="utf-8")
    add_file(locker, tmp_path / "a.txt", actor="t")
    with pytest.raises(EvidenceError, match="is a file, not a folder"):
        export_bag(locker, tmp_path / "a.txt", "attorney")


# --- 3. dates in the future ---------------------------------------------------------------------


def test_add_with_a_future_date_is_refused_before_anything_is_written(
    case: Path, tmp_path: Path
) -> None:
    before = (case / "case.yaml").read_bytes()
    (tmp_path / "ruling.txt").write_text("Пастанова суда", encoding="utf-8")
    code, out = _run(
        "evidence", "add", str(case), str(tmp_path / "ruling.txt"), "--date", "2099-05-01",
        "--ref", "E22",
    )  # fmt: skip
    assert code == 2, out
    assert "--date: 2099-05-01 is in the future (today is" in out
    assert "this date must already have happened — check the year" in out
    assert (case / "case.yaml").read_bytes() == before
    assert Locker(case, None).items() == []
    code, out = _run("evidence", "list", str(case))
    assert code == 0, out


def test_describe_with_a_future_date_is_refused(case: Path, tmp_path: Path) -> None:
    item_id = _add_text(case, tmp_path, "a.txt", STATEMENT)
    code, out = _run("evidence", "describe", str(case), item_id, "--date", "2099-01")
    assert code == 2 and "2099-01 is in the future" in out, out
    assert Locker(case, None).item(item_id).provenance.document_date is None
    code, out = _run("evidence", "describe", str(case), item_id, "--date", "2020-08")
    assert code == 0, out
    assert Locker(case, None).item(item_id).provenance.document_date == "2020-08"


def test_a_link_that_would_make_the_case_invalid_is_refused_before_writing(
    case: Path, tmp_path: Path
) -> None:
    before = (case / "case.yaml").read_bytes()
    (tmp_path / "a.txt").write_text(STATEMENT, encoding="utf-8")
    cyrillic_e = "\u0415" + "22"  # typed on a Russian keyboard layout: looks like E22
    code, out = _run("evidence", "add", str(case), str(tmp_path / "a.txt"), "--ref", cyrillic_e)
    assert code == 1, out
    assert f"linking the file to {cyrillic_e} would make case.yaml invalid" in out
    assert "evidence[" in out and "nothing was written to case.yaml" in out
    assert (case / "case.yaml").read_bytes() == before
    assert Locker(case, None).items() == [], "the file is not added either"


# --- 4. translations in other encodings ---------------------------------------------------------

ENGLISH = "Summons to the Investigative Committee of Minsk"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_a_translation_saved_as_notepad_unicode_is_read(
    case: Path, tmp_path: Path, encoding: str
) -> None:
    item_id = _add_text(case, tmp_path, "a.txt", STATEMENT)
    (tmp_path / "en.txt").write_bytes(ENGLISH.encode(encoding))
    code, out = _run(
        "evidence", "translate", str(case), item_id, "--text-file", str(tmp_path / "en.txt"),
        "--print",
    )  # fmt: skip
    assert code == 0, out
    assert ENGLISH in out and "\ufeff" not in out


@pytest.mark.parametrize(
    "data",
    [
        "Повестка в Следственный комитет".encode("cp1251"),
        bytes(range(256)) * 4,
        "Summons".encode("utf-16-le"),  # no byte-order mark
    ],
    ids=["cp1251", "random-bytes", "utf-16-without-bom"],
)
def test_a_translation_in_another_encoding_is_refused_with_how_to_save_it(
    case: Path, tmp_path: Path, data: bytes
) -> None:
    item_id = _add_text(case, tmp_path, "a.txt", STATEMENT)
    (tmp_path / "en.txt").write_bytes(data)
    code, out = _run(
        "evidence", "translate", str(case), item_id, "--text-file", str(tmp_path / "en.txt")
    )
    assert code == 1, out
    assert "en.txt is not" in out
    assert "save it as UTF-8 (Notepad: Save As → Encoding UTF-8)" in out
    assert Locker(case, None).item(item_id).translations == []


def test_a_missing_translation_file_is_said_clearly(case: Path, tmp_path: Path) -> None:
    item_id = _add_text(case, tmp_path, "a.txt", STATEMENT)
    code, out = _run(
        "evidence", "translate", str(case), item_id, "--text-file", str(tmp_path / "none.txt")
    )
    assert code == 1 and "none.txt cannot be read" in out and "check the path" in out, out


# --- 7. text evidence in UTF-16 and 8-bit encodings ---------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_with_a_bom_is_accepted(
    locker: Locker, tmp_path: Path, encoding: str
) -> None:
    text = "\ufeff" + STATEMENT if encoding == "utf-16-be" else STATEMENT
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    result = add_file(locker, tmp_path / "a.txt", actor="t")
    assert result.item is not None and result.item.kind.value == "text"
    assert result.item.intake_notes == []
    content = process_item(locker, result.item.id, "t")
    assert content.extraction is not None and content.extraction.language == "ru"
    from prytulak.evidence import read_extraction

    extracted = read_extraction(locker, content)
    assert extracted is not None and extracted.full_text() == STATEMENT.strip()


def test_utf16_html_is_recognised_as_html(locker: Locker, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(
        "<html><body><p>Протокол</p></body></html>".encode("utf-16")
    )
    result = add_file(locker, tmp_path / "page.html", actor="t")
    assert result.item is not None and result.item.kind.value == "html"


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        ("Straße grün, Café in München, Françoise Müller.\n", "latin-1", "Windows-1252"),
        ("Straße grün — “Café” in München.\n", "cp1252", "Windows-1252"),
        (STATEMENT, "cp1251", "Windows-1251"),
        ("Пратакол вобшуку ў кватэры. Суддзя Іваноў.\n", "cp1251", "Windows-1251"),
    ],
    ids=["latin-1", "cp1252", "cp1251-russian", "cp1251-belarusian"],
)
def test_8bit_text_is_read_in_the_encoding_its_letters_suggest_with_a_note(
    locker: Locker, tmp_path: Path, text: str, encoding: str, named: str
) -> None:
    from prytulak.evidence import read_extraction

    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    result = add_file(locker, tmp_path / "a.txt", actor="t")
    assert result.item is not None
    assert any(f"it was read as {named}" in note for note in result.item.intake_notes), (
        result.item.intake_notes
    )
    extracted = read_extraction(locker, process_item(locker, result.item.id, "t"))
    assert extracted is not None and extracted.full_text() == text.strip()


def test_binary_data_is_still_refused(locker: Locker, tmp_path: Path) -> None:
    from prytulak.evidence import IntakeRefused

    (tmp_path / "a.bin").write_bytes(b"abc\x00\x01\x02" * 100)
    with pytest.raises(IntakeRefused, match="binary data"):
        add_file(locker, tmp_path / "a.bin", actor="t")


# --- 5. re-adding a file with new details -------------------------------------------------------


def test_re_adding_a_file_applies_the_new_details_and_links_the_ref(
    case: Path, tmp_path: Path
) -> None:
    from prytulak.case import load_case

    item_id = _add_text(case, tmp_path, "good.txt", STATEMENT, "--event", "search-2022-03")
    code, out = _run(
        "evidence", "add", str(case), str(tmp_path / "good.txt"), "--ref", "E22",
        "--describe", "Statement of the applicant", "--date", "2022-03-16",
        "--event", "okrestina-2020-08", "--type", "statement",
    )  # fmt: skip
    assert code == 0, out
    assert f"= good.txt: already in the locker as {item_id}" in out
    assert f"applied to {item_id}: --describe, --date, --type, --event, --ref" in out
    assert "linked to E22 in case.yaml" in out
    item = Locker(case, None).item(item_id)
    assert item.provenance.description == "Statement of the applicant"
    assert item.provenance.document_date == "2022-03-16"
    assert item.provenance.evidence_ref == "E22"
    assert item.provenance.events == ["search-2022-03", "okrestina-2020-08"], "nothing lost"
    assert item.provenance.document_type == "statement"
    ref = load_case(case).evidence_item("E22")
    assert ref is not None and ref.blob == item.sha256
    assert ref.title == "Statement of the applicant"
    assert Locker(case, None).custody(item_id).read().entries[-1].action == "described"
    code, out = _run("evidence", "verify", str(case))
    assert code == 0, out
    code, out = _run("evidence", "add", str(case), str(tmp_path / "good.txt"), "--ref", "E22")
    assert code == 0 and "already has these details; nothing to change" in out, out


def test_re_adding_without_options_changes_nothing(case: Path, tmp_path: Path) -> None:
    item_id = _add_text(case, tmp_path, "good.txt", STATEMENT)
    count = Locker(case, None).item(item_id).custody_count
    code, out = _run("evidence", "add", str(case), str(tmp_path / "good.txt"))
    assert code == 0 and f"already in the locker as {item_id}" in out and "applied" not in out
    assert Locker(case, None).item(item_id).custody_count == count


def test_a_ref_that_already_names_another_file_is_left_with_a_note(
    case: Path, tmp_path: Path
) -> None:
    _add_text(case, tmp_path, "a.txt", STATEMENT, "--ref", "E30")
    before = (case / "case.yaml").read_bytes()
    (tmp_path / "b.txt").write_text("Протокол обыска\n", encoding="utf-8")
    code, out = _run("evidence", "add", str(case), str(tmp_path / "b.txt"), "--ref", "E30")
    assert code == 0, out
    assert "E30 in case.yaml already names another locker file" in out
    assert "case.yaml was left as it is" in out
    assert (case / "case.yaml").read_bytes() == before


# --- 6. a file that changes or disappears while it is being added ------------------------------


def _blob_count(locker: Locker) -> int:
    return sum(1 for _ in locker.blobs.hashes())


@pytest.mark.parametrize("what", ["changed", "deleted", "unreadable"])
def test_a_file_that_changes_or_disappears_fails_alone_and_leaves_nothing(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    import prytulak.evidence.intake as intake

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (inbox / name).write_text(f"{STATEMENT}{name}\n", encoding="utf-8")
    inspect = intake.inspect_file

    def meddling(path: Path, *args: object, **kwargs: object) -> object:
        result = inspect(path, *args, **kwargs)  # type: ignore[arg-type]
        if path.name == "b.txt":
            if what == "changed":  # still being copied or saved
                with open(path, "a", encoding="utf-8") as handle:
                    handle.write("more text arriving\n")
            elif what == "deleted":
                path.unlink()
            else:
                path.chmod(0)
        return result

    monkeypatch.setattr(intake, "inspect_file", meddling)
    if what == "unreadable":  # chmod 0 does not stop root: refuse the read itself
        from prytulak.store.blobs import BlobStore

        put_file = BlobStore.put_file

        def refusing(self: BlobStore, path: Path) -> object:
            if path.name == "b.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return put_file(self, path)

        monkeypatch.setattr(BlobStore, "put_file", refusing)
    code, out = _run("evidence", "add", str(case), str(inbox))
    assert code == 1, out
    assert "Traceback" not in out
    expected = {
        "changed": "b.txt changed while it was being added; wait until it is completely copied",
        "deleted": "b.txt disappeared while it was being added (moved or deleted); check where",
        "unreadable": "b.txt cannot be read",
    }[what]
    assert expected in out
    locker = Locker.open(case, PASSPHRASE)
    items = locker.items()
    assert [i.original_name for i in items] == ["a.txt", "c.txt"], "the batch went on"
    assert all(i.extraction is not None for i in items), "every stored item was processed"
    referenced = {i.sha256 for i in items} | {i.extraction.sha256 for i in items if i.extraction}
    assert set(locker.blobs.hashes()) == referenced, "no orphan blob"
    code, out = _run("evidence", "verify", str(case))
    assert code == 0, out


# --- 8. size of text files ----------------------------------------------------------------------


def test_a_huge_text_file_is_refused_quickly_with_the_option_to_raise_the_limit(
    case: Path, tmp_path: Path
) -> None:
    line = b"2020-08-14 12:00:01 INFO request served\n"
    (tmp_path / "server.log").write_bytes(line * (21 * 2**20 // len(line) + 1))
    code, out = _run("evidence", "add", str(case), str(tmp_path / "server.log"))
    assert code == 1, out
    assert "this text file is 21 MiB, over the limit of 20 MiB for plain text" in out
    assert "--max-text-size" in out
    assert Locker(case, None).items() == []
    (tmp_path / "small.txt").write_bytes(line * (2 * 2**20 // len(line)))
    code, out = _run(
        "evidence", "add", str(case), str(tmp_path / "small.txt"), "--max-text-size", "1"
    )
    assert code == 1 and "over the limit of 1 MiB for plain text" in out, out
    code, out = _run(
        "evidence", "add", str(case), str(tmp_path / "small.txt"), "--max-text-size", "3"
    )
    assert code == 0 and "✓ F001 small.txt (text" in out, out


def test_the_text_limit_does_not_apply_to_other_kinds(locker: Locker, tmp_path: Path) -> None:
    from prytulak.evidence import IntakeLimits

    (tmp_path / "page.html").write_text(
        "<html><body>" + "<p>Протокол</p>" * 200 + "</body></html>", encoding="utf-8"
    )
    result = add_file(
        locker, tmp_path / "page.html", actor="t", limits=IntakeLimits(max_text_bytes=100)
    )
    assert result.item is not None and result.item.kind.value == "html"


# --- 9. JavaScript in PDFs ----------------------------------------------------------------------


def _pdf_with(where: str) -> bytes:
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    page = pdf.pages[0].obj
    if where == "open-action":
        pdf.Root.OpenAction = pdf.make_indirect(script)
    elif where == "open-action-chain":
        pdf.Root.OpenAction = pikepdf.Dictionary(
            S=pikepdf.Name.GoTo, D=pikepdf.Array([page, pikepdf.Name.Fit]), Next=script
        )
    elif where == "document-aa":
        pdf.Root.AA = pikepdf.Dictionary(WC=script)
    elif where == "page-aa":
        page.AA = pikepdf.Dictionary(O=script)
    elif where == "link":
        page.Annots = pdf.make_indirect(
            pikepdf.Array(
                [
                    pikepdf.Dictionary(
                        Type=pikepdf.Name.Annot,
                        Subtype=pikepdf.Name.Link,
                        Rect=[0, 0, 10, 10],
                        A=script,
                    )
                ]
            )
        )
    elif where == "destination-only":
        pdf.Root.OpenAction = pikepdf.Array([page, pikepdf.Name.Fit])
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "where", ["open-action", "open-action-chain", "document-aa", "page-aa", "link"]
)
def test_javascript_in_actions_gets_a_note(locker: Locker, tmp_path: Path, where: str) -> None:
    (tmp_path / "a.pdf").write_bytes(_pdf_with(where))
    result = add_file(locker, tmp_path / "a.pdf", actor="t")
    assert result.item is not None
    assert "the PDF contains JavaScript; Prytulak never runs it" in result.item.intake_notes


def test_an_open_action_that_only_shows_a_page_gets_no_note(locker: Locker, tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(_pdf_with("destination-only"))
    result = add_file(locker, tmp_path / "a.pdf", actor="t")
    assert result.item is not None and result.item.intake_notes == []
