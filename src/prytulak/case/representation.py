"""Who represents, prepares and interprets (I-589 Parts D and E; G-28)."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from .people import Address, CaseModel, Phone, UscisAccount
from .vocab import RepresentativeKind, SharedDetail

__all__ = [
    "Interpreter",
    "Preparer",
    "ReferralConsent",
    "Representation",
    "Representative",
    "Translator",
]


class Representative(CaseModel):
    kind: RepresentativeKind = RepresentativeKind.ATTORNEY
    name: str
    organization: str | None = None
    bar_number: str | None = Field(default=None, max_length=15)
    bar_state: str | None = None
    eoir_id: str | None = None
    uscis_account: UscisAccount | None = None
    address: Address | None = None
    phone: Phone | None = None
    email: str | None = None
    g28_attached: bool = True


class Preparer(CaseModel):
    name: str
    address: Address | None = None
    phone: Phone | None = None


class Interpreter(CaseModel):
    name: str
    language: str = Field(description="The language the form was read back in")
    address: Address | None = None
    phone: Phone | None = None


class Translator(CaseModel):
    name: str
    languages: list[str] = Field(default_factory=lambda: ["ru", "be"])
    address: Address | None = None
    phone: Phone | None = None


class ReferralConsent(CaseModel):
    """The applicant's agreement to show identifying details to a prospective attorney or
    legal-aid provider (asylum information is confidential, 8 CFR 208.6). It counts from
    ``given_on`` until ``withdrawn_on``, for its recipient only."""

    given_on: date
    recipient: str = Field(min_length=1, description="A provider's name, or 'any'")
    share: list[SharedDetail] = Field(min_length=1)
    how: str = Field(min_length=1, description="How consent was given (form, language, witness)")
    recorded_by: str = Field(min_length=1)
    withdrawn_on: date | None = None

    @model_validator(mode="after")
    def _withdrawn_after_given(self) -> ReferralConsent:
        if self.withdrawn_on is not None and self.withdrawn_on < self.given_on:
            raise ValueError(
                f"withdrawn_on {self.withdrawn_on} is before given_on {self.given_on}; "
                "check both dates"
            )
        return self


class Representation(CaseModel):
    representative: Representative | None = None
    preparer: Preparer | None = Field(
        default=None, description="Part E: someone other than a spouse, parent or child"
    )
    interpreter: Interpreter | None = None
    translators: list[Translator] = Field(default_factory=list)
    family_helpers: list[str] = Field(
        default_factory=list, description="Part D: spouse, parent or child who helped, 'Name (son)'"
    )
    referral_consents: list[ReferralConsent] = Field(
        default_factory=list,
        description="Consent to show identifying details in a referral packet (8 CFR 208.6)",
    )
    received_provider_list: bool = Field(
        default=False, description="Part D: given the list of free or low-cost legal providers"
    )
