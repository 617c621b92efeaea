"""The ru/be → en legal glossary: look a term up, or find every known term in a text.

Matching ignores case and folds ё→е, so 'политзаключенный' finds 'политзаключённый'.
Used by the translation workflow (suggested renderings) and the declaration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .records import GlossaryTerm

__all__ = ["Glossary", "GlossaryHit", "fold_term"]

_LANGS = ("ru", "be")


def fold_term(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


_ENDING = re.compile(r"[аяыиоеуюьйі]+$")


def _inflected(key: str) -> str:
    """A pattern for the term with case endings: each word's final vowels may change."""
    words = []
    for word in key.split():
        stem = _ENDING.sub("", word) if len(word) > 4 else word
        words.append(re.escape(stem) + r"\w{0,3}")
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


@dataclass(frozen=True)
class GlossaryHit:
    term: GlossaryTerm
    language: str
    matched: str
    start: int = 0


class Glossary:
    def __init__(self, terms: Iterable[GlossaryTerm]) -> None:
        self.terms = tuple(terms)
        self._index: dict[str, list[tuple[GlossaryTerm, str, str]]] = {}
        for term in self.terms:
            for lang in _LANGS:
                for form in getattr(term, lang):
                    self._index.setdefault(fold_term(form), []).append((term, lang, form))

    def __len__(self) -> int:
        return len(self.terms)

    def lookup(self, text: str, language: str | None = None) -> list[GlossaryHit]:
        """Terms whose Russian or Belarusian form is exactly ``text`` (case and ё folded)."""
        hits = self._index.get(fold_term(text), [])
        return [
            GlossaryHit(term, lang, form)
            for term, lang, form in hits
            if language is None or lang == language
        ]

    def english(self, text: str, language: str | None = None) -> str | None:
        hits = self.lookup(text, language)
        return hits[0].term.en if hits else None

    def find_in(self, text: str, language: str | None = None) -> list[GlossaryHit]:
        """Every known term in a running text, longest first where they overlap."""
        folded = fold_term(text)
        found: list[GlossaryHit] = []
        taken: set[int] = set()
        for key in sorted(self._index, key=len, reverse=True):
            for match in re.finditer(_inflected(key), folded):
                span = set(range(match.start(), match.end()))
                if span & taken:
                    continue
                for term, lang, form in self._index[key]:
                    if language is None or lang == language:
                        found.append(GlossaryHit(term, lang, form, match.start()))
                        taken |= span
                        break
        return sorted(found, key=lambda h: h.start)
