"""Report importers, one module per format, found by discovery.

Each module in this package defines ``SUFFIXES`` (lower-case file suffixes it reads) and
``read(path) -> ImportedReport``. Adding a format is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import cast

from ..records import Page

__all__ = [
    "MAX_REPORT_BYTES",
    "ImportedReport",
    "ReportImportError",
    "checked_date",
    "importer_for",
    "supported_suffixes",
]

MAX_REPORT_BYTES = 50 * 1024 * 1024
"""The largest report file read (country reports are a few MB); larger ones are refused up
front rather than read whole into memory."""

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class ImportedReport:
    pages: list[Page]
    title: str | None = None
    date: str | None = None
    notes: list[str] = field(default_factory=list)
    """What the person adding the report should know (e.g. a date in the file left out)."""


class ReportImportError(Exception):
    """A report that cannot be read; the message names the file, the problem and the fix."""


Reader = Callable[[Path], ImportedReport]


def checked_date(value: str, what: str, today: date | None = None) -> tuple[str | None, str]:
    """A date found in a file as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` when it is a real
    date not in the future; otherwise ``None`` and a note saying why it was left out and that
    ``--date`` gives it. The note is empty when the date is kept."""
    today = today or date.today()
    text = value.strip()
    match = _PARTIAL.match(text[:10]) if len(text) <= 10 or text[10:11] in "T " else None
    if match is None:
        return None, (
            f"{what} ({text[:40]!r}) is not a date; no publication date was stored — "
            "give it with --date YYYY-MM-DD"
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        earliest = date(year or 0, month or 1, day or 1)
    except ValueError:
        return None, (
            f"{what} ({text[:10]}) is not a real date; no publication date was stored — "
            "give it with --date YYYY-MM-DD"
        )
    if earliest > today:
        return None, (
            f"{what} ({text[:10]}) is in the future; no publication date was stored — "
            "give it with --date YYYY-MM-DD"
        )
    return "-".join(p for p in match.groups() if p), ""


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
