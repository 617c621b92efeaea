"""Matching keys: one spelling per sound, so that ALIAKSANDR, Alyaksandr and Aljaksandr meet.

A *key* is what is left of a name token once the differences between the romanization systems
are folded away (ia/ya/ja, ie/ye/je/e, kh/h/ch, g/h, ts/tc/c, u/w/v for ў, -ii/-iy/-y, -enka/-enko,
-au/-ov, doubled letters, marks and ties). Keys are compared with an edit-distance ratio; the
*coarse* key also folds o/a and y/i (akanne) and only serves to find candidates quickly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .systems import transliterate

__all__ = ["coarse_key", "deletion_keys", "has_cyrillic", "name_key", "to_latin"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_PREMAP = str.maketrans({"š": "sh", "ž": "zh", "č": "ch", "ł": "l", "ŭ": "u", "ß": "ss"})
_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"x", "ks"),
        (r"shch|sch", "Q"),
        (r"dzh", "J"),
        (r"zh", "Z"),
        (r"kh", "H"),
        (r"ch", "C"),
        (r"sh", "S"),
        (r"ts|tc|tz", "c"),
        (r"g", "h"),
        (r"w", "u"),
        (r"[iyj](?=[aeou])", "j"),  # iotated vowels: ia ya ja -> ja
        (r"(?<=[^aeiouyj])je", "e"),  # е after a consonant: SIARHEI / Syarhyey
        (r"^je", "e"),  # Евгений: EVGENII / Yevgeniy
        (r"(?<=[aeiou])e", "je"),  # Андреевич: ANDREEVICH / Andreyevich
        (r"[iy][iyj]?$", "y"),  # -ий, -ый: Dmitrii / Dmitriy / Dmitry
        (r"(?<=[aeou])[iy](?![aeou])", "j"),  # й after a vowel: Mikalai / Mikalay / Mikalaj
        (
            r"(?<=[aeio])u(?![aeiouy])",
            "v",
        ),  # ў after a vowel ~ Russian в: Paulichenka / Pavlichenko
        (r"(.)\1+", r"\1"),  # doubled letters: Natallia / Natalia
        (r"enka$", "enko"),  # Лукашэнка / Лукашенко
        (r"[ao]v$", "ov"),  # Навумаў / Наумов: -au, -aw, -ov
        (r"[ao]va$", "ova"),  # Казлова / Козлова
    )
)
_COARSE = str.maketrans({"o": "a", "y": "i", "j": None, "e": "i"})


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@lru_cache(maxsize=65536)
def to_latin(text: str) -> str:
    """Cyrillic through the Belarusian passport table (Russian letters by the Russian one)."""
    return transliterate(text, "be-icao") if has_cyrillic(text) else text


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().translate(_PREMAP)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if "a" <= c <= "z")


@lru_cache(maxsize=262144)
def name_key(token: str) -> str:
    """The matching key of one name token in any script (empty when it has no letters)."""
    key = _fold(to_latin(token))
    for pattern, replacement in _STEPS:
        key = pattern.sub(replacement, key)
    return key


def coarse_key(key: str) -> str:
    """A looser key for finding candidates: also folds o/a, e/i, y/i and drops j."""
    return key.lower().translate(_COARSE)


def deletion_keys(key: str) -> set[str]:
    """The key and every key with one letter deleted: two keys one edit apart share one."""
    found = {key}
    if len(key) > 3:
        found.update(key[:i] + key[i + 1 :] for i in range(len(key)))
    return found
