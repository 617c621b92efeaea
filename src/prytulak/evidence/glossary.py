"""The Belarus legal glossary (ru/be → en): terms found in a text, and consistency checks.

Matching tolerates Russian and Belarusian inflection by comparing word stems (each word of the
term with its ending trimmed), so ``повестку`` and ``повестки`` both find ``повестка``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["GlossaryMatch", "GlossaryTerm", "glossary_misses", "load_glossary", "terms_in"]

_ENDINGS = "аеёиийоуыьэюяіўъ"


@dataclass(frozen=True)
class GlossaryTerm:
    category: str
    en: str
    source: str
    ru: str | None = None
    be: str | None = None
    en_also: tuple[str, ...] = ()
    note: str | None = None

    def english_forms(self) -> tuple[str, ...]:
        return (self.en, *self.en_also)


@dataclass(frozen=True)
class GlossaryMatch:
    term: GlossaryTerm
    found: str
    """The words as they appear in the text."""


def _data() -> tuple[dict[str, Any], dict[str, Any]]:
    from ruamel.yaml import YAML

    folder = resources.files("prytulak.evidence") / "data"
    data = YAML(typ="safe").load(
        (folder / "glossary_belarus_legal.yaml").read_text(encoding="utf-8")
    )
    schema = json.loads((folder / "glossary.schema.json").read_text(encoding="utf-8"))
    return data, schema


@lru_cache(maxsize=1)
def load_glossary() -> tuple[GlossaryTerm, ...]:
    import jsonschema

    data, schema = _data()
    jsonschema.validate(data, schema)
    return tuple(
        GlossaryTerm(**{**entry, "en_also": tuple(entry.get("en_also", ()))})
        for entry in data["terms"]
    )


def _stem(word: str) -> str:
    if len(word) <= 4 or not word[-1].isalpha():
        return re.escape(word)
    stem = word
    for _ in range(2):
        if len(stem) > 4 and stem[-1] in _ENDINGS:
            stem = stem[:-1]
    return re.escape(stem) + r"\w*"


@lru_cache(maxsize=512)
def _pattern(phrase: str) -> re.Pattern[str]:
    words = phrase.lower().split()
    body = r"\s+".join(_stem(w) for w in words)
    return re.compile(rf"(?<!\w){body}", re.IGNORECASE)


def terms_in(text: str, glossary: tuple[GlossaryTerm, ...] | None = None) -> list[GlossaryMatch]:
    """Glossary terms that occur in ``text``, longest first, each once."""
    found: list[GlossaryMatch] = []
    for term in sorted(glossary or load_glossary(), key=lambda t: -len(t.ru or t.be or "")):
        for phrase in (term.ru, term.be):
            if not phrase:
                continue
            match = _pattern(phrase).search(text)
            if match:
                found.append(GlossaryMatch(term, match.group(0)))
                break
    return found


def _accepted(form: str) -> set[str]:
    """A rendering, and its parts a translator may write alone: "State Security Committee
    (KGB)" is also "state security committee" and "kgb"."""
    words = " ".join(form.lower().split())
    accepted = {words}
    bracket = re.search(r"\s*\(([^)]*)\)", words)
    if bracket:
        accepted.add(" ".join((words[: bracket.start()] + words[bracket.end() :]).split()))
        accepted.add(bracket.group(1).strip())
    return {a for a in accepted if a}


def glossary_misses(source_text: str, english: str) -> list[str]:
    """Source terms whose English rendering (or an accepted variant) is not in ``english``."""
    lowered = " ".join(english.lower().split())
    misses = []
    for match in terms_in(source_text):
        forms = {a for form in match.term.english_forms() for a in _accepted(form)}
        if not any(form in lowered for form in forms):
            misses.append(f"{match.found} → {match.term.en}")
    return misses
