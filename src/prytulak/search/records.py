"""Typed records of the country-report library."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Page", "Passage", "ReportInfo", "SearchHit"]


@dataclass(frozen=True)
class Page:
    """Text of one page as an importer read it; ``number`` is None where the format has none."""

    number: int | None
    text: str


@dataclass(frozen=True)
class ReportInfo:
    title: str
    publisher: str | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None


@dataclass(frozen=True)
class Passage:
    page: int | None
    ordinal: int
    text: str
    language: str


@dataclass(frozen=True)
class SearchHit:
    passage_id: int
    report_id: int
    report_title: str
    publisher: str | None
    report_date: str | None
    page: int | None
    paragraph: int
    text: str
    language: str
    score: float
    matched_by: tuple[str, ...] = field(default=())

    def citation(self) -> str:
        where = f"p. {self.page}" if self.page is not None else f"para. {self.paragraph}"
        who = f"{self.publisher}, " if self.publisher else ""
        return f"{who}“{self.report_title}” ({self.report_date or 'undated'}), {where}"
