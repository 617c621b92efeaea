"""What a country-conditions memo says, before any format: built once, rendered three ways.

For a case: its persecution profiles (with the reasons), the articles it was charged under,
the government's likely arguments with the answers, then the sourced facts and library
passages grouped by legal element, newest first, each with its pinpoint citation and date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from prytulak.case import CaseFile, parse_partial_date

from ..charges import ChargeContext, charge_contexts
from ..pack import CountryPack
from ..records import CounterArgument, Fact, LegalElement
from ..selection import ProfileMatch, select_profiles

__all__ = ["DISCLAIMER", "Memo", "MemoItem", "MemoSection", "PassageSource", "build_memo"]

DISCLAIMER = (
    "Draft prepared with Prytulak for the attorney's review. It is not legal advice. Every "
    "statement paraphrases the cited source and must be checked against the full original "
    "before filing; replace mirror and republished URLs with the original publisher's page."
)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class PassageHit(Protocol):
    """A library passage as the memo needs it (``prytulak.search.SearchHit`` is one)."""

    @property
    def passage_id(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def report_date(self) -> str | None: ...

    def citation(self) -> str: ...


class PassageSource(Protocol):
    """Anything that finds library passages for a query (``prytulak.search.Library`` is one)."""

    def search(self, query: str, limit: int = 10) -> Sequence[PassageHit]: ...


@dataclass(frozen=True)
class MemoItem:
    text: str
    citation: str
    date: date
    date_text: str
    fact_id: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class MemoSection:
    element: LegalElement
    items: tuple[MemoItem, ...]


@dataclass(frozen=True)
class Memo:
    case_id: str
    applicant: str
    country: str
    prepared_on: date
    max_age_years: int
    profiles: tuple[ProfileMatch, ...]
    charges: tuple[ChargeContext, ...]
    arguments: tuple[tuple[str, CounterArgument], ...]
    sections: tuple[MemoSection, ...]

    @property
    def title(self) -> str:
        return f"Country conditions memo: {self.country}"


def build_memo(
    case: CaseFile,
    pack: CountryPack,
    today: date,
    library: PassageSource | None = None,
    max_age_years: int | None = None,
    passages_per_profile: int = 3,
) -> Memo:
    age = max_age_years or pack.fact_max_age_years
    profiles = tuple(select_profiles(case, pack))
    charges = tuple(charge_contexts(case, pack))
    facts = _relevant_facts(pack, profiles, charges)
    items: dict[str, list[MemoItem]] = {e.id: [] for e in pack.elements}
    for fact in facts:
        items[_primary_element(pack, fact)].append(_fact_item(fact, today, age))
    if library is not None:
        items["similarly_situated"] += _passage_items(
            library, profiles, passages_per_profile, today, age
        )
    sections = tuple(
        MemoSection(e, tuple(sorted(items[e.id], key=lambda i: (-i.date.toordinal(), i.citation))))
        for e in pack.elements
        if items[e.id]
    )
    arguments = tuple(_distinct_arguments(profiles))
    return Memo(
        case.id,
        case.applicant.name.full(),
        pack.name,
        today,
        age,
        profiles,
        charges,
        arguments,
        sections,
    )


def _distinct_arguments(profiles: Iterable[ProfileMatch]) -> list[tuple[str, CounterArgument]]:
    """Each argument once, under the first profile that raises it."""
    seen: set[str] = set()
    out = []
    for match in profiles:
        for argument in match.profile.counter_arguments:
            if argument.argument not in seen:
                seen.add(argument.argument)
                out.append((match.profile.title, argument))
    return out


def _relevant_facts(
    pack: CountryPack, profiles: Iterable[ProfileMatch], charges: Iterable[ChargeContext]
) -> list[Fact]:
    chosen: dict[str, Fact] = {}
    for match in profiles:
        chosen |= {f.id: f for f in pack.facts_for_profile(match.profile.id)}
    for context in charges:
        chosen |= {f.id: f for f in context.facts}
    return [f for f in chosen.values() if f.citable]


def _primary_element(pack: CountryPack, fact: Fact) -> str:
    """The most specific of the fact's elements: the one listed last in the pack."""
    order = [e.id for e in pack.elements]
    return max(fact.elements, key=order.index)


def _fact_item(fact: Fact, today: date, age: int) -> MemoItem:
    assert fact.describes is not None
    warnings = []
    if _older_than(fact.describes.latest, today, age):
        warnings.append(f"older than {_years(age)}: look for newer information")
    if fact.source.replace_before_filing:
        warnings.append(f"{fact.source.url_kind.value} URL: cite the original publisher's page")
    return MemoItem(
        fact.statement,
        fact.source.citation(),
        fact.describes.latest,
        fact.describes.text,
        fact.id,
        tuple(warnings),
    )


def _passage_items(
    library: PassageSource, profiles: Iterable[ProfileMatch], limit: int, today: date, age: int
) -> list[MemoItem]:
    seen: set[int] = set()
    out = []
    for match in profiles:
        for hit in library.search(match.profile.library_query, limit=limit):
            if hit.passage_id in seen:
                continue
            seen.add(hit.passage_id)
            out.append(_passage_item(hit, today, age))
    return out


def _passage_item(hit: PassageHit, today: date, age: int) -> MemoItem:
    when = hit.report_date
    day = parse_partial_date(when).latest if when else date.min
    warnings = [] if when else ["the report has no date: add it with 'library add --date'"]
    if when and _older_than(day, today, age):
        warnings.append(f"older than {_years(age)}: look for newer information")
    language = getattr(hit, "language", None) or ("ru" if _CYRILLIC.search(hit.text) else "en")
    if language != "en":
        name = {"ru": "Russian", "be": "Belarusian"}.get(language, language)
        warnings.append(
            f"in {name}: a certified English translation is needed before it is filed or quoted"
        )
    return MemoItem(hit.text, hit.citation(), day, when or "undated", None, tuple(warnings))


def _years(count: int) -> str:
    return "1 year" if count == 1 else f"{count} years"


def _older_than(day: date, today: date, years: int) -> bool:
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    return day < limit
