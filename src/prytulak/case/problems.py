"""Problems found in a case file, worded for people: where, what, and how to fix it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

__all__ = ["CaseFileError", "Problem", "problems_from_validation"]


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        line = f"line {self.line}" if self.line else ""
        where = f"{self.path} ({line})" if self.path and line else self.path or line
        return f"{where}: {self.message}" if where else self.message


class CaseFileError(Exception):
    """A case file that cannot be used as it is. ``problems`` says every reason found."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{source}: {len(self.problems)} problem(s)\n{lines}")


def _path(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _loc_without_unions(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Pydantic adds the type it tried (e.g. 'str') to unions; people do not need it."""
    hidden = {"str", "int", "function-after[_check_a_number(), str]", "lax-or-strict"}
    return tuple(p for p in loc if not (isinstance(p, str) and (p in hidden or "[" in p)))


_WORDING = {
    "missing": "is required and missing; add it",
    "extra_forbidden": "is not a field the case file knows; check the spelling or remove it",
    "bool_parsing": "must be yes or no (true or false)",
    "bool_type": "must be yes or no (true or false)",
    "int_parsing": "must be a whole number",
    "string_type": "must be text",
    "list_type": "must be a list (one '- item' per line)",
    "model_type": "must be a group of fields (key: value lines), not a single value",
    "dict_type": "must be a group of fields (key: value lines), not a single value",
}


def _message(error: dict[str, object]) -> str:
    kind = str(error.get("type", ""))
    if kind == "extra_forbidden":
        return _WORDING[kind] + _did_you_mean(error)
    if kind in _WORDING:
        return _WORDING[kind]
    if kind == "enum":
        ctx = error.get("ctx") or {}
        expected = ctx.get("expected", "") if isinstance(ctx, dict) else ""
        choices = re.findall(r"'([^']+)'", str(expected))
        hint = _did_you_mean_value(str(error.get("input")), choices)
        return f'"{error.get("input")}" is not one of the known values; use one of {expected}{hint}'
    if kind == "string_pattern_mismatch":
        return f'"{error.get("input")}" is not in the expected form ({_pattern_hint(error)})'
    if kind == "literal_error":
        ctx = error.get("ctx") or {}
        expected = ctx.get("expected", "") if isinstance(ctx, dict) else ""
        return f'"{error.get("input")}" is not allowed; use {expected}'
    if kind.startswith("string_too_short"):
        return "must not be empty"
    return str(error.get("msg", "is not valid"))


def _did_you_mean(error: dict[str, object]) -> str:
    loc = error.get("loc") or ()
    if not isinstance(loc, tuple) or not loc:
        return ""
    names = _fields_at(tuple(loc[:-1]))
    given = str(loc[-1])
    close = difflib.get_close_matches(given, names, n=1, cutoff=0.5)
    if not close:  # ethnic_group → ethnicity: same start, different ending
        close = [n for n in names if len(given) >= 5 and n.startswith(given[:5])][:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


def _did_you_mean_value(given: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(given, choices, n=1, cutoff=0.5)
    if not close:
        close = [c for c in choices if given and c.startswith(given[:4])][:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fields_at(loc: tuple[object, ...]) -> list[str]:
    """The field names the case-file schema allows at ``loc`` (e.g. ('applicant', 'name'))."""
    from .schema import case_json_schema

    schema = case_json_schema()
    defs = schema.get("$defs", {})
    node = _resolve(schema, defs)
    for part in loc:
        if isinstance(part, int):
            node = _resolve(node.get("items", {}), defs)
        else:
            node = _resolve(node.get("properties", {}).get(part, {}), defs)
    return sorted(node.get("properties", {}))


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Follow $ref and pick the object branch of ``X | None`` unions."""
    for _ in range(10):
        if "$ref" in node:
            node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
        elif "anyOf" in node:
            branches = [b for b in node["anyOf"] if b.get("type") != "null"]
            node = branches[0] if branches else {}
        else:
            break
    return node


def _pattern_hint(error: dict[str, object]) -> str:
    ctx = error.get("ctx") or {}
    pattern = ctx.get("pattern", "") if isinstance(ctx, dict) else ""
    hints = {
        r"^[a-z0-9][a-z0-9_-]*$": "lower-case letters, digits, - and _, e.g. 'detention-2020'",
        r"^[A-Za-z0-9][A-Za-z0-9_-]*$": "letters, digits, - and _, e.g. 'E01'",
        r"^[0-9A-Za-z]{11}$": "the 11 characters of the I-94 number",
        r"^[A-Z]{3}\d{10}$": "three letters and ten digits, e.g. 'ZLA2412345678'",
        r"^\d{12}$": "the 12 digits of the USCIS online account number",
    }
    return hints.get(str(pattern), f"pattern {pattern}")


def problems_from_validation(error: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for item in error.errors():
        loc = _loc_without_unions(tuple(item["loc"]))
        problems.append(Problem(_path(loc), _message(dict(item))))
    return problems
