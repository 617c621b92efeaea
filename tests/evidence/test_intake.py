"""Intake: real types, hashes, duplicates, refusals with messages, quarantine."""

from __future__ import annotations

import hashlib
import io
import json
from email.message import EmailMessage
from pathlib import Path

import docx
import pikepdf
import pillow_heif
import pytest
from PIL import Image

from prytulak.evidence import (
    FileKind,
    IntakeLimits,
    IntakeRefused,
    Locker,
    Provenance,
    add_file,
    add_files,
    describe_item,
)
from prytulak.evidence.specimens import SPECIMEN_TEXTS, render_scan, scan_pdf

from .conftest import photo_with_gps

BROKEN = Path(__file__).parent / "data" / "broken"
EXPECTED: dict[str, list[str]] = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _eml() -> bytes:
    message = EmailMessage()
    message["From"] = "mother@example.org"
    message["To"] = "yauhen@example.org"
    message["Subject"] = "Повестка"
    message["Date"] = "Wed, 16 Mar 2022 10:00:00 +0300"
    message.set_content("Сёння прыйшла позва для цябе.")
    return message.as_bytes()


def _heic() -> bytes:
    buffer = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (32, 32), "white")).save(buffer, quality=80)
    return buffer.getvalue()


def _tiff_two_pages() -> bytes:
    buffer = io.BytesIO()
    pages = [render_scan(SPECIMEN_TEXTS["ru"]), render_scan(SPECIMEN_TEXTS["be"])]
    pages[0].save(buffer, "TIFF", save_all=True, append_images=pages[1:])
    return buffer.getvalue()


SAMPLES = {
    "scan.pdf": (lambda: scan_pdf([render_scan("ПОВЕСТКА")]), FileKind.PDF, 1),
    "photo.jpg": (photo_with_gps, FileKind.JPEG, 1),
    "scan.png": (lambda: _png(), FileKind.PNG, 1),
    "photo.heic": (_heic, FileKind.HEIC, 1),
    "scans.tiff": (_tiff_two_pages, FileKind.TIFF, 2),
    "statement.docx": (lambda: _docx("Я, Казлоў Яўген, сведчу…"), FileKind.DOCX, None),
    "note.txt": (lambda: "Меня задержали".encode("cp1251"), FileKind.TEXT, None),
    "letter.eml": (_eml, FileKind.EMAIL, None),
    "article.html": (
        lambda: b"<!DOCTYPE html><html><body><p>Nasha Niva</p></body></html>",
        FileKind.HTML,
        None,
    ),
}


def _png() -> bytes:
    buffer = io.BytesIO()
    render_scan("Пастанова").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_accepted_type_is_recognised_hashed_and_stored(
    locker: Locker, tmp_path: Path, name: str
) -> None:
    make, kind, pages = SAMPLES[name]
    data = make()
    path = tmp_path / name
    path.write_bytes(data)
    result = add_file(locker, path, actor="paralegal")
    item = result.item
    assert item is not None and not result.duplicate
    assert item.kind is kind
    assert item.pages == pages
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert locker.blobs.read(item.sha256) == data


def test_the_type_comes_from_the_bytes_not_the_name(locker: Locker, tmp_path: Path) -> None:
    path = tmp_path / "ruling.pdf"
    path.write_bytes(photo_with_gps())
    result = add_file(locker, path, actor="a")
    assert result.item is not None and result.item.kind is FileKind.JPEG
    assert result.warnings == (
        "the name ends in .pdf but the contents are JPEG; the locker uses the contents",
    )


def test_adding_the_same_bytes_again_finds_the_first_item(locker: Locker, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Протокол задержания", encoding="utf-8")
    (tmp_path / "copy-of-a.txt").write_text("Протокол задержания", encoding="utf-8")
    first = add_file(locker, tmp_path / "a.txt", actor="a")
    again = add_file(locker, tmp_path / "copy-of-a.txt", actor="a")
    assert again.duplicate and again.item is not None and first.item is not None
    assert again.item.id == first.item.id
    assert len(locker.items()) == 1


def test_provenance_is_recorded_and_changes_are_logged(locker: Locker, tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("Повестка", encoding="utf-8")
    provenance = Provenance(
        description="Summons to the Investigative Committee",
        provided_by="mother, by Telegram",
        original=False,
        source="Investigative Committee, Minsk",
        document_date="2022-03-16",
        events=["search-2022-03"],
        elements=["nexus: political opinion"],
    )
    item = add_file(locker, tmp_path / "s.txt", actor="attorney", provenance=provenance).item
    assert item is not None and item.provenance == provenance
    changed = describe_item(locker, item.id, "attorney", document_type="summons")
    assert changed.provenance.document_type == "summons"
    entries = locker.custody(item.id).read().entries
    assert [e.action for e in entries] == ["added", "described"]
    assert entries[1].detail == "changed: document_type"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_input_is_refused_with_its_message(locker: Locker, name: str) -> None:
    code, message = EXPECTED[name]
    with pytest.raises(IntakeRefused) as refused:
        add_file(locker, BROKEN / name, actor="a")
    assert refused.value.code == code
    assert str(refused.value).startswith(message)
    assert locker.items() == []


def test_a_file_over_the_size_limit_is_refused(locker: Locker, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (3 * 2**20))
    with pytest.raises(
        IntakeRefused, match=r"the file is 3 MiB, over the limit of 2 MiB; split it"
    ):
        add_file(locker, path, actor="a", limits=IntakeLimits(max_bytes=2 * 2**20))


def test_an_image_over_a_lower_pixel_limit_is_refused(locker: Locker, tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    render_scan("x").save(path)
    width, height = Image.open(path).size
    with pytest.raises(
        IntakeRefused,
        match=rf"larger than the limit of 0.5 megapixels \({width} × {height} pixels\)",
    ):
        add_file(locker, path, actor="a", limits=IntakeLimits(max_pixels=500_000))


def test_an_encrypted_pdf_with_its_password_keeps_the_original_and_an_unlocked_copy(
    locker: Locker,
) -> None:
    path = BROKEN / "encrypted-pdf.pdf"
    with pytest.raises(IntakeRefused, match="the PDF password given does not open this PDF"):
        add_file(locker, path, actor="a", pdf_password="wrong")
    item = add_file(locker, path, actor="a", pdf_password="user-pw").item
    assert item is not None
    assert locker.blobs.read(item.sha256) == path.read_bytes()
    unlocked = item.derived[0]
    with pikepdf.open(io.BytesIO(locker.blobs.read(unlocked.sha256))) as pdf:
        assert not pdf.is_encrypted


def test_a_folder_of_mixed_files_adds_the_good_and_reports_the_bad(
    locker: Locker, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "note.txt").write_text("Пастанова", encoding="utf-8")
    (inbox / "photo.jpg").write_bytes(photo_with_gps())
    (inbox / "macros.docx").write_bytes((BROKEN / "macros.docx").read_bytes())
    (inbox / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    results = add_files(locker, [inbox], actor="a", quarantine=True)
    assert [r.path.name for r in results] == ["macros.docx", "note.txt", "photo.jpg"]
    assert results[0].refused is not None and results[0].refused.code == "macros"
    assert len(locker.items()) == 2
    kept = locker.quarantined()
    assert [q["name"] for q in kept] == ["macros.docx"]
    assert locker.blobs.read(str(kept[0]["sha256"])) == (BROKEN / "macros.docx").read_bytes()
