"""How case values are written in form boxes: dates, phones, yes/no, addresses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from prytulak.case import Address, PartialDate, Precision

__all__ = [
    "Unit",
    "address_line",
    "month_year",
    "phone_parts",
    "place",
    "street_line",
    "unit",
    "us_date",
    "yes_no",
]


def us_date(value: PartialDate | None) -> str | None:
    """mm/dd/yyyy as USCIS prints it; less when less is known (never an invented day)."""
    if value is None:
        return None
    if value.precision is Precision.RANGE:
        return f"{_one(value.earliest, Precision.DAY)} - {_one(value.latest, Precision.DAY)}"
    text = _one(value.earliest, value.precision)
    return f"approx. {text}" if value.approximate else text


def month_year(value: PartialDate | None) -> str | None:
    """mm/yyyy, the format of Part A.III's From/To boxes."""
    if value is None:
        return None
    precision = Precision.MONTH if value.precision is Precision.DAY else value.precision
    if precision is Precision.RANGE:
        precision = Precision.MONTH
    text = _one(value.earliest, precision)
    return f"approx. {text}" if value.approximate else text


def _one(day: object, precision: Precision) -> str:
    from datetime import date

    assert isinstance(day, date)
    if precision is Precision.DAY:
        return f"{day:%m/%d/%Y}"
    if precision is Precision.MONTH:
        return f"{day:%m/%Y}"
    return f"{day:%Y}"


def yes_no(value: bool | None) -> str | None:
    if value is None:
        return None
    return "yes" if value else "no"


def phone_parts(phone: str | None) -> tuple[str | None, str | None]:
    """(area code, number) for a US number; a foreign number stays whole in the number box."""
    if not phone:
        return None, None
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10:
        return digits[:3], f"{digits[3:6]}-{digits[6:]}"
    return None, phone


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


def unit(address: Address | None) -> Unit | None:
    """'Suite 1400' → Ste 1400, '3rd Floor' → Flr 3, 'Apt 4B' or '4B' → Apt 4B."""
    if address is None or not address.apartment:
        return None
    text = " ".join(address.apartment.split())
    lead = _LEADING.match(text)
    if lead:
        return Unit(_DESIGNATORS[lead.group("word").lower()], lead.group("number"), text)
    floor = _FLOOR_AFTER.match(text)
    if floor:
        return Unit("flr", floor.group("number"), text)
    return Unit("apt", text, f"apt. {text}")


def street_line(address: Address | None) -> str | None:
    """The street with its unit ('1127 N Formosa Ave, apt. 4'; '3250 Wilshire Blvd, Suite
    1400'): a unit that names itself is not called an apartment."""
    if address is None:
        return None
    found = unit(address)
    if found:
        return f"{address.street}, {found.text}" if address.street else None
    return address.street


def address_line(address: Address) -> str:
    """The whole address on one line, for letters and certificates."""
    parts = (street_line(address), address.city, address.region, address.postal_code)
    return ", ".join(p for p in (*parts, address.country) if p)


def place(*parts: str | None) -> str | None:
    text = ", ".join(p for p in parts if p)
    return text or None
