"""Report importers, one module per format, found by discovery.

Each module in this package defines ``SUFFIXES`` (lower-case file suffixes it reads) and
``read(path) -> ImportedReport``. Adding a format is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..records import Page

__all__ = ["ImportedReport", "ReportImportError", "importer_for", "supported_suffixes"]


@dataclass(frozen=True)
class ImportedReport:
    pages: list[Page]
    title: str | None = None
    date: str | None = None


class ReportImportError(Exception):
    """A report that cannot be read; the message names the file, the problem and the fix."""


Reader = Callable[[Path], ImportedReport]


def _readers() -> dict[str, Reader]:
    readers: dict[str, Reader] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for suffix in getattr(module, "SUFFIXES", ()):
            readers[suffix] = cast(Reader, module.read)
    return readers


def supported_suffixes() -> list[str]:
    return sorted(_readers())


def importer_for(path: Path) -> Reader:
    reader = _readers().get(path.suffix.lower())
    if reader is None:
        raise ReportImportError(
            f"{path}: '{path.suffix or '(no suffix)'}' files cannot be imported; "
            f"save the report as one of {', '.join(supported_suffixes())}"
        )
    return reader
