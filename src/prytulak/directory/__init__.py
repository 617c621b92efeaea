"""Finding legal help: a directory of legal-service providers, matched to a case.

Verbs:

- ``import_file(path, source=None)``: read a directory source (EOIR pro bono list, EOIR R&A
  roster, the organization's own list) into an ``ImportResult``; ``DirectoryStore.save`` keeps it.
- ``match_case(case, providers, today, filters)``: rank providers for a case, with reasons.
- ``search(providers, filters)``: providers by court, state, language, detention.
- ``build_referral(case, consents, today, recipient)``: the referral packet, identifying
  details withheld unless consent is recorded; ``render_markdown`` / ``render_pdf``.
"""

from __future__ import annotations

from pathlib import Path

from .consent import CONSENT_FILE, ConsentError, ConsentRecord, consents_for, load_consents
from .courts import CaseCourt, ImmigrationCourt, case_court, courts, find_court
from .matching import Match, MatchFilters, Option, match_case, search
from .model import ImportResult, ParseProblem, Provider
from .referral import ReferralPacket, build_referral, render_markdown
from .referral_pdf import FontError, render_pdf
from .sources import SourceError, find_source, guess_source, sources
from .store import DirectoryStore, StoreError, data_dir

__all__ = [
    "CONSENT_FILE",
    "CaseCourt",
    "ConsentError",
    "ConsentRecord",
    "DirectoryStore",
    "FontError",
    "ImmigrationCourt",
    "ImportResult",
    "Match",
    "MatchFilters",
    "Option",
    "ParseProblem",
    "Provider",
    "ReferralPacket",
    "SourceError",
    "StoreError",
    "build_referral",
    "case_court",
    "consents_for",
    "courts",
    "data_dir",
    "find_court",
    "import_file",
    "load_consents",
    "match_case",
    "render_markdown",
    "render_pdf",
    "search",
    "sources",
]


def import_file(path: Path, source: str | None = None) -> ImportResult:
    """Read a directory file with the named source, or the one that recognises it."""
    if not path.is_file():
        raise SourceError(f"{path} does not exist or is not a file")
    reader = find_source(source) if source else guess_source(path)
    return reader.read(path)
