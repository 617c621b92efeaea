"""UK Sanctions List (FCDO), XML: ``Designation`` elements with ``UniqueID``,
``IndividualEntityShip``, ``Names/Name`` (``Name1``…``Name6``, Name6 the surname, ``NameType``),
``NonLatinNames`` (``NameNonLatinScript``, ``NonLatinScriptLanguage``), ``RegimeName``,
``DateDesignated`` and ``LastUpdated`` (dd/mm/yyyy), ``UKStatementofReasons``,
``OtherInformation`` and ``IndividualDetails/Individual/Positions/Position``.
The list date is a ``DateGenerated`` element when present, else the latest ``LastUpdated``."""

from __future__ import annotations

from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from ..belarus import is_belarus_program
from ..records import EntryKind, ListedName, ListEntry, ListInfo, ParsedList
from ._common import child_text, descendants, file_date, parse_date, parse_xml

FORMAT_ID = "uk-sanctions-xml"
TITLE = "UK Sanctions List (FCDO), XML"
URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
_DATES = ("%d/%m/%Y", "%Y-%m-%d")
_KINDS = {"individual": "person", "entity": "entity", "ship": "vessel"}


def sniff(path: Path, head: bytes) -> bool:
    return b"<Designation" in head or (b"UniqueID" in head and b"<" in head[:5])


def _name(element: etree._Element) -> ListedName | None:
    parts = [child_text(element, f"Name{i}") for i in range(1, 7)]
    full = child_text(element, "Name") or " ".join(p for p in parts if p)
    if not full:
        return None
    middle = " ".join(p for p in parts[1:5] if p) or None
    return ListedName(full, surname=parts[5], given=parts[0], middle=middle)


def _entry(designation: etree._Element) -> ListEntry:
    kind_text = (child_text(designation, "IndividualEntityShip") or "").lower()
    kind: EntryKind = _KINDS.get(kind_text, "other")  # type: ignore[assignment]
    names = [n for n in (_name(e) for e in descendants(designation, "Name")) if n]
    for block in descendants(designation, "NonLatinNames"):
        for element in descendants(block, "NameNonLatinScript"):
            if element.text and element.text.strip():
                language = child_text(block, "NonLatinScriptLanguage")
                names.append(ListedName(element.text.strip(), language=language))
    regimes = tuple(
        (e.text or "").strip() for e in descendants(designation, "RegimeName") if e.text
    )
    reason_parts = [
        child_text(designation, "UKStatementofReasons"),
        child_text(designation, "OtherInformation"),
    ]
    positions = tuple(
        f"position: {e.text.strip()}" for e in descendants(designation, "Position") if e.text
    )
    return ListEntry(
        ref=child_text(designation, "UniqueID") or "?",
        kind=kind,
        names=tuple(names),
        programs=regimes,
        belarus=is_belarus_program(regimes),
        reason=" ".join(p for p in reason_parts if p) or None,
        listed_on=parse_date(child_text(designation, "DateDesignated"), _DATES),
        details=positions,
    )


def read(path: Path) -> ParsedList:
    root = parse_xml(path)
    designations = descendants(root, "Designation")
    entries = [_entry(d) for d in designations]
    generated, written = None, ""
    for element in descendants(root, "DateGenerated"):
        written = (element.text or "").strip()
        generated = parse_date(written[:10], _DATES)
    note = "DateGenerated in the file"
    unread = (
        f"DateGenerated could not be read ({written[:40]}); " if written and not generated else ""
    )
    if generated is None:
        updates = [
            d for d in (parse_date(child_text(x, "LastUpdated"), _DATES) for x in designations) if d
        ]
        generated = max(updates, default=None)
        note = f"{unread}latest LastUpdated in the file (give --list-date to set the list date)"
    if generated is None:
        generated = file_date(path)
        note = f"{unread}file modification time {generated.isoformat()} — pass --list-date"
    info = ListInfo(
        source_id="uk-sanctions",
        source="UK Sanctions List (FCDO)",
        format_id=FORMAT_ID,
        list_date=generated,
        date_note=note,
        url=URL,
    )
    return ParsedList(info, entries)
