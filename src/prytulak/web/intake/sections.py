"""A section of a questionnaire step: one record of the case file, or a list of records.

A section reads its form's initial answers from the case file's data, writes the answers back
(adding, changing or removing a record), and says which form field a case-file problem belongs
to, so the message is shown next to the question.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django import forms
from django.utils.functional import Promise

from prytulak.case import Problem

from .records import (
    Data,
    container,
    fill_defaults,
    read_fields,
    record_key,
    write_fields,
)

__all__ = ["Section", "StaleRecord", "Translation"]

Fields = tuple[tuple[str, str], ...]


class Translation(Protocol):
    def shown(self, data: Data, answers: Data) -> Data:
        """The form's answers from what the record holds."""

    def stored(self, data: Data, answers: Data, before: Data | None) -> Data:
        """What the record keeps for the form's answers (``before``: the record edited)."""


class StaleRecord(Exception):
    """The record the client started from was changed or removed by someone else meanwhile."""

    def __init__(self, current_key: str) -> None:
        super().__init__("stale record")
        self.current_key = current_key


@dataclass(frozen=True)
class Section:
    name: str
    form: type[forms.Form]
    fields: Fields
    path: tuple[str | int, ...] = ()
    """Where the record is (a single record) or the list is (``many``)."""
    many: bool = False
    title: Promise | None = None
    help: Promise | None = None
    summary: tuple[str, ...] = ()
    """Form fields shown for each record of a list."""
    ids: str | None = None
    """Records with an id: ``child`` gives child1, child2 …; a single record gets ``ids``."""
    fill: tuple[tuple[str, str, str], ...] = ()
    read: Callable[[Data], Data] | None = None
    write: Callable[[Data, Data], None] | None = None
    translation: Translation | None = None
    """Answers that the record keeps in another form (a fear's actor kinds as actor ids)."""

    # -- reading -----------------------------------------------------------------------
    def records(self, data: Data) -> list[Data]:
        found = container(data, self.path)
        return list(found) if self.many and isinstance(found, list) else []

    def record(self, data: Data) -> Data | None:
        if self.read is not None:
            return self.read(data)
        found = container(data, self.path) if self.path else data
        return found if isinstance(found, dict) else None

    def key_of(self, record: Data | None, index: int | None = None) -> str:
        if self.read is not None and not self.many:
            # a section read by a hook (the about step) has no field list: hash what it read
            text = json.dumps(record or {}, sort_keys=True, ensure_ascii=False, default=str)
            return hashlib.sha256(text.encode()).hexdigest()[:12]
        key = record_key(record, self.fields)
        return f"{index}-{key}" if index is not None else key

    def keys(self, data: Data) -> list[str]:
        return [self.key_of(r, i) for i, r in enumerate(self.records(data))]

    def initial(self, data: Data, key: str = "") -> Data:
        if self.read is not None:
            return self.read(data)
        if not self.many:
            return self._shown(data, read_fields(self.record(data), self.fields))
        index = self._index(data, key) if key else None
        if index is None:
            return {}
        return self._shown(data, read_fields(self.records(data)[index], self.fields))

    def _shown(self, data: Data, answers: Data) -> Data:
        return self.translation.shown(data, answers) if self.translation else answers

    def describe(self, record: Data, form: forms.Form) -> str:
        """One line for a record of a list, with the choices' words."""
        shown = read_fields(record, self.fields)
        parts = []
        for name in self.summary:
            value = shown.get(name)
            field = form.fields.get(name)
            if value in (None, "") or isinstance(value, bool):
                continue
            choices = dict(getattr(field, "choices", []) or [])
            parts.append(str(choices.get(value, value)))
        return " · ".join(parts)

    def _index(self, data: Data, key: str) -> int:
        items = self.records(data)
        position, _, digest = key.partition("-")
        at = int(position) if position.isdigit() else len(items)
        if at < len(items) and record_key(items[at], self.fields) == digest:
            return at
        for index, item in enumerate(items):
            if record_key(item, self.fields) == digest:
                return index
        raise StaleRecord(self.key_of(items[at], at) if at < len(items) else "")

    # -- writing -----------------------------------------------------------------------
    def apply(self, data: Data, answers: Data, key: str = "") -> int | None:
        """Write the answers; returns the list position written (None for a single record)."""
        if self.write is not None:
            current = self.key_of(self.record(data))
            if key and key != current:
                raise StaleRecord(current)
            self.write(data, answers)
            return None
        if self.translation is not None:
            before = self.records(data)[self._index(data, key)] if self.many and key else None
            answers = self.translation.stored(data, answers, before)
        if self.many:
            return self._apply_to_list(data, answers, key)
        self._apply_to_record(data, answers, key)
        return None

    def _apply_to_record(self, data: Data, answers: Data, key: str) -> None:
        if key and key != self.key_of(self.record(data)):
            raise StaleRecord(self.key_of(self.record(data)))
        record = container(data, self.path, dict) if self.path else data
        write_fields(record, self.fields, answers)
        fill_defaults(record, self.fill)
        if self.ids:
            record.setdefault("id", self.ids)

    def _apply_to_list(self, data: Data, answers: Data, key: str) -> int:
        items = container(data, self.path, list)
        if key:
            index = self._index(data, key)
            write_fields(items[index], self.fields, answers)
            fill_defaults(items[index], self.fill)
            return index
        record = write_fields({}, self.fields, answers)
        fill_defaults(record, self.fill)
        if self.ids:
            record = {"id": _next_id(items, self.ids), **record}
        items.append(record)
        return len(items) - 1

    def remove(self, data: Data, key: str) -> None:
        if self.many:
            items = container(data, self.path, list)
            del items[self._index(data, key)]
            return
        if key and key != self.key_of(self.record(data)):
            raise StaleRecord(self.key_of(self.record(data)))
        parent = container(data, self.path[:-1]) if len(self.path) > 1 else data
        if isinstance(parent, dict):
            parent.pop(str(self.path[-1]), None)

    # -- problems ----------------------------------------------------------------------
    def field_of(self, problem: Problem, index: int | None) -> str | None:
        """The form field a case-file problem is about, when it is one of this section's."""
        prefix = ".".join(str(p) for p in self.path if not isinstance(p, int))
        if self.many:
            if index is None:
                return None
            prefix = f"{prefix}[{index}]"
        elif any(isinstance(p, int) for p in self.path):
            prefix = f"{prefix}[0]"
        rest = problem.path[len(prefix) :].lstrip(".") if problem.path.startswith(prefix) else ""
        if not rest:
            return None
        for name, path in self.fields:
            if rest == path or rest.startswith(path + ".") or rest.startswith(path + "["):
                return name
        return None


def _next_id(items: list[Any], prefix: str) -> str:
    taken = {i.get("id") for i in items if isinstance(i, dict)}
    number = len(items) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"
