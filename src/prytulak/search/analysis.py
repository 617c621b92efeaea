"""How text becomes index terms: the same steps for passages and queries.

SQLite's ``unicode61`` tokenizer folds case but not ё/е, ў/у, і/и or й/и, and FTS5 has no Russian
stemmer, so terms are prepared here: lower-case, fold the letters Russian and Belarusian spell
differently, then stem (Snowball Russian for Cyrillic words, English for Latin ones). Belarusian
has no Snowball stemmer; after folding, the Russian one strips many shared endings.
"""

from __future__ import annotations

import re
from functools import cache

import Stemmer  # type: ignore[import-not-found]

__all__ = ["guess_language", "index_terms", "query_terms"]

_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яёіўА-ЯЁІЎ]")
_BELARUSIAN_ONLY = re.compile(r"[іўІЎ]")
_RUSSIAN_ONLY = re.compile(r"[ищъИЩЪ]")  # ы is in both alphabets
_BEFORE_STEM = str.maketrans({"ё": "е", "і": "и", "ў": "у", "ʼ": "", "’": "", "'": ""})
_AFTER_STEM = str.maketrans({"й": "и"})
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "at",
        "from",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "as",
        "that",
        "this",
        "it",
        "и",
        "в",
        "во",
        "не",
        "на",
        "с",
        "со",
        "по",
        "к",
        "из",
        "за",
        "от",
        "до",
        "о",
        "об",
        "а",
        "но",
        "что",
        "как",
        "это",
        "для",
        "у",
        "же",
        "ли",
        "бы",
        "і",
        "ў",
        "у",
        "з",
        "са",
        "па",
        "да",
        "ад",
        "за",
        "ці",
        "што",
        "як",
        "гэта",
        "для",
        "ж",
    ]
)


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(language)


def _term(word: str) -> str:
    if _CYRILLIC.search(word):
        folded = word.translate(_BEFORE_STEM)
        return str(_stemmer("russian").stemWord(folded)).translate(_AFTER_STEM)
    return str(_stemmer("english").stemWord(word))


def _words(text: str) -> list[str]:
    lowered = text.lower().replace("ʼ", "").replace("’", "")
    return [
        w for w in _WORD.findall(lowered) if w not in _STOP and (not w.isdigit() or len(w) == 4)
    ]


def index_terms(text: str) -> str:
    """The space-separated terms stored in the full-text index for a passage."""
    return " ".join(_term(w) for w in _words(text))


def query_terms(text: str) -> list[str]:
    """Distinct terms of a query, in order."""
    return list(dict.fromkeys(_term(w) for w in _words(text)))


def guess_language(text: str) -> str:
    """'be', 'ru' or 'en' from the letters alone (і/ў are Belarusian; и/щ/ъ Russian; ы both)."""
    if not _CYRILLIC.search(text):
        return "en"
    be = len(_BELARUSIAN_ONLY.findall(text))
    ru = len(_RUSSIAN_ONLY.findall(text))
    return "be" if be > ru else "ru"
