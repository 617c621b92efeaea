"""Real tesseract on generated Russian and Belarusian scans; languages; suggestions; cache."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from prytulak.evidence import (
    Locker,
    OcrSettings,
    add_file,
    detect_language,
    process_item,
    read_extraction,
)
from prytulak.evidence import ocr as ocr_module
from prytulak.evidence.records import PageMethod
from prytulak.evidence.specimens import SPECIMEN_TEXTS, render_scan, scan_pdf

pytestmark = pytest.mark.needs_tools("tesseract")

ACCURACY = 0.95
"""Character similarity (1 - normalised Levenshtein) that OCR must reach on these scans."""


def _similarity(expected: str, got: str) -> float:
    return Levenshtein.normalized_similarity(" ".join(expected.split()), " ".join(got.split()))


def _add_scan(locker: Locker, tmp_path: Path, language: str, seed: int) -> str:
    path = tmp_path / f"{language}.png"
    render_scan(SPECIMEN_TEXTS[language], seed=seed, angle=-1.5 if seed % 2 else 1.2).save(path)
    item = add_file(locker, path, actor="t").item
    assert item is not None
    return item.id


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ru", "be"])
def test_ocr_of_a_noisy_rotated_scan_is_accurate_and_tagged_with_its_language(
    locker: Locker, tmp_path: Path, language: str
) -> None:
    item_id = _add_scan(locker, tmp_path, language, seed=11)
    item = process_item(locker, item_id, "t")
    content = read_extraction(locker, item)
    assert content is not None and item.extraction is not None
    assert content.pages[0].method is PageMethod.OCR
    assert _similarity(SPECIMEN_TEXTS[language], content.full_text()) >= ACCURACY
    assert item.extraction.language == language
    assert item.extraction.pages[0].language == language
    assert item.extraction.needs_ocr == []


@pytest.mark.slow
def test_a_page_is_never_ocrd_twice(
    locker: Locker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    item_id = _add_scan(locker, tmp_path, "ru", seed=3)
    first = read_extraction(locker, process_item(locker, item_id, "t"))

    def refuse(*_args: object) -> str:
        raise AssertionError("tesseract was run again for a cached page")

    monkeypatch.setattr(ocr_module, "tesseract_page", refuse)
    again = read_extraction(locker, process_item(locker, item_id, "t"))
    assert first is not None and again is not None
    assert again.full_text() == first.full_text()


@pytest.mark.slow
def test_a_scanned_pdf_becomes_a_searchable_pdf_through_ocrmypdf(
    locker: Locker, tmp_path: Path
) -> None:
    path = tmp_path / "summons.pdf"
    path.write_bytes(scan_pdf([render_scan(SPECIMEN_TEXTS["ru"], seed=5)]))
    item = add_file(locker, path, actor="t").item
    assert item is not None
    fast = OcrSettings(pdf_deskew=False, pdf_rotate_pages=False)  # the bench times the defaults
    item = process_item(locker, item.id, "t", settings=fast)
    searchable = item.derived[-1]
    assert searchable.kind.value == "searchable-pdf"
    from prytulak.evidence.extract import pdf_page_texts

    text = pdf_page_texts(locker.blobs.read(searchable.sha256))[0]
    assert _similarity(SPECIMEN_TEXTS["ru"], text) >= ACCURACY
    assert locker.blobs.read(item.sha256) == path.read_bytes(), "the original is never modified"
    content = read_extraction(locker, item)
    assert content is not None
    suggested = {(s.field, s.value) for s in content.suggestions}
    assert ("document type", "summons") in suggested
    assert ("date", "2022-03-22") in suggested
    assert ("name", "Козлов Евгений Петрович") in suggested


def _text_pdf(pages: list[str]) -> bytes:
    pdfmetrics.registerFont(
        TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    )
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A5)
    for text in pages:
        pdf.setFont("DejaVuSerif", 10)
        y = 550
        for line in text.splitlines():
            pdf.drawString(30, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_pdf_text_layer_is_read_without_ocr_with_a_language_per_page(
    locker: Locker, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.pdf"
    path.write_bytes(_text_pdf([SPECIMEN_TEXTS["ru"], SPECIMEN_TEXTS["be"]]))
    item = add_file(locker, path, actor="t").item
    assert item is not None
    item = process_item(locker, item.id, "t", ocr=False)
    assert item.extraction is not None
    assert [p.method for p in item.extraction.pages] == [PageMethod.TEXT_LAYER] * 2
    assert [p.language for p in item.extraction.pages] == ["ru", "be"]
    assert item.extraction.languages == ["be", "ru"]
    content = read_extraction(locker, item)
    assert content is not None
    assert _similarity(SPECIMEN_TEXTS["be"], content.pages[1].text) > 0.99


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Мяне затрымалі каля Пушкінскай і білі ў аўтазаку", "be"),
        ("Меня задержали возле Пушкинской и избили в автозаке", "ru"),
        ("Мене затримали біля Пушкінської і побили в автозаку", "uk"),
        ("I was detained near Pushkinskaya and beaten in the van", "en"),
        ("Zostałem zatrzymany w pobliżu Puszkinskiej i pobity", "pl"),
        ("Mane sulaikė prie Puškino gatvės ir sumušė", "lt"),
        ("ок", None),
    ],
)
def test_languages_are_told_apart(text: str, language: str | None) -> None:
    assert detect_language(text).language == language
