"""Typed records passed between the list importers, the index and the screening."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = ["EntryKind", "ListEntry", "ListInfo", "ListedName", "ParsedList"]

EntryKind = Literal["person", "entity", "vessel", "aircraft", "other"]


@dataclass(frozen=True)
class ListedName:
    """One name or alias of a list entry, with the parts the list itself marks."""

    text: str
    surname: str | None = None
    given: str | None = None
    middle: str | None = None
    language: str | None = None
    strong: bool = True


@dataclass(frozen=True)
class ListEntry:
    ref: str
    kind: EntryKind
    names: tuple[ListedName, ...]
    programs: tuple[str, ...] = ()
    belarus: bool = False
    reason: str | None = None
    listed_on: date | None = None
    details: tuple[str, ...] = ()

    @property
    def primary_name(self) -> str:
        return self.names[0].text if self.names else self.ref


@dataclass(frozen=True)
class ListInfo:
    """Which list a file is, and the date of the list (not of the import)."""

    source_id: str
    source: str
    format_id: str
    list_date: date | None
    date_note: str
    url: str


@dataclass
class ParsedList:
    info: ListInfo
    entries: list[ListEntry]
    warnings: list[str] = field(default_factory=list)
