"""UK Sanctions List (FCDO), CSV: one row per name of a designation, grouped by ``Unique ID``.

Columns used: ``Unique ID``, ``Name 1`` … ``Name 6`` (Name 6 = surname), ``Name type``,
``Name non-latin script``, ``Non-latin script language``, ``Regime Name``, ``Designation Type``,
``Date Designated`` and ``Last Updated`` (dd/mm/yyyy), ``UK Statement of Reasons``,
``Other Information``, ``Position``. Lines before the header (a report date) are skipped; a date
found there is the list date, else the latest ``Last Updated``."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from ..belarus import is_belarus_program
from ..errors import ListFileError
from ..records import EntryKind, ListedName, ListEntry, ListInfo, ParsedList
from ._common import file_date, parse_date, read_text

FORMAT_ID = "uk-sanctions-csv"
TITLE = "UK Sanctions List (FCDO), CSV"
URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
_DATES = ("%d/%m/%Y", "%d-%b-%Y", "%d %B %Y", "%Y-%m-%d")
_KINDS = {"individual": "person", "entity": "entity", "ship": "vessel"}
_REQUIRED = ("Unique ID", "Name 6", "Regime Name")


def sniff(path: Path, head: bytes) -> bool:
    return path.name.lower().endswith(".csv") and b"Unique ID" in head and b"Name 6" in head


def _split(text: str, path: Path) -> tuple[list[str], list[dict[str, str]]]:
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if "Unique ID" in line:
            reader = csv.DictReader(io.StringIO("\n".join(lines[number:])))
            missing = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise ListFileError(f"{path}: columns missing: {', '.join(missing)}")
            return lines[:number], [dict(row) for row in reader]
    raise ListFileError(
        f"{path}: no header row with 'Unique ID'; is this the UK Sanctions List CSV?"
    )


def _names(row: dict[str, str]) -> list[ListedName]:
    parts = [(row.get(f"Name {i}") or "").strip() or None for i in range(1, 7)]
    found = []
    if any(parts):
        full = " ".join(p for p in parts if p)
        middle = " ".join(p for p in parts[1:5] if p) or None
        found.append(ListedName(full, surname=parts[5], given=parts[0], middle=middle))
    if non_latin := (row.get("Name non-latin script") or "").strip():
        found.append(ListedName(non_latin, language=row.get("Non-latin script language")))
    return found


def _entry(ref: str, rows: list[dict[str, str]]) -> ListEntry:
    first = rows[0]
    kind: EntryKind = _KINDS.get((first.get("Designation Type") or "").lower(), "other")  # type: ignore[assignment]
    names = tuple(dict.fromkeys(n for row in rows for n in _names(row)))
    regimes = tuple(
        dict.fromkeys(r.get("Regime Name", "").strip() for r in rows if r.get("Regime Name"))
    )
    reason = " ".join(
        p for p in (first.get("UK Statement of Reasons"), first.get("Other Information")) if p
    )
    positions = tuple(
        f"position: {p}" for p in {(r.get("Position") or "").strip() for r in rows} if p
    )
    return ListEntry(
        ref=ref,
        kind=kind,
        names=names,
        programs=regimes,
        belarus=is_belarus_program(regimes),
        reason=reason or None,
        listed_on=parse_date(first.get("Date Designated"), _DATES),
        details=positions,
    )


def _list_date(preamble: list[str], rows: list[dict[str, str]]) -> tuple[date | None, str]:
    for line in preamble:
        for candidate in re.findall(r"\d{1,2}[-/ ][A-Za-z0-9]{2,9}[-/ ]\d{4}", line):
            if found := parse_date(candidate, _DATES):
                return found, "report date at the top of the file"
    updates = [d for d in (parse_date(r.get("Last Updated"), _DATES) for r in rows) if d]
    return max(updates, default=None), "latest Last Updated in the file (give --list-date)"


def read(path: Path) -> ParsedList:
    preamble, rows = _split(read_text(path), path)
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if ref := (row.get("Unique ID") or "").strip():
            grouped.setdefault(ref, []).append(row)
    entries = [_entry(ref, group) for ref, group in grouped.items()]
    list_date, note = _list_date(preamble, rows)
    info = ListInfo(
        source_id="uk-sanctions",
        source="UK Sanctions List (FCDO)",
        format_id=FORMAT_ID,
        list_date=list_date or file_date(path),
        date_note=note if list_date else "file modification time",
        url=URL,
    )
    return ParsedList(info, entries)
