"""Who represents, prepares and interprets (I-589 Parts D and E; G-28)."""

from __future__ import annotations

from pydantic import Field

from .people import Address, CaseModel, Phone, UscisAccount
from .vocab import RepresentativeKind

__all__ = ["Interpreter", "Preparer", "Representation", "Representative", "Translator"]


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
    received_provider_list: bool = Field(
        default=False, description="Part D: given the list of free or low-cost legal providers"
    )
