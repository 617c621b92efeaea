"""Name hooks: the pack says how its people's names are written in Latin letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from prytulak.country import (
    NoNameConventionsError,
    PackDataError,
    expected_spellings,
    get_pack,
    given_name_forms,
    name_convention_problems,
    passport_spelling,
)
from prytulak.country.pack import load_pack_folder

from .test_registry import copy_pack

PACK = get_pack("BY")


def test_belarus_names_its_passport_system_and_every_system_is_known_to_names() -> None:
    assert PACK.names is not None
    assert PACK.names.passport_system == "be-icao"
    assert PACK.names.system_ids()[0] == "be-icao"
    assert PACK.names.languages == ("be", "ru")
    assert name_convention_problems(PACK) == []


def test_the_passport_spelling_follows_the_pack() -> None:
    assert passport_spelling("Аляксандр Навіцкі", PACK) == "ALIAKSANDR NAVITSKI"
    assert passport_spelling("Святлана", PACK) == "SVIATLANA"


def test_expected_spellings_say_where_each_is_found_passport_first() -> None:
    spellings = expected_spellings("Сяргей Ціханоўскі", PACK)
    assert spellings[0].spelling == "Siarhei Tsikhanouski"
    assert "passport" in spellings[0].where
    assert {s.system[:3] for s in spellings} == {"be-"}  # Belarusian letters: Belarusian systems
    us = next(s for s in spellings if s.system == "be-bgn-pcgn")
    assert "OFAC" in us.where and us.spelling == "Syarhyey Tsikhanowski"
    russian = expected_spellings("Сергей Тихановский", PACK)
    assert russian[0].system == "ru-icao" and russian[0].spelling == "Sergei Tikhanovskii"
    assert len({s.spelling for s in russian}) == len(russian)  # no spelling twice


def test_the_given_name_table_pairs_belarusian_and_russian_forms() -> None:
    assert given_name_forms("Уладзімір", PACK) == {"be": ("Уладзімір",), "ru": ("Владимир",)}
    assert given_name_forms("Siarhei", PACK)["ru"] == ("Сергей",)
    assert given_name_forms("Zzyzx", PACK) == {}


def pack_yaml_with(tmp_path: Path, old: str, new: str) -> Path:
    folder = copy_pack(tmp_path)
    meta = (folder / "pack.yaml").read_text(encoding="utf-8")
    assert old in meta
    (folder / "pack.yaml").write_text(meta.replace(old, new), encoding="utf-8")
    return folder


def test_an_unknown_system_in_a_pack_is_named(tmp_path: Path) -> None:
    folder = pack_yaml_with(tmp_path, "passport_system: be-icao", "passport_system: be-icoa")
    problems = name_convention_problems(load_pack_folder(folder))
    assert "names: unknown transliteration system 'be-icoa'" in problems


def test_a_malformed_names_section_names_the_field(tmp_path: Path) -> None:
    folder = pack_yaml_with(tmp_path, "  passport_system: be-icao\n", "")
    with pytest.raises(PackDataError, match="names: 'passport_system' is a required property"):
        load_pack_folder(folder)


def test_a_pack_without_name_hooks_says_how_to_add_them(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    meta = (folder / "pack.yaml").read_text(encoding="utf-8")
    start, end = meta.index("names:\n"), meta.index("elements:\n")
    (folder / "pack.yaml").write_text(meta[:start] + meta[end:], encoding="utf-8")
    pack = load_pack_folder(folder)
    assert pack.names is None and name_convention_problems(pack) == []
    with pytest.raises(NoNameConventionsError, match=r"add a 'names' section to its pack\.yaml"):
        passport_spelling("Сяргей", pack)
