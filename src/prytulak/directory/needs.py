"""What a case needs from a lawyer: languages, place, detention, posture, age, history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from prytulak.case import CaseFile, FilingPosture

from .courts import CaseCourt, case_court, county_of
from .geography import state_code
from .service_terms import vocabulary

__all__ = ["CaseNeeds", "case_needs"]

PRIMARY_LANGUAGES = ("ru", "be")
"""Russian and Belarusian: what a Belarusian applicant can tell the story in."""


@dataclass(frozen=True)
class CaseNeeds:
    primary_languages: tuple[str, ...]  # Russian / Belarusian, as the applicant speaks them
    other_languages: tuple[str, ...]  # further languages the applicant speaks
    court: CaseCourt
    detained: bool
    defensive: bool
    adult: bool | None  # None: birth date unknown
    criminal_history: bool
    residence_state: str | None = None
    residence_text: str | None = None  # the applicant's city and state, for residence rules
    residence_county: str | None = None  # where known (a New York City borough's county)

    @property
    def state(self) -> str | None:
        """The state of the case's court, else of the residence."""
        return self.court.state


def case_needs(case: CaseFile, today: date) -> CaseNeeds:
    spoken = _spoken_languages(case)
    primary = tuple(c for c in spoken if c in PRIMARY_LANGUAGES) or PRIMARY_LANGUAGES
    return CaseNeeds(
        primary_languages=primary,
        other_languages=tuple(c for c in spoken if c not in PRIMARY_LANGUAGES),
        court=case_court(case),
        detained=case.travel.court.detained,
        defensive=case.filing.posture is FilingPosture.DEFENSIVE,
        adult=_adult(case, today),
        criminal_history=bool(case.claim.bars.crimes_in_us),
        residence_state=_residence_state(case),
        residence_text=_residence_text(case),
        residence_county=_residence_county(case),
    )


def _residence_county(case: CaseFile) -> str | None:
    residence = case.applicant.residence
    return county_of(residence.city, residence.region) if residence else None


def _residence_text(case: CaseFile) -> str | None:
    residence = case.applicant.residence
    if residence is None:
        return None
    parts = (residence.city, residence.region, residence.postal_code)
    return ", ".join(p for p in parts if p) or None


def _residence_state(case: CaseFile) -> str | None:
    residence = case.applicant.residence
    return state_code(residence.region) if residence and residence.region else None


def _spoken_languages(case: CaseFile) -> list[str]:
    """ISO codes of what the applicant speaks, best first; Russian/Belarusian by default."""
    codes: list[str] = []
    languages = case.applicant.languages
    texts = [languages.native, *languages.other] if languages else []
    if languages:
        codes.append(languages.preferred_for_reading)
    codes.append(case.language.value)
    for text in texts:
        codes.extend(_codes_in(text))
    if languages and languages.fluent_in_english:
        codes.append("en")
    ordered: list[str] = []
    for code in codes:
        if code not in ordered:
            ordered.append(code)
    native = [c for c in _codes_in(languages.native)] if languages else []
    return sorted(ordered, key=lambda c: (c not in native, ordered.index(c)))


def _codes_in(text: str) -> list[str]:
    if re.search(r"\(basic\)|\bbasic\b", text, re.IGNORECASE):
        return []
    return [
        code
        for code, _, patterns in vocabulary().languages
        if any(p.search(text) for p in patterns)
    ]


def _adult(case: CaseFile, today: date) -> bool | None:
    birth = case.applicant.birth
    if birth is None:
        return None
    latest = birth.date.latest
    eighteenth = date(latest.year + 18, latest.month, min(latest.day, 28))
    return today >= eighteenth
