"""Typed records of a country pack: facts, sources, profiles, code articles, glossary terms.

The YAML files of a pack validate against the JSON Schemas in ``schemas/`` first (so an author
gets a message naming the file and field), then load into these frozen records.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from prytulak.case import CodeKind, Ground, PartialDate

__all__ = [
    "ArticleRecord",
    "CounterArgument",
    "Fact",
    "FactSource",
    "GlossaryTerm",
    "LegalElement",
    "NameConventions",
    "NameSystemUse",
    "PackRecord",
    "Profile",
    "ProfileSelector",
    "ReviewStatus",
    "UrlKind",
]


class PackRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReviewStatus(StrEnum):
    """How far a fact has been checked. Nothing in a pack is 'verified' until a person did it."""

    VERIFIED = "verified"  # checked against the full original source by a named reviewer
    TO_VERIFY = "to_verify"  # paraphrase of an excerpt; check the full source before filing
    NEEDS_DATE = "needs_date"  # the source read gave no usable date; never cited in a memo


class UrlKind(StrEnum):
    ORIGINAL = "original"  # the publisher's own site
    MIRROR = "mirror"  # a copy of the publisher's site on another domain
    REPUBLICATION = "republication"  # the text republished or summarised by a third party


class FactSource(PackRecord):
    title: str
    title_reconstructed: bool = False
    publisher: str
    url: str
    date: PartialDate | None = None
    date_note: str | None = None
    pinpoint: str
    url_kind: UrlKind = UrlKind.ORIGINAL

    @property
    def replace_before_filing(self) -> bool:
        """A mirror or republication must be swapped for the original publisher's page."""
        return self.url_kind is not UrlKind.ORIGINAL

    def citation(self) -> str:
        when = self.date.text if self.date else "undated"
        return f"{self.publisher}, “{self.title}” ({when}), {self.pinpoint}, {self.url}"


class Fact(PackRecord):
    id: str
    profiles: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()
    statement: str
    describes: PartialDate | None = None
    date_note: str | None = None
    source: FactSource
    review: ReviewStatus = ReviewStatus.TO_VERIFY
    review_note: str | None = None

    @property
    def citable(self) -> bool:
        return self.describes is not None and self.review is not ReviewStatus.NEEDS_DATE

    def sort_day(self) -> date:
        """The latest day the fact can describe (newest first sorts on this)."""
        return self.describes.latest if self.describes else date.min


class LegalElement(PackRecord):
    id: str
    title: str
    explanation: str


class CounterArgument(PackRecord):
    argument: str
    answer: str
    answering_facts: tuple[str, ...]


class ProfileSelector(PackRecord):
    """When a case belongs to a profile. Any one match selects it, and is the stated reason."""

    articles: tuple[str, ...] = Field(
        default=(), description="'criminal:342', 'administrative:19.11'"
    )
    actor_kinds: tuple[str, ...] = ()
    harm_types: tuple[str, ...] = ()
    grounds: tuple[Ground, ...] = ()
    keywords: tuple[str, ...] = Field(
        default=(), description="Lower-case stems looked for in the case's descriptive fields"
    )
    event_keywords: tuple[str, ...] = Field(
        default=(), description="Stems looked for in event summaries, narratives and charges"
    )
    native_keywords: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Per language (ru, be): word starts for the descriptive fields",
    )
    native_event_keywords: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Per language (ru, be): word starts for events' free text",
    )
    activities_abroad: bool = False
    family_harm: bool = False
    events_between: tuple[PartialDate, PartialDate] | None = None

    def all_keywords(self) -> tuple[str, ...]:
        """English word starts first, then each language's in the data's order (ru, be)."""
        return self.keywords + _native(self.native_keywords)

    def all_event_keywords(self) -> tuple[str, ...]:
        return self.event_keywords + _native(self.native_event_keywords)


def _native(by_language: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(word for words in by_language.values() for word in words)


class Profile(PackRecord):
    id: str
    title: str
    description: str
    grounds: tuple[Ground, ...]
    grounds_note: str
    typical_evidence: tuple[str, ...]
    counter_arguments: tuple[CounterArgument, ...] = ()
    supporting_facts: tuple[str, ...]
    library_query: str
    selected_when: ProfileSelector


class ArticleRecord(PackRecord):
    code: CodeKind
    article: str
    title: str
    title_native: str | None = None
    criminalizes: str
    penalties: str
    political_use: str
    facts: tuple[str, ...]
    to_verify: tuple[str, ...] = Field(
        default=(), description="What could not be sourced and must be checked in the code text"
    )

    @property
    def key(self) -> str:
        return f"{self.code.value}:{self.article}"

    def label(self) -> str:
        code = (
            "Criminal Code" if self.code is CodeKind.CRIMINAL else "Code of Administrative Offenses"
        )
        return f"{code} art. {self.article}"


class GlossaryTerm(PackRecord):
    en: str
    ru: tuple[str, ...] = ()
    be: tuple[str, ...] = ()
    category: str
    note: str | None = None


class NameSystemUse(PackRecord):
    system: str  # a transliteration system id of prytulak.names
    where: str  # the documents or lists that use it


class NameConventions(PackRecord):
    """Name hooks: how this country's names appear in Latin letters (``names`` in pack.yaml)."""

    languages: tuple[str, ...]
    passport_system: str
    passport_note: str | None = None
    given_names: str | None = None
    systems: tuple[NameSystemUse, ...]
    sources: tuple[str, ...]

    def system_ids(self) -> tuple[str, ...]:
        """Every system, most expected first, the passport's at the head."""
        ordered = (self.passport_system, *(use.system for use in self.systems))
        return tuple(dict.fromkeys(ordered))

    def where_used(self, system_id: str) -> str | None:
        return next((use.where for use in self.systems if use.system == system_id), None)
