"""The rule data: YAML files inside the package, each checked against its JSON Schema.

Three kinds of file (``rules/<kind>/*.yaml``): ``values`` (dated legal values: deadlines, clocks,
fees, form editions), ``tables`` (classifications the evaluators read: harm severity, political
articles, statuses abroad ...), and ``texts`` (finding titles, citations and explanations in
en/ru/be). ``Rulebook.value(id, on)`` returns the version in force on a date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .assessment import UsedValue

__all__ = [
    "FindingText",
    "RuleFileError",
    "RuleValue",
    "Rulebook",
    "Table",
    "TableEntry",
    "Version",
    "load_rulebook",
    "rule_file_problems",
]

Scalar = int | float | str | bool
FILE_KINDS = ("values", "tables", "texts")
SCHEMA_OF = {"values": "values", "tables": "table", "texts": "texts"}


class RuleFileError(Exception):
    """A rule file that cannot be used; the message names the file, the place and the fix."""


@dataclass(frozen=True)
class Version:
    start: date
    end: date | None
    value: Scalar
    citation: str
    confidence: str
    status: str = "in_force"
    change: str | None = None
    note: str | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class RuleValue:
    id: str
    description: str
    unit: str
    basis: str
    versions: tuple[Version, ...]

    def in_force(self, day: date, assumed: frozenset[str] = frozenset()) -> Version | None:
        """The version that applies on ``day``: the latest-starting one that covers it.

        Vacated versions never apply; proposed ones only when their change is assumed.
        """
        usable = [
            v
            for v in self.versions
            if v.covers(day)
            and (v.status == "in_force" or (v.status == "proposed" and v.change in assumed))
        ]
        return max(usable, key=lambda v: v.start, default=None)


@dataclass(frozen=True)
class TableEntry:
    key: str
    outcome: str
    citation: str
    confidence: str
    points: int = 0
    terms: tuple[str, ...] = ()
    applies_to: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    label: str | None = None
    note: str | None = None

    def matches_text(self, text: str) -> bool:
        folded = text.casefold()
        return any(term.casefold() in folded for term in self.terms)


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    start: date
    citation: str
    confidence: str
    entries: tuple[TableEntry, ...]

    def get(self, key: str) -> TableEntry | None:
        return next((e for e in self.entries if e.key == key), None)


@dataclass(frozen=True)
class FindingText:
    id: str
    kind: str
    blocking: bool
    title: dict[str, str]
    citations: tuple[str, ...]
    variants: dict[str, dict[str, str]]
    resolve: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Rulebook:
    values: dict[str, RuleValue]
    tables: dict[str, Table]
    texts: dict[str, FindingText]
    terms: dict[str, dict[str, str]] = field(default_factory=dict)

    def rule_value(self, value_id: str) -> RuleValue:
        try:
            return self.values[value_id]
        except KeyError:
            raise RuleFileError(f"no rule value {value_id!r} in rules/values/*.yaml") from None

    def value(
        self, value_id: str, on: date, assumed: frozenset[str] = frozenset()
    ) -> UsedValue | None:
        """The value in force on ``on``, with its citation and dates; ``None`` when none is."""
        rule = self.rule_value(value_id)
        version = rule.in_force(on, assumed)
        if version is None:
            return None
        return UsedValue(
            id=value_id,
            value=version.value,
            applied_on=on,
            basis=rule.basis,
            in_force_from=version.start,
            in_force_to=version.end,
            citation=version.citation,
            confidence=version.confidence,
            note=version.note,
        )

    def table(self, table_id: str) -> Table:
        try:
            return self.tables[table_id]
        except KeyError:
            raise RuleFileError(f"no table {table_id!r} in rules/tables/*.yaml") from None

    def text(self, finding_id: str) -> FindingText:
        try:
            return self.texts[finding_id]
        except KeyError:
            raise RuleFileError(f"no texts for finding {finding_id!r} in rules/texts") from None

    def term(self, key: str) -> dict[str, str]:
        return self.terms.get(key, {"en": key, "ru": key, "be": key})


# -- loading ---------------------------------------------------------------------------------


def _package_root() -> Traversable:
    return resources.files("prytulak.law")


def _schemas() -> dict[str, dict[str, Any]]:
    folder = _package_root() / "schemas"
    return {
        name: json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in ("values", "table", "texts")
    }


@lru_cache(maxsize=1)
def _validators() -> dict[str, Draft202012Validator]:
    schemas = _schemas()
    registry: Registry[Any] = Registry().with_resources(
        (f"https://prytulak.org/schemas/law/{name}.schema.json", Resource.from_contents(s))
        for name, s in schemas.items()
    )
    return {
        kind: Draft202012Validator(schemas[SCHEMA_OF[kind]], registry=registry)
        for kind in FILE_KINDS
    }


def _read_yaml(text: str, source: str) -> Any:
    yaml = YAML(typ="safe")
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except YAMLError as error:
        raise RuleFileError(f"{source}: not valid YAML: {error}") from None


def rule_file_problems(data: Any, kind: str) -> list[str]:
    """Schema problems of one rule file's data, each with its path, in a stable order."""
    validator = _validators()[kind]
    problems = []
    for error in sorted(validator.iter_errors(_jsonable(data)), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in error.path) or "(top level)"
        problems.append(f"{where}: {error.message}")
    return problems


def _jsonable(data: Any) -> Any:
    """YAML reads ISO dates as ``date``; the schema checks them as strings."""
    if isinstance(data, Mapping):
        return {str(k): _jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_jsonable(v) for v in data]
    if isinstance(data, date):
        return data.isoformat()
    return data


def iter_rule_files(root: Traversable | Path | None = None) -> Iterator[tuple[str, str, str]]:
    """(kind, name, text) of every rule file, in a stable order."""
    base = root if root is not None else _package_root() / "rules"
    for kind in FILE_KINDS:
        folder = base / kind
        if not folder.is_dir():
            continue
        for item in sorted(folder.iterdir(), key=lambda t: t.name):
            if item.name.endswith(".yaml"):
                yield kind, f"rules/{kind}/{item.name}", item.read_text(encoding="utf-8")


def load_rule_file(kind: str, source: str, text: str) -> dict[str, Any]:
    data = _read_yaml(text, source)
    problems = rule_file_problems(data, kind)
    if problems:
        listed = "\n  ".join(problems)
        raise RuleFileError(
            f"{source} does not match schemas/{SCHEMA_OF[kind]}.schema.json:\n  {listed}"
        )
    checked: dict[str, Any] = _jsonable(data)
    return checked


@lru_cache(maxsize=1)
def load_rulebook() -> Rulebook:
    """Read, validate and index every rule file of the package (cached)."""
    return build_rulebook(iter_rule_files())


def build_rulebook(files: Iterator[tuple[str, str, str]]) -> Rulebook:
    from .rulebook_parse import parse_table, parse_texts, parse_values

    values: dict[str, RuleValue] = {}
    tables: dict[str, Table] = {}
    texts: dict[str, FindingText] = {}
    terms: dict[str, dict[str, str]] = {}
    for kind, source, text in files:
        data = load_rule_file(kind, source, text)
        if kind == "values":
            _merge(values, parse_values(data), source)
        elif kind == "tables":
            table = parse_table(data)
            _merge(tables, {table.id: table}, source)
        else:
            found, found_terms = parse_texts(data)
            _merge(texts, found, source)
            _merge(terms, found_terms, source)
    return Rulebook(values=values, tables=tables, texts=texts, terms=terms)


def _merge(into: dict[str, Any], new: Mapping[str, Any], source: str) -> None:
    for key, item in new.items():
        if key in into:
            raise RuleFileError(f"{source}: {key!r} is defined twice; keep one definition")
        into[key] = item
