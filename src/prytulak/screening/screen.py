"""Screening the people named in a case against the imported lists.

Every actor in ``case.claim.actors`` that has a name (Latin, Cyrillic or both) is compared with
every listed name found by the blocking keys. A hit carries the score, the spelling of the
actor's name that matched, the list entry, the list and its date and the list's stated reason.
A hit is a *possible* match for the attorney to confirm (court, position, dates); no hit proves
nothing about a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy  # noqa: F401  (loaded here, not on the first query: rapidfuzz.cdist needs it)
from rapidfuzz import fuzz, process

from prytulak.case import Actor, CaseFile
from prytulak.names import (
    DEFAULT_THRESHOLD,
    AnalyzedName,
    NameMatch,
    analyze_name,
    compare_analyzed,
)

from .index import ScreeningIndex, StoredList
from .names_index import IndexedName, query_blocking_keys, to_analyzed
from .records import ListEntry

__all__ = ["ScreeningHit", "ScreeningReport", "actor_label", "screen_case", "screen_name"]

Band = Literal["close match", "possible match"]
CLOSE_MATCH = 95.0
REVIEW_NOTE = (
    "Possible match only: confirm identity (court or unit, position, dates) from the documents "
    "before relying on it. Not legal advice; for the attorney's review."
)
NO_HIT_NOTE = (
    "No hit does not show that a person is not sanctioned or not responsible: lists use many "
    "spellings and most officials are on no list."
)


@dataclass(frozen=True)
class ScreeningHit:
    actor_id: str | None
    actor_label: str
    query: str
    score: float
    matched_variant: str
    listed_name: str
    entry: ListEntry
    list: StoredList
    explanation: tuple[str, ...]

    @property
    def band(self) -> Band:
        return "close match" if self.score >= CLOSE_MATCH else "possible match"

    def statement(self) -> str:
        """One paragraph the attorney can check and, if confirmed, cite."""
        date_text = self.list.list_date.isoformat() if self.list.list_date else "undated"
        programs = ", ".join(self.entry.programs) or "no programme given"
        reason = f" The list says: {self.entry.reason}" if self.entry.reason else ""
        listed = f", listed {self.entry.listed_on.isoformat()}" if self.entry.listed_on else ""
        return (
            f"{self.band.capitalize()} (score {self.score:.0f}/100): {self.actor_label} may be "
            f'the person listed as "{self.listed_name}" on the {self.list.source} dated '
            f"{date_text} (entry {self.entry.ref}; {programs}{listed}).{reason} {REVIEW_NOTE}"
        )


@dataclass(frozen=True)
class ScreeningReport:
    lists: tuple[StoredList, ...]
    screened: tuple[tuple[str, tuple[str, ...]], ...]  # actor id, names screened
    skipped: tuple[str, ...]  # actor ids without a name
    hits: tuple[ScreeningHit, ...]
    threshold: float

    def without_hits(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The actors screened with no hit, with the names screened."""
        hit = {h.actor_id for h in self.hits}
        return tuple(item for item in self.screened if item[0] not in hit)


_PREFILTER = 80.0
"""A candidate goes on to full scoring only if one of its surname keys is this close to a key
of the query: one C call per query instead of a Python comparison per candidate. Lossless: the
name score caps any pair of names whose surnames are less alike than this below the threshold
(``matching._SURNAME_FLOOR``)."""


def _score(query: AnalyzedName, listed: IndexedName) -> NameMatch:
    analyzed = to_analyzed(listed.text, list(listed.tokens), list(listed.keys), listed.roles)
    return compare_analyzed(query, analyzed)


def _surname_keys(listed: IndexedName) -> list[str]:
    keys = [k for k, r in zip(listed.keys, listed.roles, strict=True) if r == "S" and k]
    return keys or [k for k in listed.keys if k]


def _prefilter(
    query: AnalyzedName, rows: list[tuple[int, IndexedName]]
) -> list[tuple[int, IndexedName]]:
    query_keys = sorted({k for token in query.tokens for k in token.keys})
    choices: list[str] = []
    owners: list[int] = []
    for position, (_, listed) in enumerate(rows):
        for key in _surname_keys(listed):
            choices.append(key)
            owners.append(position)
    if not query_keys or not choices:
        return []
    matrix = process.cdist(query_keys, choices, scorer=fuzz.ratio, score_cutoff=_PREFILTER)
    best = matrix.max(axis=0)
    keep = sorted({owners[i] for i in range(len(choices)) if best[i] >= _PREFILTER})
    return [rows[i] for i in keep]


def screen_name(
    index: ScreeningIndex,
    query: str,
    threshold: float = DEFAULT_THRESHOLD,
    actor_id: str | None = None,
    actor_label: str | None = None,
) -> list[ScreeningHit]:
    """Hits for one written name, best first, one per list entry."""
    analyzed = analyze_name(query)
    best: dict[tuple[str, str], ScreeningHit] = {}
    rows = _prefilter(analyzed, index.candidate_names(query_blocking_keys(analyzed)))
    for alias_id, listed in rows:
        match = _score(analyzed, listed)
        if match.score < threshold:
            continue
        candidate = index.candidate(alias_id)
        key = (candidate.list.source_id, candidate.entry.ref)
        if key in best and best[key].score >= match.score:
            continue
        best[key] = ScreeningHit(
            actor_id=actor_id,
            actor_label=actor_label or query,
            query=query,
            score=match.score,
            matched_variant=match.matched_variant,
            listed_name=candidate.name.text,
            entry=candidate.entry,
            list=candidate.list,
            explanation=tuple(match.explanation()),
        )
    return sorted(best.values(), key=lambda h: (-h.score, h.list.source_id, h.entry.ref))


def actor_label(actor: Actor) -> str:
    """'Name (role, agency)', with the Cyrillic name when that is all the case records."""
    if actor.name or not actor.name_native:
        return actor.label()
    extra = ", ".join(p for p in (actor.role, actor.agency) if p)
    return f"{actor.name_native} ({extra})" if extra else actor.name_native


def _actor_names(actor: Actor) -> tuple[str, ...]:
    return tuple(n for n in (actor.name, actor.name_native) if n)


def _merge(hits: list[ScreeningHit]) -> list[ScreeningHit]:
    best: dict[tuple[str, str], ScreeningHit] = {}
    for hit in hits:
        key = (hit.list.source_id, hit.entry.ref)
        if key not in best or hit.score > best[key].score:
            best[key] = hit
    return sorted(best.values(), key=lambda h: -h.score)


def screen_case(
    case: CaseFile, index: ScreeningIndex, threshold: float = DEFAULT_THRESHOLD
) -> ScreeningReport:
    """Screen every named actor of the claim against every imported list."""
    screened, skipped, hits = [], [], []
    for actor in case.claim.actors:
        names = _actor_names(actor)
        if not names:
            skipped.append(actor.id)
            continue
        screened.append((actor.id, names))
        found = []
        for name in names:
            found.extend(screen_name(index, name, threshold, actor.id, actor_label(actor)))
        hits.extend(_merge(found))
    return ScreeningReport(
        lists=tuple(index.stored_lists()),
        screened=tuple(screened),
        skipped=tuple(skipped),
        hits=tuple(sorted(hits, key=lambda h: -h.score)),
        threshold=threshold,
    )
