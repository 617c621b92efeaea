"""EOIR Recognition & Accreditation roster (8 CFR 1292.11-1292.20): the 'Recognized
Organizations List' and the 'Accredited Representatives List' PDFs.

Both are tables of seven columns, repeated header on each page, single-letter section rows
('A', 'B' ...) and, where a table breaks across a page, a three-column continuation (representative,
expiration, status). Dates are MM/DD/YY; '*' after a date or '(Pending Renewal)' means a renewal
is pending. '(DHS only)' after a representative's name means partial accreditation: that person
cannot appear in immigration court. The organization list may end with a 'Recognized
Organization Address' section (name, office type, street, 'City, ST ZIP', phone).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from ..contact import OfficeBuilder
from ..model import (
    Accreditation,
    Edition,
    ImportResult,
    Office,
    ParseProblem,
    Provider,
    ProviderKind,
    Representative,
)
from ..naming import normalise_name, provider_id
from . import SourceError

__all__ = ["SOURCE", "EoirRoster"]

_UPDATED = re.compile(r"Report Last Updated on:?\s*(\d{1,2}/\d{1,2}/\d{2,4})", re.IGNORECASE)
_DATE = re.compile(r"(\d{1,2}/\d{1,2}/\d{2,4})\s*(\*)?")
_DHS_ONLY = re.compile(r"\(\s*DHS\s+only\s*\)", re.IGNORECASE)
_PENDING = re.compile(r"\(Pending Renewal\)|\*", re.IGNORECASE)
_ADDRESS_HEADING = "Recognized Organization Address"
_OFFICE_TYPE = re.compile(r"(Principal Office|Extension Office)\s*$")


@dataclass
class _Org:
    name: str
    recognized: date | None
    expires: date | None
    pending: bool
    status: str
    text: str
    representatives: list[Representative] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)


class EoirRoster:
    name = "eoir-roster"
    title = "EOIR Recognized Organizations and Accredited Representatives roster (PDF)"
    suffixes = (".pdf",)

    def sniff(self, path: Path) -> bool:
        try:
            with pdfplumber.open(path) as pdf:
                text = pdf.pages[0].extract_text() or ""
        except (PDFSyntaxError, PdfminerException, OSError, IndexError, ValueError):
            return False
        return "Recognized Organization" in text and "Accredited Representative" in text

    def read(self, path: Path) -> ImportResult:
        try:
            with pdfplumber.open(path) as pdf:
                pages = [
                    (n, p.extract_tables(), p.extract_text() or "")
                    for n, p in enumerate(pdf.pages, 1)
                ]
        except (PDFSyntaxError, PdfminerException, ValueError) as exc:
            raise SourceError(f"{path.name} cannot be read as a PDF ({exc})") from None
        edition = _edition(path, pages[0][2] if pages else "")
        orgs: dict[str, _Org] = {}
        problems: list[ParseProblem] = []
        rows = 0
        for number, tables, _ in pages:
            for table in tables:
                rows += _read_table(number, table, orgs, problems)
        problems.extend(_read_addresses(pages, orgs))
        providers = [_provider(org, edition) for org in orgs.values()]
        return ImportResult(
            edition=edition,
            providers=sorted(providers, key=lambda p: p.name.lower()),
            sections=sum(len(t) for _, t, _ in pages),
            blocks=rows,
            unparsed=problems,
        )


def _edition(path: Path, first_page: str) -> Edition:
    match = _UPDATED.search(first_page)
    if not match:
        raise SourceError(
            f"{path.name}: no 'Report Last Updated on' date on the first page, so this is not an "
            "EOIR roster report or its layout changed; use --source to pick another source"
        )
    return Edition(
        source=SOURCE.name,
        title=first_page.strip().splitlines()[0] if first_page.strip() else SOURCE.title,
        edition=match.group(0),
        edition_date=_parse_date(match.group(1)),
        file_name=path.name,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    found = _DATE.search(text)
    if not found:
        return None
    value = found.group(1)
    fmt = "%m/%d/%y" if len(value.rsplit("/", 1)[1]) == 2 else "%m/%d/%Y"
    try:
        return datetime.strptime(value, fmt).date()
    except ValueError:
        return None


def _cells(row: list[str | None]) -> list[str]:
    return [re.sub(r"\s+", " ", c or "").strip() for c in row]


def _read_table(
    page: int, table: list[list[str | None]], orgs: dict[str, _Org], problems: list[ParseProblem]
) -> int:
    if not table:
        return 0
    header = _cells(table[0])
    rep_first = bool(header) and header[0].lower().startswith("accredited representative")
    current = list(orgs.values())[-1] if orgs and not rep_first else None
    count = 0
    for raw in table:
        cells = _cells(raw)
        if _is_header(cells) or (
            len([c for c in cells if c]) == 1 and re.fullmatch(r"[A-Z]", cells[0] or "")
        ):
            continue
        count += 1
        if len(cells) == 7 and rep_first:
            _rep_row(page, cells, orgs, problems)
        elif len(cells) == 7:
            current = _org_row(page, cells, orgs, current, problems)
        elif len(cells) == 3 and current is not None and cells[0]:
            current.representatives.append(_representative(cells, " | ".join(cells)))
        elif any(cells):
            problems.append(
                ParseProblem(page=page, message="table row not understood", text=" | ".join(cells))
            )
    return count


def _is_header(cells: list[str]) -> bool:
    joined = " ".join(cells).lower()
    return "recognized organization" in joined and "representative" in joined and "status" in joined


def _org_row(
    page: int,
    cells: list[str],
    orgs: dict[str, _Org],
    current: _Org | None,
    problems: list[ParseProblem],
) -> _Org | None:
    text = " | ".join(c for c in cells if c)
    if cells[0]:
        key = normalise_name(cells[0])
        if key not in orgs:
            orgs[key] = _Org(
                name=cells[0], recognized=_parse_date(cells[1]), expires=_parse_date(cells[2]),
                pending=bool(_PENDING.search(cells[2]) or _PENDING.search(cells[3])),
                status=_PENDING.sub("", cells[3]).strip(), text=text,
            )  # fmt: skip
        current = orgs[key]
    if current is None:
        problems.append(
            ParseProblem(page=page, message="representative row before any organization", text=text)
        )
        return None
    if cells[4]:
        current.representatives.append(_representative(cells[4:7], text))
    return current


def _rep_row(
    page: int, cells: list[str], orgs: dict[str, _Org], problems: list[ParseProblem]
) -> None:
    text = " | ".join(c for c in cells if c)
    if not cells[3]:
        problems.append(
            ParseProblem(page=page, message="representative without an organization", text=text)
        )
        return
    key = normalise_name(cells[3])
    org = orgs.setdefault(key, _Org(
        name=cells[3], recognized=_parse_date(cells[4]), expires=_parse_date(cells[5]),
        pending=bool(_PENDING.search(cells[5]) or _PENDING.search(cells[6])),
        status=_PENDING.sub("", cells[6]).strip(), text=text,
    ))  # fmt: skip
    if cells[0]:
        org.representatives.append(_representative(cells[0:3], text))


def _representative(cells: list[str], text: str) -> Representative:
    name, expires, status = cells[0], cells[1], cells[2]
    dhs_only = bool(_DHS_ONLY.search(name))
    return Representative(
        name=_DHS_ONLY.sub("", name).strip(),
        accreditation=Accreditation.DHS_ONLY if dhs_only else Accreditation.FULL,
        expires=_parse_date(expires),
        pending_renewal=bool(_PENDING.search(expires) or _PENDING.search(status)),
        status=_PENDING.sub("", status).strip() or "unknown",
        text=text,
    )


def _read_addresses(
    pages: list[tuple[int, list[list[list[str | None]]], str]], orgs: dict[str, _Org]
) -> list[ParseProblem]:
    """The address section: blocks that start with an organization's name."""
    problems: list[ParseProblem] = []
    current: _Org | None = None
    builder = OfficeBuilder()
    started = False
    for number, _, text in pages:
        for line in text.splitlines():
            line = line.strip()
            if _ADDRESS_HEADING.lower() in line.lower() and not started:
                started = True
                continue
            if not started or not line:
                continue
            org = orgs.get(normalise_name(_OFFICE_TYPE.sub("", line)))
            if org is not None:
                _close(current, builder)
                current, builder = org, OfficeBuilder()
                office_type = _OFFICE_TYPE.search(line)
                builder.label = office_type.group(1) if office_type else None
            elif _OFFICE_TYPE.fullmatch(line) or (_OFFICE_TYPE.search(line) and current):
                _close(current, builder)
                builder = OfficeBuilder(label=line)
            elif current is None or not builder.add(line):
                problems.append(
                    ParseProblem(page=number, message="address line not understood", text=line)
                )
    _close(current, builder)
    return problems


def _close(org: _Org | None, builder: OfficeBuilder) -> None:
    if org is not None and not builder.is_empty():
        org.offices.append(builder.build())


def _accreditation(org: _Org) -> Accreditation:
    active = [r for r in org.representatives if r.status.lower() == "active"]
    if any(r.accreditation is Accreditation.FULL for r in active):
        return Accreditation.FULL
    if active:
        return Accreditation.DHS_ONLY
    return Accreditation.UNKNOWN


def _provider(org: _Org, edition: Edition) -> Provider:
    states = sorted({o.state for o in org.offices if o.state})
    return Provider(
        id=provider_id(SOURCE.name, org.name), name=org.name,
        kind=ProviderKind.RECOGNIZED_ORGANIZATION, kind_text=org.text, source=edition,
        offices=org.offices, states=states, accreditation=_accreditation(org),
        recognized=org.recognized, recognition_expires=org.expires,
        status=org.status + (" (renewal pending)" if org.pending else ""),
        representatives=org.representatives,
    )  # fmt: skip


SOURCE = EoirRoster()
