"""Belarusian and Russian forms of one name: which language a Cyrillic name is in, and the
regular correspondences that turn a surname of one language into the other (Лукашэнка /
Лукашенко, Навумаў / Наумов, Ціханоўская / Тихановская). Given names come from the table in
``given.py``; these rules are for surnames and are heuristics: each result is a *candidate*
spelling for matching, never a claim about how the person writes their name."""

from __future__ import annotations

import re
from typing import Literal

from .systems import normalize_cyrillic

__all__ = ["Language", "cyrillic_languages", "other_language_form", "russian_candidates"]

Language = Literal["be", "ru"]

_BE_ONLY = set("іў'")
_RU_ONLY = set("иъщ")
_HARD = "жшчрц"

_BE_TO_RU: tuple[tuple[str, str], ...] = (
    (r"[эе]нка$", "енко"),
    (r"[ао]ў$", "ов"),
    (r"[еэ]ў$", "ев"),
    (r"ёў$", "ёв"),
    (r"([сц])кі$", r"\1кий"),
    (r"ы$", "ый"),
    (r"шч", "щ"),
    (r"дз(?=[іеёюяь])", "д"),
    (r"ц(?=[іеёюяь])", "т"),
    (r"([" + _HARD + r"])ы", r"\1и"),
    (r"э", "е"),
    (r"і", "и"),
    (r"ў", "в"),
    (r"'", "ь"),
)
_RU_TO_BE: tuple[tuple[str, str], ...] = (
    (r"енко$", "енка"),
    (r"ов$", "оў"),
    (r"ев$", "еў"),
    (r"([сц])кий$", r"\1кі"),
    (r"ый$", "ы"),
    (r"ий$", "і"),
    (r"щ", "шч"),
    (r"ъ", "'"),
    (r"([" + _HARD + r"])и", r"\1ы"),
    (r"([" + _HARD + r"])е", r"\1э"),
    (r"т(?=[иеёюяь])", "ц"),
    (r"д(?=[иеёюяь])", "дз"),
    (r"и", "і"),
)


def cyrillic_languages(text: str) -> tuple[Language, ...]:
    """('be',), ('ru',) or both, from the letters only one alphabet has."""
    lower = normalize_cyrillic(text).lower()
    letters = set(lower)
    be = bool(letters & _BE_ONLY) or bool(re.search(r"[жшчрц]э|[дт]зь?[е]|шч", lower))
    ru = bool(letters & _RU_ONLY)
    if be and not ru:
        return ("be",)
    if ru and not be:
        return ("ru",)
    return ("be", "ru")


def _apply(rules: tuple[tuple[str, str], ...], word: str) -> str:
    for pattern, replacement in rules:
        word = re.sub(pattern, replacement, word)
    return word


def other_language_form(surname: str, source: Language) -> str:
    """The surname rewritten into the other language by the regular correspondences."""
    word = normalize_cyrillic(surname)
    rules = _BE_TO_RU if source == "be" else _RU_TO_BE
    converted = _apply(rules, word.lower())
    if word.isupper():
        return converted.upper()
    if word[:1].isupper():
        return converted[:1].upper() + converted[1:]
    return converted


_MAX_CANDIDATES = 16
_AKANNE = re.compile(r"а(?!я?$)")
"""An 'а' that is not in the ending (-а, -ая): Belarusian writes unstressed о as а (Падабед /
Подобед, Калеснікава / Колесникова)."""
_YAKANNE = re.compile(r"(?<=[бвгджзйклмнпрстфхцчшщ])я(?=[^аеёиоуыэюяі]*[аеёиоуыэюяі])")
"""A 'я' after a consonant and before another vowel: unstressed е written я (Зянковіч /
Зенкович)."""


def russian_candidates(surname: str) -> tuple[str, ...]:
    """Other Russian forms a Belarusian surname may have, besides ``other_language_form``.

    Belarusian spells sounds as they are pronounced: an unstressed о is written а (akanne) and an
    unstressed е before the stress я (yakanne). Without the stress, every such 'а' may be 'о' and
    every such 'я' may be 'е' in Russian, and ё may be written е; each combination is a candidate
    (at most 16), for matching only, never a claim about the person's spelling."""
    base = other_language_form(surname, "be").lower()
    positions = [(m.start(), "о") for m in _AKANNE.finditer(base)]
    positions += [(m.start(), "е") for m in _YAKANNE.finditer(base)]
    positions = sorted(positions)[:4]
    found: list[str] = []
    for mask in range(1, 2 ** len(positions)):
        letters = list(base)
        for bit, (at, letter) in enumerate(positions):
            if mask >> bit & 1:
                letters[at] = letter
        found.append("".join(letters))
    if "ё" in base:
        found.append(base.replace("ё", "е"))
    found = [f for f in dict.fromkeys(found) if f != base][:_MAX_CANDIDATES]
    word = normalize_cyrillic(surname)
    if word.isupper():
        return tuple(f.upper() for f in found)
    if word[:1].isupper():
        return tuple(f[:1].upper() + f[1:] for f in found)
    return tuple(found)
