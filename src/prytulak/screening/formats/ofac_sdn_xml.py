"""OFAC SDN list, legacy XML (``sdn.xml``): ``sdnList/sdnEntry`` with uid, lastName, firstName,
sdnType, programList/program, akaList/aka (type, category strong/weak, lastName, firstName),
dateOfBirthList, placeOfBirthList, remarks; ``publshInformation/Publish_Date`` (MM/DD/YYYY) is
the list date. Namespaces vary between OFAC's old and new services and are ignored."""

from __future__ import annotations

from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from ..belarus import is_belarus_program
from ..errors import ListFileError
from ..records import EntryKind, ListedName, ListEntry, ListInfo, ParsedList
from ._common import child_text, children, descendants, list_date_from, local, parse_xml

FORMAT_ID = "ofac-sdn-xml"
TITLE = "OFAC SDN list, XML (sdn.xml)"
URL = "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"
_TYPES = {"individual": "person", "entity": "entity", "vessel": "vessel", "aircraft": "aircraft"}


def sniff(path: Path, head: bytes) -> bool:
    return b"<sdnList" in head


def _name(element: etree._Element, strong: bool = True) -> ListedName | None:
    last, first = child_text(element, "lastName"), child_text(element, "firstName")
    if not last and not first:
        return None
    text = f"{last}, {first}" if last and first else (last or first or "")
    parts = (first or "").split()
    given = parts[0] if parts else None
    middle = " ".join(parts[1:]) or None
    return ListedName(text, surname=last, given=given, middle=middle, strong=strong)


def _details(entry: etree._Element) -> tuple[str, ...]:
    found = []
    for item in descendants(entry, "dateOfBirth"):
        found.append(f"DOB {(item.text or '').strip()}")
    for item in descendants(entry, "placeOfBirth"):
        found.append(f"POB {(item.text or '').strip()}")
    if title := child_text(entry, "title"):
        found.append(f"Title: {title}")
    return tuple(found)


def _entry(entry: etree._Element) -> ListEntry:
    kind: EntryKind = _TYPES.get((child_text(entry, "sdnType") or "").lower(), "other")  # type: ignore[assignment]
    names = [n for n in (_name(entry),) if n]
    for aka in descendants(entry, "aka"):
        strong = (child_text(aka, "category") or "strong").lower() != "weak"
        if (alias := _name(aka, strong)) is not None:
            names.append(alias)
    programs = tuple((p.text or "").strip() for p in descendants(entry, "program") if p.text)
    return ListEntry(
        ref=child_text(entry, "uid") or "?",
        kind=kind,
        names=tuple(names),
        programs=programs,
        belarus=is_belarus_program(programs),
        reason=child_text(entry, "remarks"),
        details=_details(entry),
    )


def read(path: Path) -> ParsedList:
    root = parse_xml(path)
    if local(root) != "sdnList":
        raise ListFileError(f"{path}: the root element is <{local(root)}>, not <sdnList>")
    published: str | None = None
    for info in children(root, "publshInformation"):
        published = child_text(info, "Publish_Date")
    entries = [_entry(e) for e in children(root, "sdnEntry")]
    list_date, note = list_date_from(published, ("%m/%d/%Y",), path, "Publish_Date in the file")
    info = ListInfo(
        source_id="ofac-sdn",
        source="OFAC Specially Designated Nationals (SDN) list",
        format_id=FORMAT_ID,
        list_date=list_date,
        date_note=note,
        url=URL,
    )
    return ParsedList(info, entries)
