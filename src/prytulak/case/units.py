"""The secondary unit of an address (apartment, suite, floor), read from how people write it.

'Suite 1400', 'Ste. 1400', '3rd Floor', 'Apt 4B', '#12', 'кв. 5' or just '4B': the forms have
Apt./Ste./Flr. boxes, and letters should not call a suite an apartment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Unit", "read_unit"]


@dataclass(frozen=True)
class Unit:
    """The secondary unit of an address, as the forms' Apt./Ste./Flr. boxes take it."""

    kind: Literal["apt", "ste", "flr"]
    number: str
    text: str
    """As the case writes it, with its designator: 'Suite 1400', 'apt. 4' when it had none."""


_DESIGNATORS: dict[str, Literal["apt", "ste", "flr"]] = {
    "apartment": "apt",
    "apt": "apt",
    "flat": "apt",
    "unit": "apt",
    "#": "apt",
    "kv": "apt",
    "suite": "ste",
    "ste": "ste",
    "room": "ste",
    "rm": "ste",
    "floor": "flr",
    "flr": "flr",
    "fl": "flr",
}
_LEADING = re.compile(
    r"^(?P<word>apartment|apt|flat|unit|kv|suite|ste|room|rm|floor|flr|fl|#)"
    r"(?:\.\s*|\s+|(?=\d))(?:no\.?\s*)?(?P<number>\S.*)$",
    re.IGNORECASE,
)
_FLOOR_AFTER = re.compile(r"^(?P<number>\d+)(?:st|nd|rd|th)?\s+(?:floor|flr|fl)\.?$", re.IGNORECASE)


def read_unit(apartment: str) -> Unit:
    """'Suite 1400' → Ste 1400, '3rd Floor' → Flr 3, 'Apt 4B' or '4B' → Apt 4B."""
    text = " ".join(apartment.split())
    lead = _LEADING.match(text)
    if lead:
        return Unit(_DESIGNATORS[lead.group("word").lower()], lead.group("number"), text)
    floor = _FLOOR_AFTER.match(text)
    if floor:
        return Unit("flr", floor.group("number"), text)
    return Unit("apt", text, f"apt. {text}")
