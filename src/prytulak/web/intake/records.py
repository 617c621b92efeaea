"""Between a form's answers and a record of the case file's data (plain dicts and lists).

A section maps each form field to a dotted path inside its record (``name.family``,
``birth.date``). Writing keeps every key the form does not know (what staff added in the YAML
editor stays), removes keys whose answer is empty, and drops groups left empty. A record's
*key* is a short hash of the values the form shows: an edit or removal names the record by it,
so a record someone else changed meanwhile is noticed, never overwritten blindly.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

__all__ = [
    "EMPTY",
    "Data",
    "container",
    "fill_defaults",
    "find_by_key",
    "read_fields",
    "record_key",
    "write_fields",
]

Data = dict[str, Any]
EMPTY: tuple[object, ...] = (None, "", [])


def _get(record: Data, path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _set(record: Data, path: str, value: Any) -> None:
    parts = path.split(".")
    target = record
    for part in parts[:-1]:
        child = target.get(part)
        if not isinstance(child, dict):
            if value in EMPTY:
                return
            child = target[part] = {}
        target = child
    if value in EMPTY:
        target.pop(parts[-1], None)
    else:
        target[parts[-1]] = value


def _prune(record: Data, paths: Iterable[str]) -> None:
    """Remove the groups (``birth``, ``us_presence``) the answers left empty."""
    groups = sorted({p.rsplit(".", 1)[0] for p in paths if "." in p}, key=len, reverse=True)
    for group in groups:
        parent_path, _, name = group.rpartition(".")
        parent = _get(record, parent_path) if parent_path else record
        if isinstance(parent, dict) and parent.get(name) == {}:
            del parent[name]


def read_fields(record: Data | None, fields: Iterable[tuple[str, str]]) -> Data:
    """The form's initial values: only the answers there are (so field defaults still apply)."""
    if not record:
        return {}
    found = {name: _get(record, path) for name, path in fields}
    return {k: v for k, v in found.items() if v not in EMPTY}


def write_fields(record: Data, fields: Iterable[tuple[str, str]], answers: Data) -> Data:
    fields = list(fields)
    for name, path in fields:
        if name in answers:
            _set(record, path, answers[name])
    _prune(record, [p for _, p in fields])
    return record


def fill_defaults(record: Data, fill: Iterable[tuple[str, str, str]]) -> None:
    """Give a group that has any answer its fixed values (an address's country)."""
    for group, key, value in fill:
        found = _get(record, group)
        if isinstance(found, dict) and found and key not in found:
            found[key] = value


def record_key(record: Data | None, fields: Iterable[tuple[str, str]]) -> str:
    shown = read_fields(record, fields)
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def find_by_key(items: list[Data], key: str, fields: Iterable[tuple[str, str]]) -> int | None:
    fields = list(fields)
    return next((i for i, item in enumerate(items) if record_key(item, fields) == key), None)


def container(data: Data, path: tuple[str | int, ...], make: type | None = None) -> Any:
    """The dict or list at ``path`` (``("family", "children")``), or None when it is not there.

    With ``make`` (``list`` or ``dict``), what is missing is made on the way, the last part as
    ``make``. An integer part picks a list element (``("claim", "fears", 0)``).
    """
    value: Any = data
    for position, part in enumerate(path):
        last = position == len(path) - 1
        if isinstance(part, int):
            while make is not None and len(value) <= part:
                value.append({})
            if len(value) <= part:
                return None
            value = value[part]
            continue
        if value.get(part) is None:
            if make is None:
                return None
            following = None if last else path[position + 1]
            value[part] = make() if last else ([] if isinstance(following, int) else {})
        value = value[part]
    return value
