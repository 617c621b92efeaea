"""Localized explanations: fill a finding's en/ru/be templates with the case's values.

Templates live in ``rules/texts/*.yaml`` and use ``{name}`` placeholders. A parameter is either
language-neutral (a date, a number, an article, a country as written in the case) or a ``Terms``
of vocabulary keys, which is translated from the ``terms`` sections of the same files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .assessment import LANGUAGES
from .rulebook import Rulebook

__all__ = ["Labelled", "Param", "Terms", "localize"]


@dataclass(frozen=True)
class Terms:
    """Vocabulary keys (e.g. ``ground.political_opinion``) shown in the reader's language."""

    keys: tuple[str, ...]

    @classmethod
    def of(cls, prefix: str, values: Sequence[str]) -> Terms:
        return cls(tuple(f"{prefix}.{v}" for v in values))


@dataclass(frozen=True)
class Labelled:
    """Items shown as ``label (terms)``, joined by "; ": e.g. events with their grounds."""

    items: tuple[tuple[str, Terms], ...]


Param = object
"""A date, number, text or ``Terms``; anything else is shown with ``str``."""


def _show(param: Param, lang: str, book: Rulebook) -> str:
    if isinstance(param, Terms):
        return ", ".join(book.term(key)[lang] for key in param.keys)
    if isinstance(param, Labelled):
        return "; ".join(
            f"{label} ({_show(terms, lang, book)})" if terms.keys else label
            for label, terms in param.items
        )
    if isinstance(param, date):
        return param.isoformat()
    return str(param)


def localize(
    template: Mapping[str, str], params: Mapping[str, Param], book: Rulebook
) -> dict[str, str]:
    """The template in every language, with the parameters filled in."""
    out = {}
    for lang in LANGUAGES:
        shown = {name: _show(value, lang, book) for name, value in params.items()}
        out[lang] = " ".join(template[lang].split()).format_map(shown)
    return out
