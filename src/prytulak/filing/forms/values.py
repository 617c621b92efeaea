"""How case values are written in form boxes: dates, phones, yes/no, addresses."""

from __future__ import annotations

import re

from prytulak.case import Address, PartialDate, Precision
from prytulak.case.units import Unit

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


def unit(address: Address | None) -> Unit | None:
    """The address's unit as the forms' Apt./Ste./Flr. boxes take it (``Address.unit``)."""
    return address.unit() if address is not None else None


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
