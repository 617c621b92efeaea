"""Reading a written name: its tokens, what each token is (given name, patronymic, surname), its
Belarusian and Russian Cyrillic forms, and every Latin spelling the systems give for them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .forms import Language, cyrillic_languages, other_language_form, russian_candidates
from .given import GivenName, given_names
from .keys import has_cyrillic, name_key
from .systems import get_system, normalize_cyrillic, systems, transliterate

__all__ = [
    "PATRONYMIC_ENDINGS",
    "AnalyzedName",
    "NameToken",
    "Role",
    "Spelling",
    "analyze_name",
    "first_letters",
    "guess_roles",
    "is_initial",
    "passport_spelling",
    "split_name",
]

Role = Literal["given", "patronymic", "surname"]

PATRONYMIC_ENDINGS = re.compile(
    r"(вич|віч|вна|ўна|ич|ична|інічна|ovich|evich|ovna|evna|avich|avna|ichna|ich)$", re.I
)
_SPLIT = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class Spelling:
    """One way to write a token, with where it comes from."""

    text: str
    key: str
    how: str


@dataclass(frozen=True)
class NameToken:
    written: str
    role: Role
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Cyrillic forms by language ('be', 'ru'), the written one first where it is Cyrillic; for a
    Belarusian surname the Russian forms end with the akanne/yakanne candidates (Падабед:
    Подобед …), see ``forms.russian_candidates``."""
    extra_latin: tuple[str, ...] = ()
    spellings: tuple[Spelling, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.key for s in self.spellings if s.key))


@dataclass(frozen=True)
class AnalyzedName:
    written: str
    tokens: tuple[NameToken, ...]

    @property
    def script(self) -> str:
        return "Cyrillic" if has_cyrillic(self.written) else "Latin"


_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,3}")
_INITIAL = re.compile(r"[^\W\d_]\.?")


def is_initial(token: str) -> bool:
    """'А.' or 'Н': one letter standing for a given name or a patronymic."""
    return bool(_INITIAL.fullmatch(token))


def split_name(text: str) -> list[str]:
    """Tokens of a written name; 'NAUMAU, Uladzimir' gives ['NAUMAU', 'Uladzimir'], and
    'Василевич А.Н.' gives ['Василевич', 'А.', 'Н.']."""
    tokens: list[str] = []
    for token in _SPLIT.split(normalize_cyrillic(text).strip()):
        if _INITIALS.fullmatch(token):
            tokens += [f"{letter}." for letter in token.split(".") if letter]
        elif token.strip("-'"):
            tokens.append(token)
    return tokens


def guess_roles(tokens: list[str]) -> list[Role]:
    """Given name, patronymic or surname for each token, from the table and the order."""
    table = given_names()
    given = [table.given(t) is not None for t in tokens]
    roles: list[Role] = []
    for i, token in enumerate(tokens):
        if is_initial(token):
            roles.append("patronymic" if "given" in roles else "given")
            continue
        after_given = i > 0 and given[i - 1]
        looks_patronymic = table.patronymic(token) is not None or bool(
            PATRONYMIC_ENDINGS.search(token)
        )
        if len(tokens) >= 3 and after_given and looks_patronymic and "patronymic" not in roles:
            roles.append("patronymic")
        elif given[i] and "given" not in roles:
            roles.append("given")
        else:
            roles.append("surname")
    return roles


def _given_forms(name: GivenName) -> dict[str, tuple[str, ...]]:
    return {"be": name.be, "ru": name.ru}


def _cyrillic_forms(token: str, role: Role) -> dict[str, tuple[str, ...]]:
    table = given_names()
    if role == "given" and (name := table.given(token)):
        return _put_first(_given_forms(name), token)
    if role == "patronymic" and (match := table.patronymic(token)):
        found: dict[str, tuple[str, ...]] = {
            lang: (match.name.patronymics(lang)[match.index],) for lang in ("be", "ru")
        }
        return _put_first(found, token)
    if not has_cyrillic(token):
        return {}
    languages = cyrillic_languages(token)
    if len(languages) == 1:
        source: Language = languages[0]
        if source == "be":
            as_ru = other_language_form(token, "be")
            return {"be": (token,), "ru": (as_ru, *russian_candidates(token))}
        return {"ru": (token,), "be": (other_language_form(token, "ru"),)}
    as_be, as_ru = other_language_form(token, "ru"), other_language_form(token, "be")
    ru = (token, as_ru, *russian_candidates(token))
    return {"be": tuple(dict.fromkeys((token, as_be))), "ru": tuple(dict.fromkeys(ru))}


def _put_first(forms: dict[str, tuple[str, ...]], token: str) -> dict[str, tuple[str, ...]]:
    """Keep the written token (in its case) first in its language's forms."""
    if not has_cyrillic(token):
        return forms
    result = {}
    for lang, values in forms.items():
        same = [v for v in values if v.lower().replace("ё", "е") == token.lower().replace("ё", "е")]
        result[lang] = (token, *[v for v in values if v not in same]) if same else values
    return result


def _spellings(
    token: str, forms: dict[str, tuple[str, ...]], extra: tuple[str, ...]
) -> tuple[Spelling, ...]:
    found: dict[str, Spelling] = {}

    def add(text: str, how: str) -> None:
        found.setdefault(text, Spelling(text, name_key(text), how))

    add(token, "as written")
    label = {"be": "Belarusian form", "ru": "Russian form"}
    for lang, values in forms.items():
        for value in values:
            for system in systems(lang):  # type: ignore[arg-type]
                add(transliterate(value, system), f"{label[lang]} {value}, {system.title}")
    for text in extra:
        add(text, "conventional spelling (given-name table)")
    return tuple(found.values())


@lru_cache(maxsize=8192)
def analyze_name(text: str) -> AnalyzedName:
    """Tokens, roles, Cyrillic forms and all Latin spellings of a written name."""
    tokens = split_name(text)
    roles = guess_roles(tokens)
    table = given_names()
    analyzed = []
    for token, role in zip(tokens, roles, strict=True):
        forms = _cyrillic_forms(token, role)
        given = table.given(token) if role == "given" else None
        extra = given.latin if given else ()
        analyzed.append(NameToken(token, role, forms, extra, _spellings(token, forms, extra)))
    return AnalyzedName(text, tuple(analyzed))


def passport_spelling(text: str, system: str = "be-icao") -> str:
    """The passport spelling of a Cyrillic name, upper case. The default is Belarus's (ICAO);
    a country pack names its own (``pack.names.passport_system``)."""
    return transliterate(text, get_system(system)).upper()


@lru_cache(maxsize=8192)
def first_letters(written: str, role: Role) -> frozenset[str]:
    """Every first letter the token can be written with (Cyrillic forms of both languages and
    all their romanizations), for comparing it with an initial."""
    forms = _cyrillic_forms(written, role) if not is_initial(written) else {}
    given = given_names().given(written) if role == "given" else None
    extra = given.latin if given else ()
    texts = [s.text for s in _spellings(written, forms, extra)]
    texts += [form for values in forms.values() for form in values]
    if is_initial(written) and has_cyrillic(written):
        languages: tuple[Language, ...] = ("be", "ru")
        texts += [transliterate(written, system) for lang in languages for system in systems(lang)]
    return frozenset(t[0].upper() for t in texts if t)
