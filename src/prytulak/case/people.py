"""Names, addresses and identity documents, shared by the applicant and the family."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .dates import PartialDate
from .units import Unit, read_unit

__all__ = [
    "ANumber",
    "Address",
    "Birth",
    "CaseModel",
    "NativeName",
    "Passport",
    "PersonName",
    "Phone",
    "Ssn",
]


class CaseModel(BaseModel):
    """Base of every case-file record: unknown keys are errors, values are validated on edit."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)


def _check_a_number(value: str) -> str:
    digits = re.sub(r"[\s-]", "", value).upper().removeprefix("A")
    if not digits.isdigit() or not 7 <= len(digits) <= 9:
        raise PydanticCustomError(
            "a_number",
            '"{value}" is not an A-number; write the 7 to 9 digits from the notice, '
            "e.g. A201-234-567 or 201234567",
            {"value": value},
        )
    return digits.zfill(9)


def _check_ssn(value: str) -> str:
    digits = re.sub(r"[\s-]", "", value)
    if not digits.isdigit() or len(digits) != 9 or digits.startswith(("000", "666", "9")):
        raise PydanticCustomError(
            "ssn",
            '"{value}" is not a Social Security number; write the nine digits, e.g. 123-45-6789',
            {"value": value},
        )
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def _check_phone(value: str) -> str:
    digits = re.sub(r"[^\d+]", "", value)
    if len(digits.lstrip("+")) < 7:
        raise PydanticCustomError(
            "phone",
            '"{value}" is not a phone number; write it with the area code, e.g. (312) 555-0147',
            {"value": value},
        )
    return value


ANumber = Annotated[str, AfterValidator(_check_a_number)]
"""An Alien Registration Number, stored as nine digits (left-padded)."""
Ssn = Annotated[str, AfterValidator(_check_ssn)]
Phone = Annotated[str, AfterValidator(_check_phone)]
UscisAccount = Annotated[str, Field(pattern=r"^\d{12}$")]


class NativeName(CaseModel):
    """A name in a native alphabet (I-589 Part D asks for it)."""

    language: Literal["be", "ru"] = Field(description="be: Belarusian; ru: Russian")
    family: str
    given: str
    patronymic: str | None = None

    def full(self) -> str:
        return " ".join(p for p in (self.family, self.given, self.patronymic) if p)


class PersonName(CaseModel):
    """A name in Latin letters, spelled as in the passport."""

    family: str = Field(min_length=1, description="Family name exactly as in the passport")
    given: str = Field(min_length=1, description="Given name exactly as in the passport")
    middle: str | None = Field(default=None, description="Middle name; Belarusians rarely have one")
    patronymic: str | None = Field(default=None, description="Patronymic in Latin letters")
    native: list[NativeName] = Field(default_factory=list)
    other_names: list[str] = Field(
        default_factory=list, description="Other names and spellings used (I-589 A.I item 7)"
    )

    def full(self) -> str:
        return " ".join(p for p in (self.given, self.middle, self.family) if p)

    def native_in(self, language: str) -> NativeName | None:
        return next((n for n in self.native if n.language == language), None)


class Address(CaseModel):
    street: str | None = None
    apartment: str | None = None
    city: str | None = None
    region: str | None = Field(default=None, description="State, province or oblast")
    postal_code: str | None = None
    country: str = "United States"
    in_care_of: str | None = None

    def unit(self) -> Unit | None:
        """The apartment, suite or floor as written, read ('Suite 1400' is not an apartment)."""
        return read_unit(self.apartment) if self.apartment else None

    def one_line(self) -> str:
        unit = self.unit()
        street = f"{self.street}, {unit.text}" if unit and self.street else self.street
        parts = (street, self.city, self.region, self.postal_code, self.country)
        return ", ".join(p for p in parts if p)


class Birth(CaseModel):
    date: PartialDate
    city: str | None = None
    country: str | None = None


class Passport(CaseModel):
    """A passport or travel document. Expired Belarusian passports are common: since
    September 2023 consulates abroad no longer issue them."""

    number: str
    issuing_country: str = "Belarus"
    kind: Literal["passport", "travel_document", "internal_id", "residence_card"] = "passport"
    issued: PartialDate | None = None
    expires: PartialDate | None = None
