"""OFAC Specially Designated Nationals list, legacy delimited CSV (``sdn.csv``).

No header row; the literal ``-0-`` means empty. Columns: ent_num, SDN_Name, SDN_Type, Program,
Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks. Aliases come from
``alt.csv`` (ent_num, alt_num, alt_type, alt_name, alt_remarks) and overflowing remarks from
``sdn_comments.csv`` when those files lie next to ``sdn.csv``. The file carries no date: the
list date is the file's modification time unless the user gives one.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..belarus import is_belarus_program
from ..errors import ListFileError
from ..records import EntryKind, ListedName, ListEntry, ListInfo, ParsedList
from ._common import file_date, read_text

FORMAT_ID = "ofac-sdn-csv"
TITLE = "OFAC SDN list, legacy CSV (sdn.csv; alt.csv and sdn_comments.csv beside it are read too)"
URL = "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"
SDN_COLUMNS = 12
_TYPES = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft", "": "entity"}


def _clean(value: str) -> str:
    value = value.strip().strip("\x1a").strip()
    return "" if value == "-0-" else value


def _rows(path: Path) -> list[list[str]]:
    text = read_text(path)
    rows = [[_clean(v) for v in row] for row in csv.reader(io.StringIO(text))]
    return [row for row in rows if any(row)]


def sniff(path: Path, head: bytes) -> bool:
    if not path.name.lower().endswith(".csv"):
        return False
    try:
        first = next(csv.reader(io.StringIO(head.decode("utf-8", "replace").splitlines()[0])))
    except (StopIteration, IndexError, csv.Error):
        return False
    return len(first) == SDN_COLUMNS and first[0].strip().isdigit()


def _split_name(text: str) -> ListedName:
    if "," in text:
        surname, _, rest = text.partition(",")
        parts = rest.split()
        given = parts[0] if parts else None
        middle = " ".join(parts[1:]) or None
        return ListedName(text, surname=surname.strip(), given=given, middle=middle)
    return ListedName(text)


def _aliases(path: Path) -> dict[str, list[ListedName]]:
    alt = path.with_name("alt.csv")
    found: dict[str, list[ListedName]] = {}
    if not alt.exists():
        return found
    for row in _rows(alt):
        if len(row) >= 4 and row[3]:
            name = _split_name(row[3])
            weak = row[2].lower() not in ("aka", "fka", "nka", "")
            found.setdefault(row[0], []).append(
                ListedName(name.text, name.surname, name.given, name.middle, strong=not weak)
            )
    return found


def _comments(path: Path) -> dict[str, str]:
    extra = path.with_name("sdn_comments.csv")
    if not extra.exists():
        return {}
    return {row[0]: row[1] for row in _rows(extra) if len(row) >= 2}


def _entry(row: list[str], aliases: list[ListedName], comment: str | None) -> ListEntry:
    programs = tuple(p.strip(" []") for p in row[3].split("] [") if p.strip(" []"))
    kind: EntryKind = _TYPES.get(row[2].lower(), "other")  # type: ignore[assignment]
    remarks = " ".join(p for p in (row[11], comment) if p) or None
    names = (_split_name(row[1]), *aliases) if kind == "person" else (ListedName(row[1]), *aliases)
    details = tuple(p for p in (row[4] and f"Title: {row[4]}",) if p)
    return ListEntry(
        ref=row[0],
        kind=kind,
        names=names,
        programs=programs,
        belarus=is_belarus_program(programs),
        reason=remarks,
        details=details,
    )


def read(path: Path) -> ParsedList:
    rows = _rows(path)
    aliases, comments = _aliases(path), _comments(path)
    entries = []
    for number, row in enumerate(rows, start=1):
        if len(row) != SDN_COLUMNS:
            raise ListFileError(
                f"{path}: row {number} has {len(row)} columns, sdn.csv rows have {SDN_COLUMNS}; "
                "is this OFAC's sdn.csv? Download it again or pass the right --format"
            )
        entries.append(_entry(row, aliases.get(row[0], []), comments.get(row[0])))
    info = ListInfo(
        source_id="ofac-sdn",
        source="OFAC Specially Designated Nationals (SDN) list",
        format_id=FORMAT_ID,
        list_date=file_date(path),
        date_note="sdn.csv carries no date: file modification time (give --list-date to set it)",
        url=URL,
    )
    return ParsedList(info, entries)
