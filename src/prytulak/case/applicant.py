"""The applicant: I-589 Part A.I."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .people import (
    Address,
    ANumber,
    Birth,
    CaseModel,
    Passport,
    PersonName,
    Phone,
    Ssn,
    UscisAccount,
)
from .vocab import MaritalStatus, Sex

__all__ = ["Applicant", "Languages"]


class Languages(CaseModel):
    native: str = Field(description="Native language and dialect, e.g. 'Belarusian'")
    other: list[str] = Field(default_factory=list)
    fluent_in_english: bool = False
    preferred_for_reading: str = Field(
        default="ru", description="Language the applicant reads best: en, ru or be"
    )


class Applicant(CaseModel):
    name: PersonName
    a_number: ANumber | None = None
    ssn: Ssn | None = None
    uscis_account: UscisAccount | None = None
    sex: Sex | None = None
    marital_status: MaritalStatus | None = None
    birth: Birth | None = None
    nationality: str = "Belarus"
    nationality_at_birth: str | None = None
    ethnicity: str | None = None
    religion: str | None = None
    languages: Languages | None = None
    residence: Address | None = Field(
        default=None, description="Where the applicant lives in the US"
    )
    mailing_address: Address | None = Field(
        default=None, description="Only when different from the residence"
    )
    phone: Phone | None = None
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    passports: list[Passport] = Field(
        default_factory=list, description="Most recent first; the first one goes on the I-589"
    )
    parent_or_legal_guardian_in_us: bool | None = Field(
        default=None,
        description="For an applicant under 18: is a parent or legal guardian in the US and "
        "available to provide care and physical custody? No (with no lawful status, under 18) "
        "makes the applicant an unaccompanied alien child (6 U.S.C. 279(g)(2)): the one-year "
        "deadline does not apply (INA 208(a)(2)(E)). An aunt or other relative who is not a "
        "court-appointed guardian is not a legal guardian. Absent: not asked yet",
    )
