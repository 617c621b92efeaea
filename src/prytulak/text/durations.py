"""Lengths of detention or arrest: ``15 days``, ``three days``, ``15 суток``, ``пяць сутак``."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FoundDuration", "find_durations"]

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "thirty": 30,
    "одни": 1, "двое": 2, "трое": 3, "трое суток": 3, "пять": 5, "десять": 10,
    "пятнадцать": 15, "тридцать": 30,
    "адны": 1, "двое сутак": 2, "пяць": 5, "дзесяць": 10, "пятнаццаць": 15, "трыццаць": 30,
}  # fmt: skip
_UNITS = r"days?|суток|сутки|сутак|дней|дня|дзён|дні"
_PATTERN = re.compile(
    rf"\b(\d{{1,3}}|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})[\s-]+(?:{_UNITS})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDuration:
    days: int
    text: str
    line: int


def find_durations(text: str) -> list[FoundDuration]:
    found = []
    for match in _PATTERN.finditer(text):
        token = match[1].lower()
        days = int(token) if token.isdigit() else _NUMBER_WORDS[token]
        line = text.count("\n", 0, match.start()) + 1
        found.append(FoundDuration(days, match[0], line))
    return found
