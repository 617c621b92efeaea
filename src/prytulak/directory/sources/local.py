"""An organization's own list of attorneys and partners (YAML or CSV).

The public lists lack what matters most (languages, capacity, fees, asylum experience), so an
organization keeps its own. One row per attorney or partner; list cells in CSV are separated by
';'. A row that cannot be read is reported with its row number and the reason, and the others
are still imported. Format: docs/directory.md, 'Local list'.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent

from ..courts import find_court
from ..geography import state_code
from ..model import (
    Accreditation,
    CaseTypeNote,
    CostModel,
    CourtListing,
    DetainedScope,
    Edition,
    ImportResult,
    LanguageNote,
    Office,
    ParseProblem,
    Phone,
    Provider,
    ProviderKind,
    ServiceTerms,
)
from ..naming import provider_id
from ..service_terms import language_name, read_terms, vocabulary
from . import SourceError, decode_utf8

__all__ = ["MAX_DEPTH", "MAX_LIST_BYTES", "SOURCE", "LocalList", "LocalRow"]

MAX_LIST_BYTES = 20 * 1024 * 1024
"""A list of attorneys is a few hundred KB at most; far larger is not such a list."""

MAX_DEPTH = 20
"""Levels of nesting a local list may have (it has 3 or 4: providers, a row, a list cell)."""


def _split(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(";") if part.strip()]


class LocalRow(BaseModel):
    """One attorney or partner organization as the organization records it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1)
    kind: ProviderKind = ProviderKind.ATTORNEY
    organization: str | None = None
    languages: list[str] = Field(default_factory=list, description="ISO codes or names")
    courts: list[str] = Field(default_factory=list)
    states: list[str] = Field(default_factory=list)
    detained: DetainedScope = DetainedScope.UNKNOWN
    case_types: list[str] = Field(default_factory=list)
    cost: CostModel = CostModel.UNKNOWN
    fees: str | None = None
    capacity: str | None = Field(default=None, pattern=r"^(open|limited|full)$")
    asylum_experience: str | None = None
    accreditation: Accreditation = Accreditation.NOT_APPLICABLE
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    notes: list[str] = Field(default_factory=list)
    last_verified: date | None = None

    @field_validator("languages", "courts", "states", "case_types", "notes", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> list[str]:
        return _split(value)

    @field_validator("last_verified", mode="before")
    @classmethod
    def _real_date(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(
                    f"{value.strip()!r} is not a real date; write the day the details were "
                    "last checked as YYYY-MM-DD (e.g. 2025-02-28)"
                ) from None
        return value

    @field_validator("last_verified")
    @classmethod
    def _not_future(cls, value: date | None) -> date | None:
        today = date.today()
        if value is not None and value > today:
            raise ValueError(
                f"{value.isoformat()} is in the future (today is {today.isoformat()}); write "
                "the day the details were last checked"
            )
        return value


class LocalList:
    name = "local"
    title = "The organization's own list of attorneys and partners (YAML or CSV)"
    suffixes = (".yaml", ".yml", ".csv")

    def sniff(self, path: Path) -> bool:
        try:
            head = path.read_text("utf-8-sig")[:2000].lower()
        except (OSError, UnicodeDecodeError):
            return False
        return "providers:" in head or head.startswith("name,") or ",languages" in head

    def read(self, path: Path) -> ImportResult:
        raw = path.read_bytes()
        edition_text, rows = _rows(path, raw)
        edition = Edition(
            source=self.name,
            title=self.title,
            edition=edition_text or f"file {path.name}",
            file_name=path.name,
            sha256=hashlib.sha256(raw).hexdigest(),
        )
        providers: list[Provider] = []
        unparsed: list[ParseProblem] = []
        for number, row in rows:
            if not isinstance(row, dict):
                unparsed.append(
                    ParseProblem(
                        row=number,
                        message="row not imported: it is not a mapping of fields; write each "
                        "provider as '- name: …' with its fields (kind:, languages: …) indented "
                        "below it",
                        text=_shown(row),
                    )
                )
                continue
            try:
                filled = {k: v for k, v in row.items() if v not in ("", None)}
                providers.append(_provider(LocalRow.model_validate(filled), edition))
            except ValidationError as error:
                unparsed.append(_problem(number, row, error))
        return ImportResult(
            edition=edition, providers=providers, sections=1, blocks=len(rows), unparsed=unparsed
        )


def _shown(value: Any) -> str:
    """A short, safe rendering of a cell or row for a message (never the whole of a big one)."""
    if isinstance(value, (dict, list)):
        return f"a {'mapping' if isinstance(value, dict) else 'list'} of {len(value)}"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "..."


class _TextDates(SafeConstructor):
    """Dates stay text, so an impossible one (2025-02-30) is reported for its row by the row's
    own check instead of stopping the whole import."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        return str(self.construct_scalar(node))


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", _TextDates.construct_yaml_timestamp)


def _check_structure(yaml: YAML, text: str, name: str) -> None:
    """Refuse anchors and aliases (``&a`` / ``*a``: a few lines of them can expand to gigabytes)
    and nesting deeper than a list has, before anything is built from the file."""
    depth = 0
    for event in yaml.parse(text):
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and getattr(event, "anchor", None)
        ):
            line = event.start_mark.line + 1 if event.start_mark else "?"
            raise SourceError(
                f"{name} uses YAML anchors or aliases (&name / *name, line {line}), which a "
                "list of attorneys does not need and which can make a small file expand to "
                "gigabytes; write each value out in full and import again"
            )
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise SourceError(
                    f"{name} is nested too deeply (more than {MAX_DEPTH} levels); a local "
                    "list has providers:, one entry per provider and short lists inside it — "
                    "see docs/directory.md, 'Local list'"
                )
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def _rows(path: Path, raw: bytes) -> tuple[str | None, list[tuple[int, Any]]]:
    if len(raw) > MAX_LIST_BYTES:
        raise SourceError(
            f"{path.name} is {len(raw) / 1024 / 1024:.1f} MB; a local list is at most "
            f"{MAX_LIST_BYTES // 1024 // 1024} MB — check that this is the right file"
        )
    text = decode_utf8(path, raw)
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        return None, [(n, dict(r)) for n, r in enumerate(reader, start=2)]
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _TextDates
    try:
        _check_structure(yaml, text, path.name)
        data = yaml.load(text)
    except YAMLError as exc:
        raise SourceError(
            f"{path.name} is not valid YAML ({exc}); fix the file and import again"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("providers"), list):
        raise SourceError(
            f"{path.name} has no 'providers:' list; "
            "see docs/directory.md, 'Local list', for the format"
        )
    edition = data.get("edition") or data.get("organization")
    return (str(edition) if edition else None), list(enumerate(data["providers"], start=1))


def _problem(number: int, row: Any, error: ValidationError) -> ParseProblem:
    reasons = "; ".join(
        f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
        for e in error.errors()
    )
    name = row.get("name", "") if isinstance(row, dict) else _shown(row)
    return ParseProblem(row=number, message=f"row not imported ({reasons})", text=str(name))


def _language_notes(values: list[str]) -> list[LanguageNote]:
    notes: list[LanguageNote] = []
    for value in values:
        code = next(
            (
                c
                for c, n, patterns in vocabulary().languages
                if value.lower() in (c, n.lower()) or any(p.search(value) for p in patterns)
            ),
            value.lower(),
        )
        if code not in {n.code for n in notes}:
            notes.append(
                LanguageNote(
                    code=code, name=language_name(code), text=f"languages: {', '.join(values)}"
                )
            )
    return notes


def _provider(row: LocalRow, edition: Edition) -> Provider:
    read = read_terms(row.notes, default_cost=row.cost)
    terms = read.model_copy(
        update={
            "languages": _language_notes(row.languages) or read.languages,
            "detained": row.detained
            if row.detained is not DetainedScope.UNKNOWN
            else read.detained,
            "detained_text": f"detained: {row.detained.value}"
            if row.detained is not DetainedScope.UNKNOWN
            else read.detained_text,
            "case_types": [
                CaseTypeNote(case_type=t, text=f"case types: {', '.join(row.case_types)}")
                for t in row.case_types
            ]
            + read.case_types,
            "cost": row.cost if row.cost is not CostModel.UNKNOWN else read.cost,
            "cost_text": row.fees or read.cost_text,
        }
    )
    office = Office(
        address_lines=[row.address] if row.address else [],
        city=row.city,
        state=state_code(row.state) if row.state else None,
        zip=row.zip,
        phones=[Phone(number=row.phone, label="Tel", text=row.phone)] if row.phone else [],
        emails=[row.email] if row.email else [],
        websites=[row.website] if row.website else [],
    )
    states = sorted({s for s in (state_code(x) for x in [*row.states, row.state or ""] if x) if s})
    listings = [_listing(court, terms, office) for court in row.courts]
    return Provider(
        id=provider_id(edition.source, row.name), name=row.name,
        other_names=[row.organization] if row.organization else [], kind=row.kind,
        kind_text=row.kind.value, source=edition, listings=listings, offices=[office],
        terms=ServiceTerms.model_validate(terms.model_dump()), states=states,
        accreditation=row.accreditation, capacity=row.capacity, fees=row.fees,
        asylum_experience=row.asylum_experience, last_verified=row.last_verified,
    )  # fmt: skip


def _listing(court_text: str, terms: ServiceTerms, office: Office) -> CourtListing:
    court = find_court(court_text)
    return CourtListing(
        court=court.name if court else court_text,
        court_id=court.id if court else None,
        state=court.state if court else None,
        offices=[office],
        terms=terms,
    )


SOURCE = LocalList()
