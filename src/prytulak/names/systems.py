"""Transliteration systems: Cyrillic to Latin, letter by letter, as the tables in ``data/`` say."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from .datafiles import data_names, load_data

__all__ = [
    "APOSTROPHES",
    "BELARUSIAN_VOWELS",
    "SystemExample",
    "TransliterationSystem",
    "get_system",
    "normalize_cyrillic",
    "systems",
    "transliterate",
]

Language = Literal["be", "ru"]

BELARUSIAN_VOWELS = frozenset("аеёіиоуыэюя")
"""Vowels of both alphabets (и for Russian forms); used by the positional rules."""
APOSTROPHES = "'’ʼ`´"
_APOSTROPHE_TABLE = str.maketrans({mark: "'" for mark in APOSTROPHES})
_CYRILLIC_LETTERS = frozenset(chr(c) for c in range(0x0400, 0x0500))


@dataclass(frozen=True)
class SystemExample:
    cyrillic: str
    latin: str
    source: str | None = None


@dataclass(frozen=True)
class ContextRule:
    after: frozenset[str]
    letters: Mapping[str, str]


@dataclass(frozen=True)
class TransliterationSystem:
    """One romanization table (passport, BGN/PCGN, Library of Congress ...)."""

    id: str
    title: str
    language: Language
    used_for: str
    sources: tuple[str, ...]
    letters: Mapping[str, str]
    sequences: Mapping[str, str] = field(default_factory=dict)
    contexts: tuple[ContextRule, ...] = ()
    fallback: str | None = None
    unconfirmed: frozenset[str] = frozenset()
    in_force: str | None = None
    notes: str | None = None
    examples: tuple[SystemExample, ...] = ()

    def transliterate(self, text: str) -> str:
        return transliterate(text, self)


def normalize_cyrillic(text: str) -> str:
    """NFC, and every apostrophe-like mark as ``'`` (Belarusian writes Вераб'ёвічы with any)."""
    return unicodedata.normalize("NFC", text).translate(_APOSTROPHE_TABLE)


def _from_data(data: dict[str, Any]) -> TransliterationSystem:
    """Build a system from a table already validated against ``system.schema.json``."""
    contexts = tuple(
        ContextRule(frozenset(rule["after"]), dict(rule["letters"]))
        for rule in data.get("contexts") or []
    )
    examples = tuple(SystemExample(**example) for example in data["examples"])
    return TransliterationSystem(
        id=str(data["id"]),
        title=str(data["title"]),
        language=data["language"],
        used_for=" ".join(str(data["used_for"]).split()),
        sources=tuple(data["sources"]),
        letters=dict(data["letters"]),
        sequences=dict(data.get("sequences") or {}),
        contexts=contexts,
        fallback=data.get("fallback"),
        unconfirmed=frozenset(data.get("unconfirmed") or ()),
        in_force=data.get("in_force"),
        notes=" ".join(str(data["notes"]).split()) if data.get("notes") else None,
        examples=examples,
    )


@cache
def _all_systems() -> dict[str, TransliterationSystem]:
    loaded = {}
    for name in data_names("systems"):
        system = _from_data(load_data(f"systems/{name}", "system.schema.json"))
        loaded[system.id] = system
    return loaded


PREFERRED_ORDER = (
    "be-icao",
    "be-bgn-pcgn",
    "be-national-2023",
    "be-national-2007",
    "be-ala-lc",
    "ru-icao",
    "ru-bgn-pcgn",
    "ru-mvd-310",
    "ru-gost-52535",
    "ru-ala-lc",
)
"""Passport spellings first: they are what the applicant's documents and most lists show."""


def _rank(system: TransliterationSystem) -> tuple[int, str]:
    order = PREFERRED_ORDER.index(system.id) if system.id in PREFERRED_ORDER else 99
    return order, system.id


@cache
def _ordered(language: Language | None) -> tuple[TransliterationSystem, ...]:
    found = sorted(_all_systems().values(), key=_rank)
    return tuple(s for s in found if language is None or s.language == language)


def systems(language: Language | None = None) -> list[TransliterationSystem]:
    """Every system, or those for one language: passport systems first, then the others."""
    return list(_ordered(language))


def get_system(system_id: str) -> TransliterationSystem:
    try:
        return _all_systems()[system_id]
    except KeyError:
        known = ", ".join(sorted(_all_systems()))
        raise KeyError(f"unknown transliteration system {system_id!r}; known: {known}") from None


def _predecessor_class(previous: str) -> set[str]:
    if previous == "":
        return {"start"}
    lower = previous.lower()
    classes = {lower}
    if lower in BELARUSIAN_VOWELS:
        classes.add("vowel")
    elif lower in _CYRILLIC_LETTERS:
        classes.add("consonant")
    elif not lower.isalpha() and lower != "'":
        classes.add("start")
    return classes


@cache
def _merged_letters(system_id: str) -> dict[str, str]:
    """The system's letters, with the fallback system's for letters it lacks."""
    system = get_system(system_id)
    merged = dict(get_system(system.fallback).letters) if system.fallback else {}
    merged.update(system.letters)
    return merged


@cache
def _context_letters(system_id: str) -> frozenset[str]:
    return frozenset(k for rule in get_system(system_id).contexts for k in rule.letters)


def _letter_value(system: TransliterationSystem, letter: str, previous: str) -> str | None:
    if letter in _context_letters(system.id):
        classes = _predecessor_class(previous)
        for rule in system.contexts:
            if letter in rule.letters and rule.after & classes:
                return rule.letters[letter]
    return _merged_letters(system.id).get(letter)


def _apply_case(value: str, source: str, previous: str, following: str) -> str:
    """Upper case inside upper-case words (ЯЎГЕН → IAUHEN), else title case (Яўген → Iauhen)."""
    if not value or not source[0].isupper():
        return value
    next_upper = following.isupper()
    prev_upper = previous.isupper() and not following.islower()
    if next_upper or prev_upper or (len(source) > 1 and source[1:].isupper()):
        return value.upper()
    return value[0].upper() + value[1:]


def transliterate(text: str, system: TransliterationSystem | str) -> str:
    """Romanize ``text`` with ``system``; characters that are not Cyrillic pass through."""
    if isinstance(system, str):
        system = get_system(system)
    text = normalize_cyrillic(text)
    longest = max((len(k) for k in system.sequences), default=1)
    out: list[str] = []
    i = 0
    while i < len(text):
        step, value = 1, None
        for size in range(longest, 1, -1):
            chunk = text[i : i + size].lower()
            if len(chunk) == size and chunk in system.sequences:
                step, value = size, system.sequences[chunk]
                break
        if value is None:
            value = _letter_value(system, text[i].lower(), text[i - 1] if i else "")
        source = text[i : i + step]
        if value is None:
            out.append(source)
        else:
            previous, following = text[i - 1 : i] if i else "", text[i + step : i + step + 1]
            out.append(_apply_case(value, source, previous, following))
        i += step
    return "".join(out)
