"""Date ranges and release dates written in documents: ``с 12.05.2023 по 23.05.2023``,
``з 12.05.2023 па 23.05.2023``, ``from 12 May 2023 to 23 May 2023``, ``Освобожден 23.05.2023``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .dates import FoundDate, find_dates

__all__ = ["FoundRange", "find_date_ranges", "find_release_dates"]

_OPENING = re.compile(r"(?:^|[\s(])(?:с|со|з|from|between)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(
    r"^\s*(?:г\.|года|гада)?\s*(?:по|па|до|to|through|until|till|and|[-–—])\s*$", re.IGNORECASE
)
_RELEASE = re.compile(
    r"(?:освобожд[её]н[аоы]?|освобождение|вызвален[аы]?|вызваленне|released(?:\s+on)?|"
    r"date\s+of\s+release|release\s+date)\b[\s:,-]*$",
    re.IGNORECASE,
)
_LOOKBEHIND = 40


@dataclass(frozen=True)
class FoundRange:
    """A stated span of days: the first and the last day as written."""

    first: FoundDate
    last: FoundDate


def _end(found: FoundDate) -> int:
    return found.start + len(found.text)


def find_date_ranges(text: str) -> list[FoundRange]:
    """Every 'from … to …' span in ``text`` (Russian, Belarusian, English), in order."""
    dates = find_dates(text)
    ranges = []
    for first, last in pairwise(dates):
        opening = text[max(0, first.start - 8) : first.start]
        between = text[_end(first) : last.start]
        if _OPENING.search(opening) and _BETWEEN.match(between) and first.value <= last.value:
            ranges.append(FoundRange(first, last))
    return ranges


def find_release_dates(text: str) -> list[FoundDate]:
    """Dates written right after 'освобожден', 'вызвалены', 'released' and the like."""
    return [
        found
        for found in find_dates(text)
        if _RELEASE.search(text[max(0, found.start - _LOOKBEHIND) : found.start])
    ]
