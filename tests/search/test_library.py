"""Importing reports as passages with page numbers, full-text normalisation, citations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from prytulak.search import Library, ReportImportError, ReportInfo, index_terms, library_path

from .conftest import DATA


def test_text_report_keeps_page_numbers_from_form_feeds(library: Library) -> None:
    result = library.add_file(
        DATA / "report_ru.txt", ReportInfo("Обзор", "Viasna (test)", "2025-03"), embed=False
    )
    assert result.passages >= 3
    hits = library.search("возвращающихся задерживают на границе", mode="fts")
    assert hits[0].page == 2
    assert hits[0].citation() == "Viasna (test), “Обзор” (2025-03), p. 2"


def test_re_adding_the_same_file_adds_nothing(library: Library) -> None:
    first = library.add_file(DATA / "report_ru.txt", embed=False)
    second = library.add_file(DATA / "report_ru.txt", embed=False)
    assert second.duplicate and second.report_id == first.report_id
    assert library.passage_count() == first.passages


def test_html_report_drops_navigation_and_scripts_and_reads_the_date(library: Library) -> None:
    result = library.add_file(DATA / "report_be.html", embed=False)
    assert result.title == "Агляд рэпрэсій (тэставы HTML)"
    [report] = library.reports()
    assert report.date == "2025-02-19"
    assert library.search("Меню", mode="fts") == []
    assert library.search("індэкс", mode="fts") == []
    hit = library.search("сям'я палітвязня", mode="fts")[0]
    assert hit.page is None and hit.citation().endswith("paras. 1–3") and hit.language == "be"


def test_folding_finds_yo_and_belarusian_letters_with_plain_spelling(library: Library) -> None:
    library.add_file(DATA / "report_ru.txt", embed=False)
    library.add_file(DATA / "report_be.html", embed=False)
    assert library.search("елка еж зеленый", mode="fts")  # ё written as е
    assert library.search("Акрэсцина", mode="fts")  # і written as и
    assert index_terms("ўлада") == index_terms("улада")


def test_russian_stemming_matches_other_forms(library: Library) -> None:
    library.add_file(DATA / "report_ru.txt", embed=False)
    assert library.search("задержанные избиты", mode="fts")[0].page == 1


def write_pdf(path: Path, pages: list[str]) -> None:
    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdf = canvas.Canvas(str(path), pagesize=LETTER)
    pdf.setTitle("Тестовый PDF-отчёт")
    for text in pages:
        pdf.setFont("DejaVuSans", 11)
        pdf.drawString(72, 700, text)
        pdf.showPage()
    pdf.save()


def test_pdf_report_cites_the_page(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(
        path, ["Первая страница о погоде.", "Адвокатов лишают лицензий за защиту политзаключённых."]
    )
    result = library.add_file(path, embed=False)
    assert result.title == "Тестовый PDF-отчёт"
    assert library.search("адвокаты лицензии", mode="fts")[0].page == 2


def test_a_scanned_pdf_without_text_says_to_run_ocr(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    canvas.Canvas(str(path)).save()
    with pytest.raises(ReportImportError, match="ocrmypdf"):
        library.add_file(path)
    assert library.passage_count() == 0


def test_unsupported_and_missing_files_name_the_fix(library: Library, tmp_path: Path) -> None:
    doc = tmp_path / "report.doc"
    doc.write_bytes(b"\xd0\xcf")
    with pytest.raises(ReportImportError, match=r"save the report as one of .*\.pdf"):
        library.add_file(doc)
    with pytest.raises(ReportImportError, match="no such file"):
        library.add_file(tmp_path / "nope.txt")


def test_the_library_lives_in_the_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PRYTULAK_DATA_DIR", str(tmp_path))
    assert library_path() == tmp_path / "library" / "library.sqlite3"
    monkeypatch.delenv("PRYTULAK_DATA_DIR")
    assert "prytulak" in str(library_path()) and os.path.isabs(library_path())


def test_hybrid_search_before_e5_answers_from_full_text_and_static_vectors(
    library: Library,
) -> None:
    library.add_file(DATA / "report_ru.txt", embed=False)
    assert library.vectors.size() == 0
    hits = library.search("Окрестина")
    assert hits and hits[0].matched_by == ("fts", "static")


def test_a_removed_report_leaves_nothing_and_can_be_added_again(library: Library) -> None:
    first = library.add_file(DATA / "report_ru.txt", ReportInfo("", "V", "2030-01"), embed=False)
    assert library.remove_report(first.report_id) == first.title
    for table in ("passages", "passage_terms", "passage_static", "passage_vectors", "reports"):
        assert library.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert library.search("Окрестина") == []
    again = library.add_file(DATA / "report_ru.txt", ReportInfo("", "V", "2025-03"), embed=False)
    assert not again.duplicate and library.reports()[0].date == "2025-03"
    assert library.remove_report(999) is None
