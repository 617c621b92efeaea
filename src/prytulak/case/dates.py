"""Dates as people actually remember them: exact, month only, year only, approximate, or a range.

A persecution timeline is rarely known to the day. ``PartialDate`` keeps what is known and no
more, so the law engine and the review can say "unknown" instead of inventing a day.

Written forms (what ``case.yaml`` holds)::

    2020-08-10              a day
    2020-08                 a month (day unknown)
    2020                    a year
    ~2020-08                about August 2020 (any of the forms above, prefixed with ~)
    2020-08-10/2020-08-25   a range (each end any of the forms above)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

__all__ = ["PartialDate", "Precision", "parse_partial_date"]

_SINGLE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
_DOTTED = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$")
_SLASHED_US = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})$")
JSON_PATTERN = r"^~?\d{4}(-\d{2}(-\d{2})?)?(/~?\d{4}(-\d{2}(-\d{2})?)?)?$"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to some precision; ``earliest``..``latest`` bound the real day."""

    earliest: date
    latest: date
    precision: Precision
    approximate: bool = False
    text: str = ""

    # -- construction -------------------------------------------------------------------
    @classmethod
    def of(cls, day: date) -> PartialDate:
        return cls(day, day, Precision.DAY, False, day.isoformat())

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        return parse_partial_date(value)

    # -- questions the engine asks ------------------------------------------------------
    @property
    def is_exact(self) -> bool:
        return self.precision is Precision.DAY and not self.approximate

    @property
    def exact(self) -> date | None:
        """The day, when it is known exactly; otherwise ``None``."""
        return self.earliest if self.is_exact else None

    def sort_key(self) -> tuple[date, date]:
        return (self.earliest, self.latest)

    def may_be_after(self, other: PartialDate) -> bool:
        return self.latest > other.earliest

    def surely_before(self, other: PartialDate) -> bool:
        return self.latest < other.earliest

    def contains(self, day: date) -> bool:
        return self.earliest <= day <= self.latest

    def describe(self) -> str:
        """Plain English, for declarations and reports."""
        return _describe(self)

    def __str__(self) -> str:
        return self.text

    # -- pydantic integration -----------------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            parse_partial_date,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda v: v.text, when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": JSON_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "YYYY-MM-DD, YYYY-MM or YYYY; prefix ~ when approximate; "
            "two of these joined by / for a range",
            "examples": ["2020-08-10", "2020-08", "~2021", "2020-08-10/2020-08-25"],
        }


def _describe(value: PartialDate) -> str:
    prefix = "about " if value.approximate else ""
    if value.precision is Precision.DAY:
        body = f"{value.earliest:%B} {value.earliest.day}, {value.earliest.year}"
    elif value.precision is Precision.MONTH:
        body = f"{value.earliest:%B %Y}"
    elif value.precision is Precision.YEAR:
        body = str(value.earliest.year)
    else:
        start, _, end = value.text.lstrip("~").partition("/")
        first, last = parse_partial_date(start), parse_partial_date(end)
        return f"between {first.describe()} and {last.describe()}"
    return prefix + body


def parse_partial_date(value: object) -> PartialDate:
    """Parse the written forms above; raise a ``PydanticCustomError`` that says how to fix it."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):
        return PartialDate.of(value)
    if isinstance(value, int) and 1000 <= value <= 9999:
        value = str(value)
    if not isinstance(value, str):
        raise _not_a_date(repr(value), None)
    text = value.strip()
    if "/" in text and not _DOTTED.match(text) and not _SLASHED_US.match(text):
        return _parse_range(text)
    approximate = text.startswith("~")
    single = _parse_single(text.lstrip("~").strip(), original=text)
    return PartialDate(single.earliest, single.latest, single.precision, approximate, text)


def _parse_range(text: str) -> PartialDate:
    start_text, _, end_text = text.partition("/")
    start = parse_partial_date(start_text)
    end = parse_partial_date(end_text)
    if end.latest < start.earliest:
        raise PydanticCustomError(
            "date_range_reversed",
            '"{text}" ends before it starts; write the earlier date first',
            {"text": text},
        )
    approximate = start.approximate or end.approximate
    return PartialDate(start.earliest, end.latest, Precision.RANGE, approximate, text)


def _parse_single(text: str, original: str) -> PartialDate:
    match = _SINGLE.match(text)
    if match is None:
        suggestion = _suggest_from_foreign_format(text) or _suggest_from_words(text)
        raise _not_a_date(original, suggestion)
    year, month, day = int(match["y"]), match["m"], match["d"]
    if month is None:
        return PartialDate(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)
    m = int(month)
    if not 1 <= m <= 12:
        raise _not_a_date(original, f"{year}-MM with a month from 01 to 12, or {year}")
    last = calendar.monthrange(year, m)[1]
    if day is None:
        return PartialDate(date(year, m, 1), date(year, m, last), Precision.MONTH)
    d = int(day)
    if not 1 <= d <= last:
        raise _not_a_date(
            original, f"{year}-{m:02d}-{last:02d}, or {year}-{m:02d} if the day is unknown"
        )
    exact = date(year, m, d)
    return PartialDate(exact, exact, Precision.DAY)


_MONTH_NAMES = (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sept oct nov dec",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "студзень люты сакавік красавік май чэрвень ліпень жнівень верасень кастрычнік лістапад "
    "снежань",
    "студзеня лютага сакавіка красавіка мая чэрвеня ліпеня жніўня верасня кастрычніка "
    "лістапада снежня",
)
_MONTHS = {
    name: number for names in _MONTH_NAMES for number, name in enumerate(names.split(" "), start=1)
} | {"sep": 9}
_ABOUT = re.compile(
    r"^(about|around|circa|approx\.?|approximately|c\.|ca\.|около|примерно|приблизительно|"
    r"каля|прыкладна)\s+",
    re.IGNORECASE,
)
_WORDS = re.compile(r"^(?:(?P<d>\d{1,2})\s+)?(?P<month>[^\W\d_]+)\.?,?\s+(?P<y>\d{4})(?:\s*г\.?)?$")
_UNPADDED = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?$")


def _suggest_from_words(text: str) -> str | None:
    """Say the case file's form of "March 2021", "10 августа 2020", "about 2022", "2021-3"."""
    about = _ABOUT.match(text)
    if about:
        rest = text[about.end() :].strip()
        if _SINGLE.match(rest):
            return f"~{rest} (~ marks an approximate date)"
        inner = _suggest_from_words(rest) or _suggest_from_foreign_format(rest)
        return f"~{inner.split(' ')[0]} (~ marks an approximate date)" if inner else None
    words = _WORDS.match(text)
    if words and words["month"].lower() in _MONTHS:
        year, month = int(words["y"]), _MONTHS[words["month"].lower()]
        if words["d"]:
            return f"{year}-{month:02d}-{int(words['d']):02d} (year-month-day)"
        return f"{year}-{month:02d} (year-month)"
    unpadded = _UNPADDED.match(text)
    if unpadded and 1 <= int(unpadded["m"]) <= 12:
        padded = f"{unpadded['y']}-{int(unpadded['m']):02d}"
        return padded + (f"-{int(unpadded['d']):02d}" if unpadded["d"] else "")
    return None


def _suggest_from_foreign_format(text: str) -> str | None:
    """Read 10.08.2020 (Belarusian/Russian order) or 08/10/2020 (US order) and say the ISO form."""
    for pattern in (_DOTTED, _SLASHED_US):
        match = pattern.match(text)
        if match is None:
            continue
        year, m, d = int(match["y"]), int(match["m"]), int(match["d"])
        if not 1 <= m <= 12:
            return None
        last = calendar.monthrange(year, m)[1]
        if 1 <= d <= last:
            return f"{year}-{m:02d}-{d:02d} (year-month-day)"
        return f"{year}-{m:02d}-{last:02d}, or {year}-{m:02d} if the day is unknown"
    return None


def _not_a_date(text: str, suggestion: str | None) -> PydanticCustomError:
    if suggestion is None:
        return PydanticCustomError(
            "partial_date",
            '"{text}" is not a date; write YYYY-MM-DD, or YYYY-MM or YYYY when the day or month '
            "is unknown (prefix ~ when approximate)",
            {"text": text},
        )
    return PydanticCustomError(
        "partial_date",
        '"{text}" is not a date; write {suggestion}',
        {"text": text, "suggestion": suggestion},
    )
