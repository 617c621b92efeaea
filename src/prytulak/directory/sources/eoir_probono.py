"""EOIR List of Pro Bono Legal Service Providers (8 CFR 1003.61-1003.66), the full-list PDF.

Layout (April 2025 edition, see docs/directory.md): a running header with the legend and
'Updated <Month Year>'; two table-of-contents pages; a divider page per state; then one section
per immigration court or docket, headed by the court's name and 'City, State (page N of M)',
with entries in two columns. The same provider is printed again under every court it serves,
sometimes with another phone number or other notes: it becomes one provider with one listing per
court.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ..courts import court_for_section
from ..geography import state_code
from ..listing_blocks import Entry, cut_entries
from ..model import (
    CostModel,
    CourtListing,
    Edition,
    ImportResult,
    Office,
    ParseProblem,
    Provider,
    ProviderKind,
)
from ..naming import provider_id
from ..pdf_layout import Line, PageLayout, read_layout
from ..service_terms import read_terms
from . import SourceError

__all__ = ["SOURCE", "EoirProBonoList"]

TITLE = "List of Pro Bono Legal Service Providers"
_EDITION = re.compile(r"Updated\s+(?P<month>[A-Z][a-z]+)\s+(?P<year>\d{4})")
_MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"], start=1)}  # fmt: skip
_PAGE_OF = re.compile(r"\s*\(page\s+\d+\s+(?:of|or)\s+\d+\)", re.IGNORECASE)
_KINDS = {
    "*": ProviderKind.NONPROFIT,
    "**": ProviderKind.REFERRAL_SERVICE,
    "***": ProviderKind.PRIVATE_ATTORNEY,
}


@dataclass
class Section:
    """One court or docket section, possibly over several pages."""

    heading: str
    place: str
    state: str | None
    pages: list[int] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


class EoirProBonoList:
    name = "eoir-probono"
    title = "EOIR List of Pro Bono Legal Service Providers (PDF)"
    suffixes = (".pdf",)

    def sniff(self, path: Path) -> bool:
        try:
            first = PdfReader(path).pages[0].extract_text() or ""
        except (PdfReadError, OSError, IndexError, ValueError):
            return False
        return TITLE in first

    def read(self, path: Path) -> ImportResult:
        pages = _read_pages(path)
        edition = _edition(pages, path)
        sections, problems = _sections(pages)
        providers: dict[str, Provider] = {}
        warnings: list[ParseProblem] = list(_toc_problems(pages, sections))
        blocks = 0
        for section in sections:
            entries, orphans = cut_entries(section.lines)
            problems.extend(orphans)
            blocks += len(entries)
            for entry in entries:
                warnings.extend(entry.problems)
                _merge(providers, _provider(entry, section, edition))
        return ImportResult(
            edition=edition,
            providers=sorted(providers.values(), key=lambda p: p.name.lower()),
            sections=len(sections),
            blocks=blocks,
            unparsed=problems,
            warnings=warnings,
        )


def _read_pages(path: Path) -> list[PageLayout]:
    try:
        return read_layout(path)
    except (PDFSyntaxError, PdfminerException, PdfReadError, ValueError, KeyError) as exc:
        raise SourceError(
            f"{path.name} cannot be read as a PDF ({exc}); download the full list again from "
            "https://www.justice.gov/eoir/list-pro-bono-legal-service-providers"
        ) from None


def _edition(pages: list[PageLayout], path: Path) -> Edition:
    header = " ".join(" ".join(p.header) for p in pages[:3])
    match = _EDITION.search(header)
    if not match or match.group("month") not in _MONTHS:
        raise SourceError(
            f"{path.name}: no 'Updated <Month Year>' in the page header, so this is not the EOIR "
            "pro bono list or its layout changed; use --source to pick another source"
        )
    month, year = _MONTHS[match.group("month")], int(match.group("year"))
    return Edition(
        source=SOURCE.name,
        title=TITLE,
        edition=match.group(0),
        edition_date=date(year, month, 1),
        file_name=path.name,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )


def _sections(pages: list[PageLayout]) -> tuple[list[Section], list[ParseProblem]]:
    sections: list[Section] = []
    problems: list[ParseProblem] = []
    state: str | None = None
    for page in pages:
        texts = [h.text for h in page.headings]
        if _is_toc(page):
            continue
        if len(texts) == 1 and not any(page.columns) and state_code(texts[0].title()):
            state = state_code(texts[0].title())
            continue
        if not texts:
            if any(page.columns):
                problems.append(
                    ParseProblem(
                        page=page.number,
                        message="page without a court heading",
                        text=next(page.body()).text,
                    )
                )
            continue
        heading = texts[0]
        place = _PAGE_OF.sub("", texts[1]) if len(texts) > 1 else ""
        if not sections or sections[-1].heading != heading:
            sections.append(Section(heading, place, state))
        sections[-1].pages.append(page.number)
        sections[-1].lines.extend(page.body())
    return sections, problems


def _is_toc(page: PageLayout) -> bool:
    return any("Table of Contents" in h.text for h in page.headings) or any(
        "Table of Contents" in line.text for line in page.body()
    )


def _toc_problems(pages: list[PageLayout], sections: list[Section]) -> list[ParseProblem]:
    """Court sections named in the table of contents but not found in the body."""
    found = {s.heading for s in sections}
    problems = []
    for page in pages:
        if not _is_toc(page):
            continue
        for line in list(page.body()) + page.headings:
            text = line.text.strip()
            if re.search(r"(Court|Courts|Docket|Location|Center)$", text) and text not in found:
                problems.append(
                    ParseProblem(
                        page=page.number,
                        message="listed in the table of contents but no such section in the body",
                        text=text,
                    )
                )
    return problems


def _provider(entry: Entry, section: Section, edition: Edition) -> Provider:
    listing = CourtListing(
        court=section.heading,
        court_id=court_for_section(section.heading),
        state=_section_state(section),
        juvenile_docket="juvenile docket" in section.heading.lower(),
        pages=entry.pages,
        offices=entry.offices,
        terms=read_terms(entry.notes, default_cost=CostModel.PRO_BONO),
    )
    kind = _KINDS.get(entry.marker or "", ProviderKind.UNKNOWN)
    return Provider(
        id=provider_id(SOURCE.name, entry.name),
        name=entry.name,
        other_names=[" ".join(entry.subtitle)] if entry.subtitle else [],
        kind=kind,
        kind_text=entry.marker,
        source=edition,
        listings=[listing],
        states=[listing.state] if listing.state else [],
    )


def _section_state(section: Section) -> str | None:
    if "," in section.place:
        code = state_code(section.place.split(",", 1)[1].split("[")[0].strip())
        if code:
            return code
    return section.state


def _merge(providers: dict[str, Provider], new: Provider) -> None:
    """Same name: one provider; same court again ('(cont.)' pages): one listing."""
    old = providers.get(new.id)
    if old is None:
        providers[new.id] = new
        return
    listing = new.listings[0]
    listings = list(old.listings)
    same = next((i for i, item in enumerate(listings) if item.court == listing.court), None)
    if same is None:
        listings.append(listing)
    else:
        listings[same] = _join_listings(listings[same], listing)
    states = sorted(set(old.states) | set(new.states))
    providers[new.id] = old.model_copy(update={"listings": listings, "states": states})


def _join_listings(first: CourtListing, more: CourtListing) -> CourtListing:
    offices: list[Office] = list(first.offices)
    for office in more.offices:
        twin = next(
            (i for i, o in enumerate(offices) if office.label and o.label == office.label), None
        )
        if twin is None:
            offices.append(office)
        else:
            offices[twin] = _join_offices(offices[twin], office)
    notes = first.terms.notes + [n for n in more.terms.notes if n not in first.terms.notes]
    return first.model_copy(
        update={
            "pages": sorted(set(first.pages) | set(more.pages)),
            "offices": offices,
            "terms": read_terms(notes, default_cost=CostModel.PRO_BONO),
        }
    )


def _join_offices(first: Office, more: Office) -> Office:
    data = first.model_dump()
    for key in ("address_lines", "phones", "emails", "websites", "other_lines"):
        data[key] = data[key] + [v for v in more.model_dump()[key] if v not in data[key]]
    for key in ("city", "state", "zip"):
        data[key] = data[key] or more.model_dump()[key]
    return Office.model_validate(data)


SOURCE = EoirProBonoList()
