"""What a country pack provides, and the data-backed pack every built-in country uses.

A pack is facts, persecution profiles, code articles, a glossary, the legal elements that
group facts in a memo, and name hooks (how the country's names are written in Latin letters).
The engine only talks to :class:`CountryPack`; a country adds itself by shipping the five data
files (see ``docs/country.md``) and registering a loader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from pydantic import ValidationError

from prytulak.case import Charge, CodeKind

from .datafiles import PackDataError, load_pack_file
from .glossary import Glossary
from .records import ArticleRecord, Fact, GlossaryTerm, LegalElement, NameConventions, Profile

__all__ = ["CountryPack", "load_data_pack"]

T = TypeVar("T", LegalElement, Fact, Profile, ArticleRecord, GlossaryTerm)


@dataclass(frozen=True)
class CountryPack:
    code: str
    name: str
    languages: tuple[str, ...]
    fact_max_age_years: int
    elements: tuple[LegalElement, ...]
    facts: tuple[Fact, ...]
    profiles: tuple[Profile, ...]
    articles: tuple[ArticleRecord, ...]
    glossary: Glossary
    retired_fact_ids: frozenset[str] = frozenset()
    names: NameConventions | None = None  # name hooks; None where the pack declares none
    _facts_by_id: Mapping[str, Fact] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_facts_by_id", {f.id: f for f in self.facts})

    def fact(self, fact_id: str) -> Fact | None:
        return self._facts_by_id.get(fact_id)

    def facts_for_profile(self, profile_id: str) -> list[Fact]:
        """Facts tagged with the profile plus the profile's supporting and answering facts."""
        profile = self.profile(profile_id)
        ids = {f.id for f in self.facts if profile_id in f.profiles}
        if profile is not None:
            ids |= set(profile.supporting_facts)
            ids |= {i for c in profile.counter_arguments for i in c.answering_facts}
        return [f for f in self.facts if f.id in ids]

    def profile(self, profile_id: str) -> Profile | None:
        return next((p for p in self.profiles if p.id == profile_id), None)

    def element(self, element_id: str) -> LegalElement | None:
        return next((e for e in self.elements if e.id == element_id), None)

    def article(self, code: CodeKind, article: str) -> ArticleRecord | None:
        return next((a for a in self.articles if a.code is code and a.article == article), None)

    def article_for(self, charge: Charge) -> ArticleRecord | None:
        return self.article(charge.code, charge.article)


def load_data_pack(package: str) -> CountryPack:
    """Load the pack whose data files live in the Python package ``package``."""
    return load_pack_folder(resources.files(package))


def load_pack_folder(folder: Traversable) -> CountryPack:
    meta = load_pack_file(folder, "pack")
    raw_facts = load_pack_file(folder, "facts")
    raw_profiles = load_pack_file(folder, "profiles")
    raw_articles = load_pack_file(folder, "articles")
    raw_terms = load_pack_file(folder, "glossary")
    return CountryPack(
        code=meta["code"],
        name=meta["name"],
        languages=tuple(meta["languages"]),
        fact_max_age_years=int(meta["fact_max_age_years"]),
        elements=_records(folder, "pack", LegalElement, meta["elements"]),
        facts=_records(folder, "facts", Fact, raw_facts),
        profiles=_records(folder, "profiles", Profile, raw_profiles),
        articles=_records(folder, "articles", ArticleRecord, raw_articles),
        glossary=Glossary(_records(folder, "glossary", GlossaryTerm, raw_terms)),
        retired_fact_ids=frozenset(meta["retired_fact_ids"]),
        names=_name_conventions(folder, meta.get("names")),
    )


def _name_conventions(folder: Traversable, raw: dict[str, Any] | None) -> NameConventions | None:
    if raw is None:
        return None
    try:
        return NameConventions.model_validate(raw)
    except ValidationError as error:
        problems = [f"names/{line}" for line in _problem_lines(0, error)]
        raise PackDataError(f"{folder.name}/pack.yaml", problems) from error


def _records(
    folder: Traversable, name: str, kind: type[T], items: list[dict[str, Any]]
) -> tuple[T, ...]:
    out: list[T] = []
    problems: list[str] = []
    for index, item in enumerate(items):
        try:
            out.append(kind.model_validate(item))
        except ValidationError as error:
            problems += _problem_lines(index, error)
    if problems:
        raise PackDataError(f"{folder.name}/{name}.yaml", problems)
    return tuple(out)


def _problem_lines(index: int, error: ValidationError) -> list[str]:
    lines = []
    for detail in error.errors():
        where = "/".join(str(part) for part in (index, *detail["loc"]))
        lines.append(f"{where}: {detail['msg']}")
    return lines
