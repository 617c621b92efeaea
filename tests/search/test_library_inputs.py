"""Report files that are not what they seem: UTF-16, binary, locked, huge, or with dates in
them that cannot be right. Each is read correctly or refused with the fix; a date from the
file is stored only when it is a real date, not in the future, and really a publication date."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen import canvas

from prytulak.search import Library, ReportImportError, ReportInfo
from prytulak.search.importers import MAX_REPORT_BYTES, checked_date

TEXT = "Доклад о Беларуси\n\nПравозащитный центр «Весна» сообщает о задержаниях в Минске.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_decoded(library: Library, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode(encoding))
    result = library.add_file(path, embed=False)
    assert result.title == "Доклад о Беларуси"
    assert library.search("задержаниях", mode="fts")


def test_binary_text_is_refused(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ReportImportError, match=r"report\.txt: this does not look like text"):
        library.add_file(path, embed=False)
    assert library.passage_count() == 0


def test_a_password_protected_pdf_says_so_and_how_to_fix(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(path, encryption=pikepdf.Encryption(owner="o", user="u"))
    with pytest.raises(ReportImportError) as caught:
        library.add_file(path, embed=False)
    message = str(caught.value)
    assert message.startswith("locked.pdf: the PDF is password-protected")
    assert "save an unprotected copy (or print it to PDF)" in message
    assert str(tmp_path) not in message and "()" not in message


def test_messages_name_the_file_not_its_folder(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(ReportImportError) as caught:
        library.add_file(path, embed=False)
    assert str(tmp_path) not in str(caught.value)
    assert str(caught.value).startswith("broken.pdf: ")


def test_a_huge_file_is_refused_before_it_is_read(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_REPORT_BYTES + 1)
    with pytest.raises(ReportImportError, match=r"huge.txt is 50 MB; a report is at most 50 MB"):
        library.add_file(path, embed=False)


def _html(tmp_path: Path, published: str) -> Path:
    path = tmp_path / "article.html"
    path.write_text(
        f'<html><head><title>T</title><meta property="article:published_time" '
        f'content="{published}"></head><body><p>Arrests in Minsk went on all year.</p>'
        "</body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("published", "why"),
    [
        ("2091-03-01T10:00:00Z", "is in the future"),
        ("yesterday at noon", "is not a date"),
        ("2025-02-30", "is not a real date"),
    ],
)
def test_a_bad_date_in_html_is_left_out_with_a_note(
    library: Library, tmp_path: Path, published: str, why: str
) -> None:
    result = library.add_file(_html(tmp_path, published), embed=False)
    assert library.reports()[0].date is None
    [note] = result.notes
    assert why in note and "--date" in note


def test_a_good_date_in_html_is_kept(library: Library, tmp_path: Path) -> None:
    result = library.add_file(_html(tmp_path, "2025-02-19T08:00:00+03:00"), embed=False)
    assert library.reports()[0].date == "2025-02-19" and result.notes == ()


def _pdf(path: Path, created: str) -> Path:
    pdf = canvas.Canvas(str(path), invariant=True)
    pdf.drawString(72, 700, "Arrests in Minsk went on all year, the centre reported.")
    pdf.showPage()
    pdf.save()
    with pikepdf.open(path, allow_overwriting_input=True) as doc:
        doc.docinfo["/CreationDate"] = created
        doc.save(path)
    return path


@pytest.mark.parametrize(
    ("created", "said"),
    [
        ("D:20250301120000Z", "the PDF says the file was made on 2025-03-01"),
        ("D:20330101120000Z", "is in the future"),
    ],
)
def test_a_pdf_creation_date_is_never_taken_as_the_publication_date(
    library: Library, tmp_path: Path, created: str, said: str
) -> None:
    result = library.add_file(_pdf(tmp_path / "r.pdf", created), embed=False)
    assert library.reports()[0].date is None
    assert any(said in note and "--date" in note for note in result.notes)


def test_a_date_given_by_the_user_wins_and_silences_the_notes(
    library: Library, tmp_path: Path
) -> None:
    path = _pdf(tmp_path / "r.pdf", "D:20250301120000Z")
    result = library.add_file(path, ReportInfo("", None, "2025-02"), embed=False)
    assert library.reports()[0].date == "2025-02" and result.notes == ()


def test_checked_date() -> None:
    today = date(2026, 11, 26)
    assert checked_date("2025-02", "x", today) == ("2025-02", "")
    assert checked_date("2026-11-26T23:00", "x", today) == ("2026-11-26", "")
    assert checked_date("2026-11-27", "x", today)[0] is None
    assert checked_date("0000-01-01", "x", today)[0] is None


def test_the_cli_prints_the_note_and_how_to_record_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from prytulak.cli.main import app

    monkeypatch.setenv("PRYTULAK_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(
        app, ["library", "add", "--no-embed", str(_html(tmp_path, "2091-01-01"))]
    )
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "article:published_time (2091-01-01) is in the future" in out
    assert "prytulak library remove 1" in out and "--date YYYY-MM-DD" in out
    assert os.fspath(tmp_path) not in out.split("Library:")[0]


def test_belarusian_text_with_many_y_is_labelled_belarusian() -> None:
    """ы is in both alphabets; a Belarusian passage full of it is still Belarusian."""
    from prytulak.search.analysis import guess_language

    text = (
        "Завочныя суды над палітэмігрантамі працягваюцца: былых актывістаў судзяць у іх "
        "адсутнасць, а сваякоў выклікаюць на допыты."
    )
    assert guess_language(text) == "be"
    assert guess_language("Заочные суды над политэмигрантами продолжаются.") == "ru"


def test_a_web_page_passage_is_cited_by_the_paragraphs_it_spans(tmp_path) -> None:
    """Two short paragraphs make one passage: cited as paras. 1–2, not para. 1; a later
    passage is cited by the paragraph it starts in, not by its passage number."""
    from prytulak.search import Library
    from prytulak.search.passages import split_passages
    from prytulak.search.records import Page, ReportInfo

    first = "Завочныя суды над палітэмігрантамі працягваюцца."
    second = "Сваякоў актывістаў выклікаюць на допыты ў КДБ."
    long_third = " ".join(["Суд вынес приговор по статье 342."] * 30)
    passages = split_passages([Page(None, f"{first}\n\n{second}\n\n{long_third}")])
    assert [(p.ordinal, p.last_ordinal) for p in passages] == [(1, 2), (3, 3)]
    library = Library(tmp_path / "library.sqlite3")
    library.add_passages(ReportInfo("Viasna", "Viasna", "2025-03-01"), passages)
    hits = library.search("допыты сваякоў", mode="fts")
    assert hits and hits[0].citation().endswith("paras. 1–2")
