"""The table of given names: Belarusian and Russian forms, patronymics, conventional spellings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from .datafiles import load_data
from .keys import name_key
from .systems import normalize_cyrillic, systems, transliterate

__all__ = ["GivenName", "GivenNameTable", "given_names"]

Sex = Literal["male", "female"]


@dataclass(frozen=True)
class GivenName:
    be: tuple[str, ...]
    ru: tuple[str, ...]
    sex: Sex
    latin: tuple[str, ...] = ()
    patronymic_be: tuple[str, ...] = ()
    patronymic_ru: tuple[str, ...] = ()

    def forms(self, language: str) -> tuple[str, ...]:
        return self.be if language == "be" else self.ru

    def patronymics(self, language: str) -> tuple[str, ...]:
        return self.patronymic_be if language == "be" else self.patronymic_ru


@dataclass(frozen=True)
class PatronymicMatch:
    name: GivenName
    index: int  # 0: son's form, 1: daughter's form


def _cyrillic_key(text: str) -> str:
    return normalize_cyrillic(text).lower().replace("ё", "е")


def _latin_keys(forms: tuple[str, ...], language: str) -> set[str]:
    keys = set()
    for form in forms:
        for system in systems(language):  # type: ignore[arg-type]
            keys.add(name_key(transliterate(form, system)))
    return keys


class GivenNameTable:
    """Look a token up as a given name or a patronymic, in Cyrillic or in any Latin spelling."""

    def __init__(self, names: list[GivenName]) -> None:
        self.names = names
        self._given: dict[str, GivenName] = {}
        self._patronymic: dict[str, PatronymicMatch] = {}
        for name in names:
            self._index_name(name)

    def _index_name(self, name: GivenName) -> None:
        for language in ("be", "ru"):
            for form in name.forms(language):
                self._given.setdefault(_cyrillic_key(form), name)
            for key in _latin_keys(name.forms(language), language):
                self._given.setdefault(key, name)
            for index, form in enumerate(name.patronymics(language)):
                match = PatronymicMatch(name, index)
                self._patronymic.setdefault(_cyrillic_key(form), match)
                for key in _latin_keys((form,), language):
                    self._patronymic.setdefault(key, match)
        for spelling in name.latin:
            self._given.setdefault(name_key(spelling), name)

    @staticmethod
    def _lookup_key(token: str) -> str:
        return (
            _cyrillic_key(token)
            if any("\u0400" <= c <= "\u04ff" for c in token)
            else name_key(token)
        )

    def given(self, token: str) -> GivenName | None:
        return self._given.get(self._lookup_key(token))

    def patronymic(self, token: str) -> PatronymicMatch | None:
        return self._patronymic.get(self._lookup_key(token))


def _from_data(entry: dict[str, Any]) -> GivenName:
    patronymics = entry.get("patronymics") or {}
    return GivenName(
        be=tuple(entry["be"]),
        ru=tuple(entry["ru"]),
        sex=entry["sex"],
        latin=tuple(entry.get("latin") or ()),
        patronymic_be=tuple(patronymics.get("be", ())),
        patronymic_ru=tuple(patronymics.get("ru", ())),
    )


@cache
def given_names() -> GivenNameTable:
    data = load_data("given_names.yaml", "given_names.schema.json")
    return GivenNameTable([_from_data(entry) for entry in data["names"]])
