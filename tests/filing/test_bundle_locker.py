"""The exhibit bundle built from the case's encrypted evidence locker: originals or their
searchable OCR copies, certified translations with the translator's certificate, photos without
GPS and device data, machine drafts refused, nothing decrypted left on disk, and the manifest."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from prytulak.cli.main import app
from prytulak.evidence import (
    Locker,
    OcrSettings,
    Provenance,
    add_file,
    add_human_translation,
    machine_draft,
    process_item,
)
from prytulak.evidence.specimens import SPECIMEN_TEXTS, render_scan, scan_pdf
from prytulak.store.keys import KdfParams
from tests.conftest import DEMO_ROOT
from tests.evidence.conftest import photo_with_gps

from .evidence_files import FONT
from .pdfcheck import pdf_text

pytestmark = pytest.mark.needs_tools("tesseract")

PASSPHRASE = "a long passphrase for the test locker"
MARKER = "PLAINTEXT-MARKER-5c1e9a"
MEDICAL = [
    "СПРАВКА. Козлов Евгений Петрович находился на лечении в 4-й городской клинической "
    "больнице с 12 по 14 августа 2020 года.",
    "Диагноз: множественные ушибы мягких тканей спины и бёдер, сотрясение головного мозга. "
    "Рекомендовано амбулаторное лечение.",
]
STATEMENT = (
    "Я, Андрей Л., находился в одной камере с Евгением Козловым на Окрестина в августе 2020 "
    f"года и видел следы побоев на его спине.\n{MARKER} Подпись свидетеля.\n"
)
runner = CliRunner()


class TableEngine:
    """A stand-in translation engine (no model can be downloaded here): numbered lines."""

    name = "test-table"
    remote = False

    def translate(self, segments: list[str], source: str, target: str) -> list[str]:
        return [f"machine draft line {n}" for n, _ in enumerate(segments, start=1)]


@dataclass(frozen=True)
class Built:
    folder: Path
    out: Path
    output: str
    exit_code: int
    originals: dict[str, bytes]
    tmp: Path


def _pdf(pages: list[str]) -> bytes:
    pdfmetrics.registerFont(TTFont("LockerTestSans", FONT))
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setTitle(MARKER)  # in the original's metadata only; pages carry no document info
    for text in pages:
        canvas.setFont("LockerTestSans", 11)
        y = 720
        for start in range(0, len(text), 80):
            canvas.drawString(60, y, text[start : start + 80])
            y -= 16
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _add(locker: Locker, path: Path, data: bytes, ref: str | None) -> str:
    path.write_bytes(data)
    result = add_file(locker, path, actor="paralegal", provenance=Provenance(evidence_ref=ref))
    assert result.item is not None, result
    return result.item.id


def _make_locker(folder: Path, inbox: Path) -> dict[str, bytes]:
    locker = Locker.create(folder, PASSPHRASE, KdfParams.light())
    inbox.mkdir()
    files = {
        "flag.jpg": (photo_with_gps(), "E03"),
        "medical.pdf": (_pdf(MEDICAL), "E04"),
        "statement.txt": (STATEMENT.encode("utf-8"), "E05"),
        "summons.pdf": (scan_pdf([render_scan(SPECIMEN_TEXTS["ru"], seed=5)]), "E08"),
        "notes.txt": (b"Notes of the first meeting, not an exhibit.\n", None),
    }
    ids = {name: _add(locker, inbox / name, data, ref) for name, (data, ref) in files.items()}
    fast = OcrSettings(pdf_deskew=False, pdf_rotate_pages=False)
    for name in ("medical.pdf", "statement.txt", "summons.pdf"):
        process_item(locker, ids[name], "paralegal", settings=fast)
    add_human_translation(
        locker,
        ids["medical.pdf"],
        "CERTIFICATE. Kazlou Yauhen Piatrovich was treated at the 4th City Clinical Hospital "
        "from 12 to 14 August 2020.\nDiagnosis: multiple bruises of the back and thighs, "
        "concussion.",
        "paralegal",
        translator="Volha Dzemidovich",
        address="1500 N Milwaukee Ave, Chicago, IL 60622",
    )
    machine_draft(locker, ids["statement.txt"], TableEngine(), "paralegal")
    add_human_translation(
        locker,
        ids["summons.pdf"],
        "SUMMONS. Citizen Kazlou Yauhen Piatrovich is summoned to the Investigative Committee.",
        "paralegal",
        translator="Anna Kovalenko",
        address="22 Lake St, Evanston, IL 60201",
    )
    originals = {name: data for name, (data, _) in files.items()}
    shutil.rmtree(inbox)  # the only copies left are the encrypted ones
    return originals


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    root = tmp_path_factory.mktemp("locker-bundle")
    folder = root / "protester"
    shutil.copytree(DEMO_ROOT / "protester", folder)
    originals = _make_locker(folder, root / "inbox")
    private_tmp = root / "tmp"
    private_tmp.mkdir()
    saved, tempfile.tempdir = tempfile.tempdir, str(private_tmp)
    try:
        result = runner.invoke(
            app,
            ["build", str(folder), "--out", str(root / "out"), "--on-bad-evidence", "skip"],
            env={"PRYTULAK_PASSPHRASE": PASSPHRASE},
        )
    finally:
        tempfile.tempdir = saved
    yield Built(folder, root / "out", result.output, result.exit_code, originals, private_tmp)


def _bundle(built: Built) -> Path:
    assert built.exit_code == 0, built.output
    return built.out / "05-exhibits.pdf"


def _pages(built: Built, tmp_path: Path) -> list[str]:
    return pdf_text(_bundle(built).read_bytes(), tmp_path).split("\f")


def _manifest(built: Built) -> dict[str, dict[str, object]]:
    data = json.loads((built.out / "manifest.json").read_text(encoding="utf-8"))
    return {e["evidence_id"]: e for e in data["exhibits"]}


def test_index_rows_and_bookmarks_follow_the_locker(built: Built, tmp_path: Path) -> None:
    pages = _pages(built, tmp_path)
    index = pages[1]
    assert "Index of Exhibits" in index
    index = " ".join(index.split())
    assert "[locker F004: searchable copy, OCR text layer added]" in index
    assert "[locker F001: photo; GPS and device data removed]" in index
    assert "[locker F002: original]" in index
    assert "TRANSLATION MISSING for F003" in index  # the date column splits the line
    with pikepdf.open(_bundle(built)) as pdf, pdf.open_outline() as outline:
        numbers = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        marks = [
            (
                item.title.split(":")[0],
                numbers[item.destination[0].objgen],
                [(c.title, numbers[c.destination[0].objgen]) for c in item.children],
            )
            for item in outline.root
        ]
        total = len(pdf.pages)
    assert marks == [
        ("Cover", 1, []),
        ("Index of exhibits", 2, []),
        ("Tab A", 3, []),  # E03 photo
        ("Tab B", 5, [("English translation", 8), ("Translator's certificate", 9)]),  # E04
        ("Tab C", 10, [("English translation (missing)", 12)]),  # E05, machine draft only
        ("Tab D", 13, [("English translation", 15), ("Translator's certificate", 16)]),  # E08
    ]
    assert total == 16
    for number, page in enumerate(pages[:total], start=1):
        assert f"Page {number} of {total}" in page


def test_translation_and_certificate_follow_the_foreign_document(
    built: Built, tmp_path: Path
) -> None:
    pages = _pages(built, tmp_path)
    assert "Tab B" in pages[4]
    assert "Козлов Евгений Петрович" in pages[5]  # the original's own text layer is kept
    translation = " ".join(pages[7].split())
    assert "English Translation" in translation
    assert "Exhibit B" in translation and "from Russian" in translation
    assert "multiple bruises of the back and thighs" in translation
    certificate = " ".join(pages[8].split())
    assert "Certificate of Translation" in certificate
    assert "I, Volha Dzemidovich, certify that I am competent to translate from Russian" in (
        certificate
    )
    assert "1500 N Milwaukee Ave, Chicago, IL 60622" in certificate
    assert "(773) 555-0112" in certificate  # telephone from the case's translator record
    assert "F002 (medical.pdf)" in certificate  # the documents it covers
    assert "8 CFR 103.2(b)(3)" in certificate and "Translator" in certificate
    searchable = " ".join(pages[13].split())
    assert "Следственный" in searchable or "ПОВЕСТКА" in searchable  # OCR text layer kept
    phone_blank = " ".join(pages[15].split())
    assert "Anna Kovalenko" in phone_blank and "Telephone: ____" in phone_blank


def test_a_machine_draft_never_goes_in_and_skip_marks_its_place(
    built: Built, tmp_path: Path
) -> None:
    text = "\n".join(_pages(built, tmp_path))
    assert "machine draft line" not in text
    assert "DRAFT MACHINE TRANSLATION" not in text
    placeholder = " ".join(_pages(built, tmp_path)[11].split())
    assert "CERTIFIED ENGLISH TRANSLATION REQUIRED" in placeholder
    assert "F003 (statement.txt): F003-T1 is a machine draft, not certified" in placeholder
    output = " ".join(built.output.split())
    assert "F003 (statement.txt) has only an uncertified English translation" in output
    assert "--certify F003-T1" in output


def test_without_skip_a_machine_draft_stops_the_build_naming_item_and_fix(
    built: Built, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        ["build", str(built.folder), "--out", str(tmp_path / "p")],
        env={"PRYTULAK_PASSPHRASE": PASSPHRASE},
    )
    output = " ".join(result.output.split())
    assert result.exit_code == 1, result.output
    assert "evidence locker item F003 (statement.txt) [E05]" in output
    assert "its only English translation F003-T1 is a machine draft" in output
    assert f"prytulak evidence translate {built.folder} F003 --certify F003-T1" in output
    assert "--text-file FILE" in output  # or a person's translation
    assert "Traceback" not in result.output
    assert not (tmp_path / "p" / "05-exhibits.pdf").exists()


def test_the_photo_page_has_no_gps_or_device_data(built: Built) -> None:
    data = _bundle(built).read_bytes()
    assert b"DNPX1234" not in data and b"iPhone" not in data
    with pikepdf.open(_bundle(built)) as pdf:
        images = [obj for obj in pdf.pages[3].Resources.XObject.values()]  # after Tab A
        assert len(images) == 1
        stream = images[0]
        assert stream.Filter == pikepdf.Name.DCTDecode  # the JPEG itself, not re-encoded
        picture = Image.open(io.BytesIO(stream.read_raw_bytes()))
        exif = picture.getexif()
    assert 0x8825 not in exif and not exif.get_ifd(0x8825), "GPS position left in"
    assert 0x010F not in exif and 0x0110 not in exif, "camera make/model left in"
    assert exif.get(0x0132) == "2020:08:09 19:40:00", "the date taken is kept"


def test_the_manifest_records_item_ids_and_original_hashes(built: Built) -> None:
    exhibits = _manifest(built)
    assert sorted(exhibits) == ["E03", "E04", "E05", "E08"]

    def sha(name: str) -> str:
        return hashlib.sha256(built.originals[name]).hexdigest()

    photo = exhibits["E03"]["items"][0]  # type: ignore[index]
    assert photo["item"] == "F001" and photo["sha256_original"] == sha("flag.jpg")
    assert photo["included"] == "photo-without-metadata"
    assert "GPS position" in photo["metadata_removed"]
    medical = exhibits["E04"]
    assert medical["tab"] == "B" and medical["pages"] == "5–9"
    assert medical["file"] == "05-exhibits.pdf"
    item = medical["items"][0]  # type: ignore[index]
    assert item["sha256_original"] == sha("medical.pdf") and item["included"] == "original"
    assert medical["translations"][0]["translator"] == "Volha Dzemidovich"  # type: ignore[index]
    summons = exhibits["E08"]["items"][0]  # type: ignore[index]
    assert summons["included"] == "searchable-pdf"
    assert summons["sha256_original"] == sha("summons.pdf")
    missing = exhibits["E05"]["translation_missing"][0]  # type: ignore[index]
    assert missing["item"] == "F003" and missing["uncertified"] == ["F003-T1"]


def test_nothing_decrypted_is_left_on_disk(built: Built) -> None:
    assert _bundle(built).is_file()
    assert not any(built.tmp.iterdir()), "temporary files left behind"
    marker = MARKER.encode()
    whole_files = [data for data in built.originals.values() if len(data) > 64]
    for path in [*built.folder.rglob("*"), *built.out.rglob("*")]:
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert marker not in data, f"plaintext of an original in {path}"
        for original in whole_files:
            assert original not in data, f"a decrypted original in {path}"


def test_warnings_name_unlinked_items_and_a_missing_telephone(built: Built) -> None:
    output = " ".join(built.output.split())
    assert "not linked to the case's evidence" in output and "F005 (notes.txt)" in output
    assert "telephone of translator Anna Kovalenko is not in the case" in output


def test_a_locker_without_a_passphrase_is_said_clearly(built: Built, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["build", str(built.folder), "--out", str(tmp_path / "p")],
        env={"PRYTULAK_PASSPHRASE": None},
    )
    assert result.exit_code == 2, result.output
    output = " ".join(result.output.split())
    assert "has an evidence locker, and its passphrase was not given" in output
    assert "PRYTULAK_PASSPHRASE" in output and "--without-locker" in output
    wrong = runner.invoke(
        app,
        ["build", str(built.folder), "--out", str(tmp_path / "q")],
        env={"PRYTULAK_PASSPHRASE": "not the passphrase"},
    )
    assert wrong.exit_code == 1 and "passphrase" in wrong.output
    assert "Traceback" not in wrong.output


def test_a_plain_photo_file_loses_its_gps_too(tmp_path: Path) -> None:
    from prytulak.filing.exhibits.sources import to_pdf

    path = tmp_path / "E03.jpg"
    original = photo_with_gps()
    path.write_bytes(original)
    pdf = to_pdf(path)
    assert b"DNPX1234" not in pdf and b"iPhone" not in pdf
    assert path.read_bytes() == original, "the file itself is never changed"
