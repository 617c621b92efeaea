"""EU consolidated financial sanctions list, XML v1.1 (``xmlFullSanctionsList_1_1``).

Root ``export`` with ``generationDate`` (the list date); each ``sanctionEntity`` has
``designationDate``, ``designationDetails``, ``euReferenceNumber``, ``logicalId`` and children
``regulation`` (``programme``, e.g. BLR for Belarus), ``subjectType`` (``code`` person /
enterprise), ``nameAlias`` (``firstName``, ``middleName``, ``lastName``, ``wholeName``,
``nameLanguage``, ``function``, ``strong``), ``birthdate``, ``citizenship`` and ``remark``.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from ..belarus import is_belarus_program
from ..errors import ListFileError
from ..records import EntryKind, ListedName, ListEntry, ListInfo, ParsedList
from ._common import children, list_date_from, local, parse_date, parse_xml

FORMAT_ID = "eu-fsf-xml"
TITLE = "EU consolidated financial sanctions list, XML 1.1 (xmlFullSanctionsList_1_1)"
URL = "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions"
_DATE_FORMATS = ("%Y-%m-%d",)


def sniff(path: Path, head: bytes) -> bool:
    return b"<export" in head and (b"fsd" in head or b"generationDate" in head)


def _alias(element: etree._Element) -> ListedName | None:
    whole = (element.get("wholeName") or "").strip()
    last, first, middle = (
        element.get("lastName"),
        element.get("firstName"),
        element.get("middleName"),
    )
    if not whole:
        whole = " ".join(p for p in (first, middle, last) if p)
    if not whole:
        return None
    strong = (element.get("strong") or "true").lower() != "false"
    return ListedName(
        whole,
        surname=last or None,
        given=first or None,
        middle=middle or None,
        language=element.get("nameLanguage") or None,
        strong=strong,
    )


def _reason(entity: etree._Element) -> str | None:
    parts = []
    for alias in children(entity, "nameAlias"):
        function = (alias.get("function") or "").strip()
        if function and function not in parts:
            parts.append(function)
    for remark in children(entity, "remark"):
        if remark.text and remark.text.strip():
            parts.append(remark.text.strip())
    if details := entity.get("designationDetails"):
        parts.append(details)
    return " ".join(parts) or None


def _details(entity: etree._Element) -> tuple[str, ...]:
    found = []
    for birth in children(entity, "birthdate"):
        if value := birth.get("birthdate") or birth.get("year"):
            place = birth.get("city") or birth.get("place")
            found.append(f"born {value}" + (f", {place}" if place else ""))
    for citizenship in children(entity, "citizenship"):
        if value := citizenship.get("countryDescription"):
            found.append(f"citizenship {value}")
    return tuple(found)


def _entry(entity: etree._Element) -> ListEntry:
    subject = children(entity, "subjectType")
    code = subject[0].get("code", "") if subject else ""
    kind: EntryKind = {"person": "person", "enterprise": "entity"}.get(code, "other")  # type: ignore[assignment]
    programmes = tuple(
        dict.fromkeys(
            r.get("programme", "") for r in children(entity, "regulation") if r.get("programme")
        )
    )
    names = tuple(n for n in (_alias(a) for a in children(entity, "nameAlias")) if n)
    ref = entity.get("euReferenceNumber") or entity.get("logicalId") or "?"
    return ListEntry(
        ref=ref,
        kind=kind,
        names=names,
        programs=programmes,
        belarus=is_belarus_program(programmes),
        reason=_reason(entity),
        listed_on=parse_date(entity.get("designationDate"), _DATE_FORMATS),
        details=_details(entity),
    )


def read(path: Path) -> ParsedList:
    root = parse_xml(path)
    if local(root) != "export":
        raise ListFileError(f"{path}: the root element is <{local(root)}>, not the EU <export>")
    list_date, note = list_date_from(
        root.get("generationDate"), _DATE_FORMATS, path, "generationDate in the file"
    )
    entries = [_entry(e) for e in children(root, "sanctionEntity")]
    info = ListInfo(
        source_id="eu-fsf",
        source="EU consolidated financial sanctions list (FSF)",
        format_id=FORMAT_ID,
        list_date=list_date,
        date_note=note,
        url=URL,
    )
    return ParsedList(info, entries)
