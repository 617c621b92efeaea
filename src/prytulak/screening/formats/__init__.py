"""Sanctions-list file formats: one module per format, all with the same contract.

A format module defines::

    FORMAT_ID: str                      # e.g. "ofac-sdn-csv"
    TITLE: str                          # what the file is, for people
    def sniff(path: Path, head: bytes) -> bool   # is this file in my format?
    def read(path: Path) -> ParsedList           # entries + list date, or ListFileError

Modules in this package are found by discovery (no hand-kept list); other packages can add
formats through the ``prytulak.sanctions_formats`` entry-point group, each entry point naming a
module with the same contract.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

from ..errors import ListFileError
from ..records import ParsedList

__all__ = ["ListFormat", "detect_format", "get_format", "list_formats"]

ENTRY_POINT_GROUP = "prytulak.sanctions_formats"
_HEAD_BYTES = 4096


@dataclass(frozen=True)
class ListFormat:
    id: str
    title: str
    sniff: Callable[[Path, bytes], bool]
    read: Callable[[Path], ParsedList]


def _as_format(module: ModuleType) -> ListFormat | None:
    needed = ("FORMAT_ID", "TITLE", "sniff", "read")
    if not all(hasattr(module, name) for name in needed):
        return None
    return ListFormat(module.FORMAT_ID, module.TITLE, module.sniff, module.read)


def _modules() -> list[ModuleType]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            found.append(importlib.import_module(f"{__name__}.{info.name}"))
    for point in entry_points(group=ENTRY_POINT_GROUP):
        found.append(importlib.import_module(point.value))
    return found


def list_formats() -> list[ListFormat]:
    """Every known format, built-in ones first."""
    formats = [f for f in (_as_format(m) for m in _modules()) if f is not None]
    return formats


def get_format(format_id: str) -> ListFormat:
    for found in list_formats():
        if found.id == format_id:
            return found
    known = ", ".join(f.id for f in list_formats())
    raise ListFileError(f"unknown list format {format_id!r}; use one of: {known}")


def detect_format(path: Path) -> ListFormat:
    """The format whose ``sniff`` accepts the file, or ``ListFileError`` saying what to do."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as exc:
        raise ListFileError(f"{path}: cannot be read ({exc.strerror}); check the path") from None
    if not head.strip():
        raise ListFileError(f"{path}: the file is empty; download the list again")
    matches = [f for f in list_formats() if f.sniff(path, head)]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(f.id for f in list_formats())
    if not matches:
        raise ListFileError(
            f"{path}: not a sanctions-list format Prytulak knows; "
            f"pass --format with one of: {known}"
        )
    names = ", ".join(f.id for f in matches)
    raise ListFileError(f"{path}: could be {names}; pass --format to choose")
