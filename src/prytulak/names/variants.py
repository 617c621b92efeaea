"""Name variants: how officials, lists and databases may write a person's name.

For each language form (Belarusian, Russian) and each system, the whole name is written out;
forms without diacritics are added. Used to suggest "other names used" (I-589 Part A.I item 7)
and to show what the matcher tries. Every variant says how it was made: it is a candidate, not
a spelling the person has used, until the person or a document confirms it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .analysis import AnalyzedName, NameToken, analyze_name
from .forms import Language
from .systems import TransliterationSystem, systems, transliterate

__all__ = ["NameVariant", "ascii_fold", "name_variants"]

_LANGUAGE_LABEL = {"be": "Belarusian form", "ru": "Russian form"}
_MARKS = str.maketrans({"’": "", "”": "", "ʹ": "", "ʺ": "", "'": "", '"': "", "ł": "l"})


@dataclass(frozen=True)
class NameVariant:
    text: str
    form: str  # 'be', 'ru' or 'latin'
    system_id: str | None
    how: str


def ascii_fold(text: str) -> str:
    """Drop marks, ties and apostrophes: Jaŭhien → Jauhien, Natal’ya → Natalya."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_MARKS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _token_form(token: NameToken, language: str) -> str | None:
    forms = token.forms.get(language)
    if forms:
        return forms[0]
    return None


def _render(name: AnalyzedName, language: str, system: TransliterationSystem) -> str | None:
    parts = []
    changed = False
    for token in name.tokens:
        form = _token_form(token, language)
        if form is None:
            parts.append(token.written)
        else:
            parts.append(transliterate(form, system))
            changed = True
    return " ".join(parts) if changed else None


def _cyrillic(name: AnalyzedName, language: str) -> str | None:
    parts = [_token_form(t, language) for t in name.tokens]
    return " ".join(p for p in parts if p) if all(parts) else None


def _latin(token: NameToken, system_id: str) -> str:
    language = system_id[:2]
    form = _token_form(token, language)
    return transliterate(form, system_id) if form else token.written


def name_variants(
    text: str, passport_systems: tuple[str, ...] = ("be-icao", "ru-icao")
) -> list[NameVariant]:
    """Every whole-name variant, passport spellings first, without duplicates.

    ``passport_systems`` are the systems whose spellings carry conventional given-name forms
    (Belarus's and Russia's passports by default; a country pack can name others)."""
    name = analyze_name(text)
    found: dict[str, NameVariant] = {}

    def add(variant: NameVariant) -> None:
        if variant.text and variant.text not in found:
            found[variant.text] = variant

    languages: tuple[Language, ...] = ("be", "ru")
    for language in languages:
        label = _LANGUAGE_LABEL[language]
        if cyr := _cyrillic(name, language):
            add(NameVariant(cyr, language, None, f"{label} in Cyrillic"))
        for system in systems(language):
            rendered = _render(name, language, system)
            if rendered is None:
                continue
            add(NameVariant(rendered, language, system.id, f"{label}, {system.title}"))
            folded = ascii_fold(rendered)
            add(NameVariant(folded, language, system.id, f"{label}, {system.title}, no marks"))
    for system_id in passport_systems:
        for token in name.tokens:
            for extra in token.extra_latin:
                parts = [extra if t is token else _latin(t, system_id) for t in name.tokens]
                how = "conventional spelling of the given name"
                add(NameVariant(" ".join(parts), "latin", None, how))
    return list(found.values())
