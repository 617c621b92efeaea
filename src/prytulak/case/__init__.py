"""The case file: everything the I-589 and an immigration court ask, as one typed document.

``case`` imports nothing else of Prytulak's; every other package builds on it.
"""

from .applicant import Applicant, Languages
from .claim import (
    Activity,
    Actor,
    Bars,
    Charge,
    Claim,
    Event,
    FamilyHarm,
    Fear,
    LateFiling,
    Organization,
    PriorApplication,
)
from .dates import PartialDate, Precision, parse_partial_date
from .evidence import EvidenceRef
from .family import Child, Family, Relative, Spouse, UsPresence
from .history import Education, Employment, History, Residence
from .model import SCHEMA_VERSION, CaseFile, Filing
from .people import Address, Birth, NativeName, Passport, PersonName
from .problems import CaseFileError, Problem
from .representation import (
    Interpreter,
    Preparer,
    ReferralConsent,
    Representation,
    Representative,
    Translator,
)
from .schema import case_json_schema, case_json_schema_text
from .travel import Departure, ImmigrationCourt, ThirdCountryStay, Travel, UsEntry
from .vocab import (
    ActorKind,
    CodeKind,
    CourtHistory,
    EntryManner,
    FamilyLocation,
    FilingPosture,
    Ground,
    HarmType,
    LanguageCode,
    MaritalStatus,
    RepresentativeKind,
    Sex,
    SharedDetail,
    ThirdCountryStatus,
)
from .yamlio import (
    case_from_data,
    case_to_data,
    dump_case,
    dump_case_json,
    load_case,
    parse_case_text,
)

__all__ = [
    "SCHEMA_VERSION",
    "Activity",
    "Actor",
    "ActorKind",
    "Address",
    "Applicant",
    "Bars",
    "Birth",
    "CaseFile",
    "CaseFileError",
    "Charge",
    "Child",
    "Claim",
    "CodeKind",
    "CourtHistory",
    "Departure",
    "Education",
    "Employment",
    "EntryManner",
    "Event",
    "EvidenceRef",
    "Family",
    "FamilyHarm",
    "FamilyLocation",
    "Fear",
    "Filing",
    "FilingPosture",
    "Ground",
    "HarmType",
    "History",
    "ImmigrationCourt",
    "Interpreter",
    "LanguageCode",
    "Languages",
    "LateFiling",
    "MaritalStatus",
    "NativeName",
    "Organization",
    "PartialDate",
    "Passport",
    "PersonName",
    "Precision",
    "Preparer",
    "PriorApplication",
    "Problem",
    "ReferralConsent",
    "Relative",
    "Representation",
    "Representative",
    "RepresentativeKind",
    "Residence",
    "Sex",
    "SharedDetail",
    "Spouse",
    "ThirdCountryStatus",
    "ThirdCountryStay",
    "Translator",
    "Travel",
    "UsEntry",
    "UsPresence",
    "case_from_data",
    "case_json_schema",
    "case_json_schema_text",
    "case_to_data",
    "dump_case",
    "dump_case_json",
    "load_case",
    "parse_case_text",
    "parse_partial_date",
]
