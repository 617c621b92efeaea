"""The applicant's consent to show identifying details to a prospective attorney.

Asylum information is confidential (8 CFR 208.6), so a referral packet withholds the
applicant's name, A-number, address and contacts unless the applicant agreed. Consent lives in
a sidecar file in the case folder, ``referral-consent.yaml`` (the case file has no field for it
yet)::

    consents:
      - given_on: 2026-11-20
        recipient: HIAS (New York)     # a provider's name, or 'any'
        share: [name, a_number, address, contact, birth_date]
        how: signed consent form, read to the applicant in Russian
        recorded_by: M. Lindqvist
        withdrawn_on: null
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .naming import normalise_name

__all__ = ["CONSENT_FILE", "Consent", "ConsentError", "ConsentRecord", "Detail", "load_consents"]

CONSENT_FILE = "referral-consent.yaml"


class Detail(StrEnum):
    NAME = "name"
    A_NUMBER = "a_number"
    ADDRESS = "address"
    CONTACT = "contact"  # phone and e-mail
    BIRTH_DATE = "birth_date"


class ConsentError(Exception):
    """The consent file cannot be used; the message names the problem and the fix."""


class Consent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    given_on: date
    recipient: str = Field(min_length=1, description="A provider's name, or 'any'")
    share: list[Detail] = Field(min_length=1)
    how: str = Field(min_length=1, description="How consent was given (form, language, witness)")
    recorded_by: str = Field(min_length=1)
    withdrawn_on: date | None = None

    def covers(self, recipient: str | None, today: date) -> bool:
        if self.given_on > today or (self.withdrawn_on and self.withdrawn_on <= today):
            return False
        if self.recipient.strip().lower() == "any":
            return True
        return recipient is not None and normalise_name(recipient) == normalise_name(self.recipient)


class ConsentRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    consents: list[Consent] = Field(default_factory=list)

    def allowed(self, recipient: str | None, today: date) -> tuple[set[Detail], Consent | None]:
        """The details the applicant agreed to show this recipient today, and the consent."""
        valid = [c for c in self.consents if c.covers(recipient, today)]
        allowed = {d for c in valid for d in c.share}
        return allowed, (max(valid, key=lambda c: c.given_on) if valid else None)


def load_consents(case_folder: Path) -> ConsentRecord:
    """The consent file of a case folder; no file means no consent."""
    path = case_folder / CONSENT_FILE
    if not path.is_file():
        return ConsentRecord()
    try:
        data = YAML(typ="safe").load(path.read_text("utf-8-sig"))
        return ConsentRecord.model_validate(data or {})
    except (YAMLError, UnicodeDecodeError) as exc:
        raise ConsentError(
            f"{path}: cannot be read ({exc}); fix the YAML or remove the file"
        ) from None
    except ValidationError as error:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise ConsentError(
            f"{path}: {reasons}. Each consent needs given_on, recipient, share (name, a_number, "
            "address, contact, birth_date), how and recorded_by"
        ) from None
