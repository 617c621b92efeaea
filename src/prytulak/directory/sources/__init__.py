"""Directory sources: one module per source, each with the same small contract.

A source module defines ``SOURCE``, an object with:

- ``name``: the id used on the command line and in the store, e.g. ``"eoir-probono"``;
- ``title``: what the source is, for people;
- ``suffixes``: file name endings it reads, e.g. ``(".pdf",)``;
- ``sniff(path) -> bool``: whether a file looks like this source (for ``--source`` left out);
- ``read(path) -> ImportResult``: every provider, the edition, and what could not be read.

Modules in this package are found by discovery (every module with a ``SOURCE``), and third-party
sources by the ``prytulak.directory_sources`` entry-point group; nothing is listed by hand.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..model import ImportResult

__all__ = [
    "DirectorySource",
    "SourceError",
    "decode_utf8",
    "find_source",
    "guess_source",
    "sources",
]

SPREADSHEETS = {".xlsx": "XLSX", ".xls": "XLS", ".ods": "ODS", ".numbers": "Numbers"}
TEXT_SUFFIXES = (".csv", ".yaml", ".yml")

ENTRY_POINT_GROUP = "prytulak.directory_sources"


class SourceError(Exception):
    """A file that this source cannot read at all; the message names the problem and the fix."""


@runtime_checkable
class DirectorySource(Protocol):
    name: str
    title: str
    suffixes: tuple[str, ...]

    def sniff(self, path: Path) -> bool: ...

    def read(self, path: Path) -> ImportResult: ...


@cache
def sources() -> dict[str, DirectorySource]:
    """Every known source by name: this package's modules, then entry points."""
    found: dict[str, DirectorySource] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        source = getattr(module, "SOURCE", None)
        if isinstance(source, DirectorySource):
            found[source.name] = source
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        source = entry.load()
        if isinstance(source, DirectorySource) and source.name not in found:
            found[source.name] = source
    return found


def find_source(name: str) -> DirectorySource:
    known = sources()
    if name not in known:
        raise SourceError(f"unknown source {name!r}; use one of: {', '.join(sorted(known))}")
    return known[name]


def decode_utf8(path: Path, raw: bytes) -> str:
    """The text of a CSV or YAML list, or ``SourceError`` saying it is not UTF-8 and how to
    save it so (a list saved by Excel on a Russian-language Windows is usually Windows-1251)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = ""
        try:
            sample = raw[:4000].decode("cp1251")
            if sum("\u0400" <= c <= "\u04ff" for c in sample) > 5:
                guess = ", probably Windows-1251 (Cyrillic)"
        except UnicodeDecodeError:
            pass
        raise SourceError(
            f"{path.name} is not UTF-8 text (byte {exc.start} is 0x{raw[exc.start]:02x}"
            f"{guess}); save it as UTF-8 — in Excel: File → Save As → 'CSV UTF-8 (Comma "
            "delimited)'; in LibreOffice: Save As → CSV, character set Unicode (UTF-8) — and "
            "import the new file"
        ) from None


def guess_source(path: Path) -> DirectorySource:
    """The source whose ``sniff`` accepts the file; an error naming ``--source`` otherwise."""
    kind = SPREADSHEETS.get(path.suffix.lower())
    if kind:
        raise SourceError(
            f"{path.name} is a spreadsheet ({kind}), which Prytulak does not read; save it as "
            "CSV (UTF-8) — in Excel: File → Save As → 'CSV UTF-8 (Comma delimited)' — and "
            "import the .csv (format: docs/directory.md, 'Local list')"
        )
    if path.suffix.lower() in TEXT_SUFFIXES:
        decode_utf8(path, path.read_bytes())
    matches = [s for s in sources().values() if path.suffix.lower() in s.suffixes and s.sniff(path)]
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(sorted(sources()))
    if not matches:
        raise SourceError(
            f"{path.name} does not look like any known directory source; "
            f"name it with --source ({names})"
        )
    raise SourceError(
        f"{path.name} could be {' or '.join(m.name for m in matches)}; name it with --source"
    )
