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
    """The paragraph (of its page, or of the report when it has no pages) the passage starts in."""
    text: str
    language: str
    last_ordinal: int | None = None
    """The paragraph it ends in, when that is another one."""


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
    last_paragraph: int | None = None

    def citation(self) -> str:
        where = f"p. {self.page}" if self.page is not None else self._paragraphs()
        who = f"{self.publisher}, " if self.publisher else ""
        return f"{who}“{self.report_title}” ({self.report_date or 'undated'}), {where}"

    def _paragraphs(self) -> str:
        last = self.last_paragraph
        if last is not None and last != self.paragraph:
            return f"paras. {self.paragraph}–{last}"
        return f"para. {self.paragraph}"
