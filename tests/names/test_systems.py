"""The transliteration tables: valid data, complete alphabets, and every documented example."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from ruamel.yaml import YAML

from prytulak.names import get_system, systems, transliterate

BELARUSIAN_ALPHABET = "абвгдеёжзійклмнопрстуўфхцчшыьэюя'"
RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
DATA = resources.files("prytulak.names") / "data"


def _examples() -> list[tuple[str, str, str]]:
    return [(s.id, e.cyrillic, e.latin) for s in systems() for e in s.examples]


@pytest.mark.parametrize(("system_id", "cyrillic", "latin"), _examples())
def test_every_table_example_comes_out_exactly(system_id: str, cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, system_id) == latin


def test_all_systems_the_issue_names_are_there() -> None:
    ids = {s.id for s in systems()}
    assert {
        "be-icao",
        "be-national-2007",
        "be-national-2023",
        "be-bgn-pcgn",
        "be-ala-lc",
        "ru-icao",
        "ru-gost-52535",
        "ru-mvd-310",
        "ru-bgn-pcgn",
        "ru-ala-lc",
    } <= ids


@pytest.mark.parametrize("system", systems(), ids=lambda s: s.id)
def test_every_letter_of_the_alphabet_is_romanized(system: object) -> None:
    alphabet = BELARUSIAN_ALPHABET if system.language == "be" else RUSSIAN_ALPHABET  # type: ignore[attr-defined]
    for letter in alphabet:
        out = transliterate(letter, system)  # type: ignore[arg-type]
        assert not any("\u0400" <= c <= "\u04ff" for c in out), (system, letter, out)


@pytest.mark.parametrize(
    ("cyrillic", "passport"),
    [
        ("Аляксандр", "ALIAKSANDR"),
        ("Марыя", "MARYIA"),
        ("Сяргей", "SIARHEI"),
        ("Ігар", "IHAR"),
        ("Мікалай", "MIKALAI"),
        ("Святлана", "SVIATLANA"),
        ("Рудзь", "RUDZ"),
        ("Навіцкі", "NAVITSKI"),
        ("Пётр", "PIOTR"),
        ("КАЗЛОЎ ЯЎГЕН ПЯТРОВІЧ", "KAZLOU IAUHEN PIATROVICH"),
    ],
)
def test_belarusian_passport_spellings(cyrillic: str, passport: str) -> None:
    assert transliterate(cyrillic, "be-icao").upper() == passport


def test_apostrophe_variants_are_one_letter() -> None:
    for mark in "'’ʼ":
        assert transliterate(f"Вераб{mark}ёвічы", "be-national-2007") == "Vierabjovičy"


def test_latin_text_passes_through_unchanged() -> None:
    assert transliterate("Minsk, 2020", "be-icao") == "Minsk, 2020"


def test_unknown_system_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="be-icao"):
        get_system("be-klingon")


def _yaml_files() -> list[str]:
    files = [f"systems/{p.name}" for p in (DATA / "systems").iterdir() if p.name.endswith(".yaml")]
    return [*sorted(files), "given_names.yaml"]


@pytest.mark.parametrize("name", _yaml_files())
def test_data_files_validate_against_their_schema(name: str) -> None:
    schema_name = "given_names.schema.json" if name == "given_names.yaml" else "system.schema.json"
    schema = json.loads((DATA / schema_name).read_text(encoding="utf-8"))
    data = YAML(typ="safe", pure=True).load((DATA / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_rejects_a_table_without_examples() -> None:
    schema = json.loads((DATA / "system.schema.json").read_text(encoding="utf-8"))
    broken = {
        "id": "be-x",
        "title": "broken",
        "language": "be",
        "used_for": "x",
        "sources": ["x"],
        "letters": {"а": "a"},
    }
    with pytest.raises(jsonschema.ValidationError, match="examples"):
        jsonschema.validate(broken, schema)


def test_systems_carry_sources_and_unconfirmed_letters_are_flagged() -> None:
    for system in systems():
        assert system.sources, system.id
    assert get_system("be-national-2023").unconfirmed == frozenset("хьюя")
