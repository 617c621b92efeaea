"""The CaseFile: one typed, versioned document for everything the I-589 and a court ask."""

from __future__ import annotations

from pydantic import Field

from .applicant import Applicant
from .claim import Claim
from .dates import PartialDate
from .evidence import EvidenceRef
from .family import Family
from .history import History
from .people import CaseModel
from .representation import Representation
from .travel import Travel
from .vocab import FilingPosture, LanguageCode

__all__ = ["SCHEMA_VERSION", "CaseFile", "Filing"]

SCHEMA_VERSION = 1
"""Bump when a change needs a migration; add the step in ``migrations.py``."""


class Filing(CaseModel):
    posture: FilingPosture = FilingPosture.AFFIRMATIVE
    filed_on: PartialDate | None = Field(
        default=None, description="Day USCIS or the court received the I-589"
    )
    planned_filing_date: PartialDate | None = None
    receipt_number: str | None = Field(default=None, pattern=r"^[A-Z]{3}\d{10}$")
    asylum_office: str | None = None
    ead_filed_on: PartialDate | None = None
    clock_stopping_days: int = Field(
        default=0, ge=0, description="Days of applicant-caused delay (8 CFR 208.7(a)(2))"
    )


class CaseFile(CaseModel):
    schema_version: int = Field(description="Version of this schema the file was written in")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Case id, e.g. 'kavaleuski-2024'")
    language: LanguageCode = Field(
        default=LanguageCode.RU, description="Language the applicant reads best"
    )
    applicant: Applicant
    family: Family = Field(default_factory=Family)
    history: History = Field(default_factory=History)
    travel: Travel = Field(default_factory=Travel)
    claim: Claim = Field(default_factory=Claim)
    representation: Representation = Field(default_factory=Representation)
    filing: Filing = Field(default_factory=Filing)
    evidence: list[EvidenceRef] = Field(default_factory=list)
    notes: str | None = Field(default=None, description="Attorney's notes; never filed")

    def evidence_item(self, evidence_id: str) -> EvidenceRef | None:
        return next((e for e in self.evidence if e.id == evidence_id), None)
