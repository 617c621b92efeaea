"""Dates written in documents: ``12.08.2020``, ``12 августа 2020 г.``, ``12 жніўня 2020``,
``12 August 2020``, ``August 12, 2020``, ``2020-08-12``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["MONTHS", "FoundDate", "find_dates"]

MONTHS: dict[str, int] = {
    **dict.fromkeys(["января", "январь", "студзеня", "студзень", "january", "jan"], 1),
    **dict.fromkeys(["февраля", "февраль", "лютага", "люты", "february", "feb"], 2),
    **dict.fromkeys(["марта", "март", "сакавіка", "сакавік", "march", "mar"], 3),
    **dict.fromkeys(["апреля", "апрель", "красавіка", "красавік", "april", "apr"], 4),
    **dict.fromkeys(["мая", "май", "траўня", "травеня", "травень", "may"], 5),
    **dict.fromkeys(["июня", "июнь", "чэрвеня", "чэрвень", "june", "jun"], 6),
    **dict.fromkeys(["июля", "июль", "ліпеня", "ліпень", "july", "jul"], 7),
    **dict.fromkeys(["августа", "август", "жніўня", "жнівень", "august", "aug"], 8),
    **dict.fromkeys(["сентября", "сентябрь", "верасня", "верасень", "september", "sep", "sept"], 9),
    **dict.fromkeys(["октября", "октябрь", "кастрычніка", "кастрычнік", "october", "oct"], 10),
    **dict.fromkeys(["ноября", "ноябрь", "лістапада", "лістапад", "november", "nov"], 11),
    **dict.fromkeys(["декабря", "декабрь", "снежня", "снежань", "december", "dec"], 12),
}
_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"((?:19|20)\d{2})"
_PATTERNS: tuple[tuple[re.Pattern[str], tuple[int, int, int]], ...] = (
    # (pattern, group index of (day, month, year))
    (re.compile(rf"(?<![\d.])(\d{{1,2}})\.(\d{{1,2}})\.{_YEAR}(?!\d)"), (1, 2, 3)),
    (re.compile(rf"(?<!\d){_YEAR}-(\d{{2}})-(\d{{2}})(?!\d)"), (3, 2, 1)),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_WORDS})\.?,?\s+{_YEAR}", re.IGNORECASE), (1, 2, 3)),
    (re.compile(rf"\b({_WORDS})\.?\s+(\d{{1,2}}),?\s+{_YEAR}", re.IGNORECASE), (2, 1, 3)),
)


@dataclass(frozen=True)
class FoundDate:
    value: date
    text: str
    start: int  # character offset in the searched text
    line: int  # 1-based line number

    def __str__(self) -> str:
        return self.text


def _month(token: str) -> int:
    return int(token) if token.isdigit() else MONTHS[token.lower()]


def find_dates(text: str) -> list[FoundDate]:
    """Every real calendar date written in ``text``, in order of appearance."""
    found: dict[int, FoundDate] = {}
    for pattern, (d, m, y) in _PATTERNS:
        for match in pattern.finditer(text):
            try:
                value = date(int(match[y]), _month(match[m]), int(match[d]))
            except (ValueError, KeyError):
                continue
            line = text.count("\n", 0, match.start()) + 1
            found.setdefault(match.start(), FoundDate(value, match[0], match.start(), line))
    return [found[k] for k in sorted(found)]
