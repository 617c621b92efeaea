"""Country packs: sourced country-of-origin facts, persecution profiles, code articles and a
legal glossary, one pack per country behind one interface (Belarus first).

Verbs::

    pack = get_pack("BY")
    select_profiles(case, pack)   -> [ProfileMatch(profile, reasons)]
    charge_contexts(case, pack)   -> article context for every charge in the case
    lookup_term("следователь")    -> "investigator"
    passport_spelling("Сяргей", pack) -> "SIARHEI" (name hooks: ``pack.names``)
"""

from __future__ import annotations

from .charges import ChargeContext, charge_contexts
from .datafiles import PackDataError
from .glossary import Glossary, GlossaryHit
from .naming import (
    ExpectedSpelling,
    NoNameConventionsError,
    expected_spellings,
    given_name_forms,
    name_convention_problems,
    passport_spelling,
)
from .pack import CountryPack, load_data_pack
from .records import (
    ArticleRecord,
    CounterArgument,
    Fact,
    FactSource,
    GlossaryTerm,
    LegalElement,
    NameConventions,
    NameSystemUse,
    Profile,
    ReviewStatus,
    UrlKind,
)
from .registry import ENTRY_POINT_GROUP, UnknownCountryError, get_pack, pack_sources
from .selection import ProfileMatch, select_profiles

__all__ = [
    "ENTRY_POINT_GROUP",
    "ArticleRecord",
    "ChargeContext",
    "CounterArgument",
    "CountryPack",
    "ExpectedSpelling",
    "Fact",
    "FactSource",
    "Glossary",
    "GlossaryHit",
    "GlossaryTerm",
    "LegalElement",
    "NameConventions",
    "NameSystemUse",
    "NoNameConventionsError",
    "PackDataError",
    "Profile",
    "ProfileMatch",
    "ReviewStatus",
    "UnknownCountryError",
    "UrlKind",
    "charge_contexts",
    "expected_spellings",
    "find_terms",
    "get_pack",
    "given_name_forms",
    "load_data_pack",
    "lookup_term",
    "name_convention_problems",
    "pack_sources",
    "passport_spelling",
    "select_profiles",
]


def lookup_term(term: str, language: str | None = None, country: str = "BY") -> str | None:
    """The English rendering of a Russian or Belarusian legal term, or None when unknown."""
    return get_pack(country).glossary.english(term, language)


def find_terms(text: str, language: str | None = None, country: str = "BY") -> list[GlossaryHit]:
    """Every glossary term found in a Russian or Belarusian text, in order of appearance."""
    return get_pack(country).glossary.find_in(text, language)
