"""The applicant's consent to show identifying details to a prospective attorney.

Asylum information is confidential (8 CFR 208.6), so a referral packet withholds the
applicant's name, A-number, address and contacts unless the applicant agreed. Consent is
recorded in the case file (decision 0602, as revised)::

    representation:
      referral_consents:
        - given_on: 2026-11-20
          recipient: HIAS (New York)     # a provider's name, or 'any'
          share: [name, a_number, address, contact, birth_date]
          how: signed consent form, read to the applicant in Russian
          recorded_by: M. Lindqvist
          withdrawn_on: null

Case folders made before that may hold the same list in a sidecar file,
``referral-consent.yaml`` (``consents:`` at the top); it is still read, and counts with the
case file's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from prytulak.case import CaseFile, ReferralConsent, SharedDetail

from .naming import normalise_name

__all__ = [
    "CONSENT_FILE",
    "Consent",
    "ConsentError",
    "ConsentRecord",
    "Detail",
    "consents_for",
    "covers",
    "load_consents",
]

CONSENT_FILE = "referral-consent.yaml"
Consent = ReferralConsent
Detail = SharedDetail


class ConsentError(Exception):
    """The consent file cannot be used; the message names the problem and the fix."""


def covers(consent: Consent, recipient: str | None, today: date) -> bool:
    """Whether this consent lets ``recipient`` see details today."""
    if consent.given_on > today or (consent.withdrawn_on and consent.withdrawn_on <= today):
        return False
    if consent.recipient.strip().lower() == "any":
        return True
    return recipient is not None and normalise_name(recipient) == normalise_name(consent.recipient)


class ConsentRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    consents: list[Consent] = Field(default_factory=list)

    def allowed(self, recipient: str | None, today: date) -> tuple[set[Detail], Consent | None]:
        """The details the applicant agreed to show this recipient today, and the consent."""
        valid = [c for c in self.consents if covers(c, recipient, today)]
        allowed = {d for c in valid for d in c.share}
        return allowed, (max(valid, key=lambda c: c.given_on) if valid else None)


def consents_for(case: CaseFile, case_folder: Path | None = None) -> ConsentRecord:
    """The case file's consents, with those of a legacy sidecar file in its folder."""
    legacy = load_consents(case_folder).consents if case_folder is not None else []
    return ConsentRecord(consents=[*case.representation.referral_consents, *legacy])


def load_consents(case_folder: Path) -> ConsentRecord:
    """The legacy sidecar file of a case folder; no file means no consent."""
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
