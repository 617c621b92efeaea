"""What the review reports: findings that point at the exact place and say how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

__all__ = ["Finding", "Location", "Severity"]


class Severity(IntEnum):
    """Ordered: a higher value sorts first in reports."""

    INFO = 1
    WARNING = 2
    BLOCKING = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Location:
    """A place in the case file, an evidence document, or the declaration."""

    path: str = ""
    evidence_id: str | None = None
    file: str | None = None
    page: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.evidence_id is None:
            return f"{self.path} (line {self.line})" if self.line else self.path
        where = f"evidence {self.evidence_id}"
        if self.file:
            where += f" ({self.file})"
        if self.page is not None:
            where += f", page {self.page}"
        if self.line is not None:
            where += f", line {self.line}"
        return where


@dataclass(frozen=True)
class Finding:
    """One thing an attorney should look at before filing."""

    code: str
    severity: Severity
    message: str
    fix: str
    location: Location
    related: tuple[Location, ...] = field(default=())

    def sort_key(self) -> tuple[int, str, str]:
        return (-int(self.severity), self.code, str(self.location))
