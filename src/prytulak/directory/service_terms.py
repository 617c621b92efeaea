"""Reading a provider's free-text notes: languages, detained or not, case types, restrictions.

The vocabulary is data (``data/service_terms.yaml``); this module applies it. Each value read
keeps the note it came from. What the notes do not say stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from .geography import states
from .model import (
    CaseTypeNote,
    CostModel,
    DetainedScope,
    LanguageNote,
    Restriction,
    RestrictionKind,
    ServiceTerms,
)

__all__ = ["Vocabulary", "find_states", "language_name", "read_terms", "vocabulary"]

Pattern = re.Pattern[str]


@dataclass(frozen=True)
class Rule:
    value: str
    patterns: tuple[Pattern, ...]
    unless: tuple[Pattern, ...] = ()
    detail: str = ""

    def matches(self, text: str) -> bool:
        hit = any(p.search(text) for p in self.patterns)
        return hit and not any(p.search(text) for p in self.unless)


@dataclass(frozen=True)
class Vocabulary:
    languages: tuple[tuple[str, str, tuple[Pattern, ...]], ...]  # code, name, patterns
    language_context: tuple[Pattern, ...]
    language_negation: tuple[Pattern, ...]
    interpretation: tuple[Pattern, ...]
    detained: tuple[Rule, ...]
    case_types: tuple[Rule, ...]
    case_type_negation: tuple[Pattern, ...]
    restrictions: tuple[Rule, ...]
    cost: tuple[Rule, ...]
    intake: tuple[Pattern, ...]


def _compile(patterns: list[str]) -> tuple[Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _rules(items: list[dict[str, Any]], key: str) -> tuple[Rule, ...]:
    return tuple(
        Rule(
            value=str(item[key]),
            patterns=_compile(item["patterns"]),
            unless=_compile(item.get("unless", [])),
            detail=str(item.get("detail", "")),
        )
        for item in items
    )


def load_vocabulary_data() -> dict[str, Any]:
    text = (resources.files("prytulak.directory") / "data" / "service_terms.yaml").read_text(
        "utf-8"
    )
    data: dict[str, Any] = YAML(typ="safe").load(text)
    return data


@cache
def vocabulary() -> Vocabulary:
    data = load_vocabulary_data()
    return Vocabulary(
        languages=tuple(
            (str(i["code"]), str(i["name"]), _compile(i["patterns"])) for i in data["languages"]
        ),
        language_context=_compile(data["language_context"]),
        language_negation=_compile(data["language_negation"]),
        interpretation=_compile(data["interpretation"]),
        detained=_rules(data["detained"], "reading"),
        case_types=_rules(data["case_types"], "tag"),
        case_type_negation=_compile(data["case_type_negation"]),
        restrictions=_rules(data["restrictions"], "kind"),
        cost=_rules(data["cost"], "model"),
        intake=_compile(data["intake"]),
    )


def language_name(code: str) -> str:
    return next((name for c, name, _ in vocabulary().languages if c == code), code)


def read_terms(notes: list[str], default_cost: CostModel = CostModel.UNKNOWN) -> ServiceTerms:
    """Everything the notes say, each value with its note; ``default_cost`` when none says."""
    vocab = vocabulary()
    languages: list[LanguageNote] = []
    interpretation = None
    for note in notes:
        languages.extend(
            n for n in _languages(note, vocab) if n.code not in {x.code for x in languages}
        )
        if interpretation is None and any(p.search(note) for p in vocab.interpretation):
            interpretation = note
    detained, detained_text = _detained(notes, vocab)
    cost, cost_text = _cost(notes, vocab, default_cost)
    return ServiceTerms(
        notes=list(notes),
        languages=languages,
        interpretation=interpretation,
        detained=detained,
        detained_text=detained_text,
        case_types=[c for note in notes for c in _case_types(note, vocab)],
        restrictions=[r for note in notes for r in _restrictions(note, vocab)],
        cost=cost,
        cost_text=cost_text,
        intake=[n for n in notes if any(p.search(n) for p in vocab.intake)],
    )


def _languages(note: str, vocab: Vocabulary) -> list[LanguageNote]:
    if not any(p.search(note) for p in vocab.language_context):
        return []
    if any(p.search(note) for p in vocab.language_negation):
        return []
    return [
        LanguageNote(code=code, name=name, text=note)
        for code, name, patterns in vocab.languages
        if any(p.search(note) for p in patterns)
    ]


def _detained(notes: list[str], vocab: Vocabulary) -> tuple[DetainedScope, str | None]:
    readings: dict[str, str] = {}
    for note in notes:
        rule = next((r for r in vocab.detained if r.matches(note)), None)
        if rule and rule.value not in readings:
            readings[rule.value] = note
    order = [
        ("both", DetainedScope.BOTH),
        ("non_detained_only", DetainedScope.NON_DETAINED_ONLY),
        ("detained_only", DetainedScope.DETAINED_ONLY),
    ]
    for key, scope in order:
        if key in readings:
            return scope, readings[key]
    if "detained_yes" in readings and "non_detained_yes" in readings:
        return DetainedScope.BOTH, readings["detained_yes"]
    if "detained_yes" in readings:
        return DetainedScope.DETAINED_ACCEPTED, readings["detained_yes"]
    return DetainedScope.UNKNOWN, None


def _case_types(note: str, vocab: Vocabulary) -> list[CaseTypeNote]:
    found: list[CaseTypeNote] = []
    for rule in vocab.case_types:
        match = next((m for p in rule.patterns if (m := p.search(note))), None)
        if match is None:
            continue
        clause = re.split(r"[;.]\s", note[: match.start()])[-1]
        offered = not any(p.search(clause) for p in vocab.case_type_negation)
        found.append(CaseTypeNote(case_type=rule.value, offered=offered, text=note))
    return found


def _restrictions(note: str, vocab: Vocabulary) -> list[Restriction]:
    return [
        Restriction(
            kind=RestrictionKind(rule.value),
            detail=rule.detail,
            places=find_states(note) if rule.value == RestrictionKind.AREA else [],
            text=note,
        )
        for rule in vocab.restrictions
        if rule.matches(note)
    ]


def _cost(notes: list[str], vocab: Vocabulary, default: CostModel) -> tuple[CostModel, str | None]:
    for rule in vocab.cost:
        note = next((n for n in notes if rule.matches(n)), None)
        if note is not None:
            return CostModel(rule.value), note
    return default, None


def find_states(text: str) -> list[str]:
    """Two-letter codes of the US states a text names ('New Jersey', 'MN, ND, and SD')."""
    found = []
    for code, name in states().items():
        by_name = re.search(rf"\b{re.escape(name)}\b(?!,?\s*D\.?C\b)", text)
        by_code = re.search(rf"(?<![\w.]){code}(?![\w.])", text)
        if by_name or by_code:
            found.append(code)
    return found
