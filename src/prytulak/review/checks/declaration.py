"""The declaration's words against the case file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prytulak.case import HarmType

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check

_NEVER_DETAINED = re.compile(
    r"\b(?:never|not once)\s+(?:been\s+)?(?:arrested|detained|in (?:jail|custody))", re.I
)


@check("declaration.denies-detention")
def denies_detention(data: ReviewInput) -> Iterator[Finding]:
    if not data.declaration:
        return
    detained = [e for e in data.case.claim.events if HarmType.DETENTION in e.harms]
    for number, line in enumerate(data.declaration.splitlines(), start=1):
        if _NEVER_DETAINED.search(line) and detained:
            yield Finding(
                "declaration.denies-detention",
                Severity.BLOCKING,
                f"The declaration says '{line.strip()[:80]}', but the case records a detention "
                f"('{detained[0].summary}', {detained[0].date})",
                "Correct the declaration or the event; this contradiction alone can sink "
                "credibility (INA 208(b)(1)(B)(iii))",
                Location("declaration", line=number),
                (Location(f"claim.events[{data.case.claim.events.index(detained[0])}]"),),
            )
