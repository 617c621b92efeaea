"""Each list format: discovered, detected, parsed into entries with names, programmes, dates."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from prytulak.screening import ListFileError, detect_format, list_formats, read_list

from .conftest import FIXTURES


def test_all_formats_are_discovered() -> None:
    ids = {f.id for f in list_formats()}
    assert ids == {
        "ofac-sdn-csv",
        "ofac-sdn-xml",
        "eu-fsf-xml",
        "uk-sanctions-csv",
        "uk-sanctions-xml",
    }


@pytest.mark.parametrize(
    ("name", "format_id"),
    [
        ("sdn.csv", "ofac-sdn-csv"),
        ("sdn.xml", "ofac-sdn-xml"),
        ("eu_fsf.xml", "eu-fsf-xml"),
        ("uk_sanctions.csv", "uk-sanctions-csv"),
        ("uk_sanctions.xml", "uk-sanctions-xml"),
    ],
)
def test_format_is_detected_from_the_file(name: str, format_id: str) -> None:
    assert detect_format(FIXTURES / name).id == format_id


def test_ofac_csv_entries_aliases_and_belarus_tags() -> None:
    parsed = read_list(FIXTURES / "sdn.csv")
    entries = {e.ref: e for e in parsed.entries}
    naumau = entries["36002"]
    assert naumau.kind == "person"
    assert [n.text for n in naumau.names] == [
        "NAUMAU, Uladzimir Uladzimiravich",
        "NAUMOV, Vladimir Vladimirovich",
    ]
    assert naumau.names[0].surname == "NAUMAU"
    assert entries["36004"].programs == ("BELARUS", "BELARUS-EO14038")
    assert entries["36006"].belarus  # BELARUS-EO14038 only
    assert not entries["36008"].belarus  # SDGT
    assert entries["36007"].kind == "entity"
    assert entries["36009"].kind == "vessel"
    assert parsed.info.source_id == "ofac-sdn"
    assert "no date" in parsed.info.date_note


def test_ofac_xml_publish_date_and_weak_alias() -> None:
    parsed = read_list(FIXTURES / "sdn.xml")
    assert parsed.info.list_date == date(2026, 10, 15)
    entries = {e.ref: e for e in parsed.entries}
    assert entries["36001"].names[1].text == "LUKASHENKO, Alexander Grigoryevich"
    assert not entries["36008"].names[1].strong


def test_eu_xml_names_in_four_forms_and_blr_programme() -> None:
    parsed = read_list(FIXTURES / "eu_fsf.xml")
    assert parsed.info.list_date == date(2026, 10, 20)
    navumau = parsed.entries[0]
    assert navumau.programs == ("BLR",) and navumau.belarus
    assert [n.text for n in navumau.names][2] == "Уладзімір Уладзіміравіч НАВУМАЎ"
    assert navumau.names[2].language == "BE"
    assert navumau.listed_on == date(2011, 2, 2)
    assert "Minister of Internal Affairs" in (navumau.reason or "")
    assert not parsed.entries[3].belarus  # programme UKR


def test_uk_xml_and_csv_give_the_same_designation() -> None:
    xml = {e.ref: e for e in read_list(FIXTURES / "uk_sanctions.xml").entries}
    csv = {e.ref: e for e in read_list(FIXTURES / "uk_sanctions.csv").entries}
    for entries in (xml, csv):
        lukashenka = entries["BLR0001"]
        assert lukashenka.belarus
        assert lukashenka.listed_on == date(2020, 9, 29)
        texts = [n.text for n in lukashenka.names]
        assert "Aliaksandr Ryhoravich LUKASHENKA" in texts
        assert "Аляксандр Рыгоравіч ЛУКАШЭНКА" in texts
        assert not entries["RUS9999"].belarus
    assert read_list(FIXTURES / "uk_sanctions.csv").info.list_date == date(2026, 10, 18)


def test_user_given_list_date_wins() -> None:
    parsed = read_list(FIXTURES / "sdn.csv", list_date=date(2026, 10, 1))
    assert parsed.info.list_date == date(2026, 10, 1)
    assert parsed.info.date_note == "given by the user"


# --- broken inputs: a clear message, never a traceback -------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ListFileError, match="no such file"):
        read_list(tmp_path / "sdn.csv")


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "sdn.csv"
    empty.write_text("")
    with pytest.raises(ListFileError, match="empty"):
        read_list(empty)


def test_truncated_xml_says_download_again(tmp_path: Path) -> None:
    cut = tmp_path / "eu.xml"
    cut.write_text((FIXTURES / "eu_fsf.xml").read_text(encoding="utf-8")[:3000], encoding="utf-8")
    with pytest.raises(ListFileError, match=r"not well-formed XML.*download the list again"):
        read_list(cut)


def test_sdn_row_with_wrong_column_count(tmp_path: Path) -> None:
    broken = tmp_path / "sdn.csv"
    shutil.copy(FIXTURES / "sdn.csv", broken)
    with broken.open("a", encoding="utf-8") as handle:
        handle.write('36010,"ONLY, Three",individual\n')
    with pytest.raises(ListFileError, match="has 3 columns"):
        read_list(broken)


def test_unknown_format_lists_the_known_ones(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(ListFileError, match=r"pass --format with one of: .*eu-fsf-xml"):
        read_list(other)
    with pytest.raises(ListFileError, match="unknown list format"):
        read_list(FIXTURES / "sdn.csv", format_id="un-xml")


def test_wrong_format_forced_on_a_file(tmp_path: Path) -> None:
    with pytest.raises(ListFileError, match="root element"):
        read_list(FIXTURES / "uk_sanctions.xml", format_id="eu-fsf-xml")


def test_an_unreadable_uk_list_date_is_said_not_silently_replaced(tmp_path: Path) -> None:
    text = (FIXTURES / "uk_sanctions.xml").read_text(encoding="utf-8")
    broken = tmp_path / "uk_sanctions.xml"
    broken.write_text(text.replace("2026-10-18T09:00:00", "Oct 18th"), encoding="utf-8")
    info = read_list(broken).info
    assert info.date_note.startswith("DateGenerated could not be read (Oct 18th); ")
    assert "--list-date" in info.date_note
