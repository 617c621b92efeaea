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

__all__ = [
    "ScreeningHit",
    "ScreeningReport",
    "SurnameOnly",
    "actor_label",
    "screen_case",
    "screen_name",
    "surname_entries",
]

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
class SurnameEntry:
    listed_name: str
    entry: ListEntry
    list: StoredList


@dataclass(frozen=True)
class SurnameOnly:
    """An actor recorded by one name part only (a surname: 'Лукашенко'): a name of one part
    cannot be screened reliably, so no hit is not a 'no hit'. The listed entries whose surname
    is that name are counted and named for the attorney."""

    actor_id: str
    actor_label: str
    name: str
    given_only: bool
    entries: tuple[SurnameEntry, ...]

    def statement(self) -> str:
        if self.given_only:
            return (
                f"{self.actor_label}: given name only ({self.name}): cannot be screened "
                "reliably; add the surname (and patronymic) to the case to screen this person."
            )
        count = len(self.entries)
        if count:
            shown = "; ".join(
                f"{e.listed_name} ({e.list.source}, entry {e.entry.ref})" for e in self.entries
            )
            share = f"{count} listed entr{'y shares' if count == 1 else 'ies share'} this surname"
            found = f"{share} ({shown})"
        else:
            found = "no listed entry shares this surname"
        return (
            f"{self.actor_label}: surname only ({self.name}): cannot be screened reliably; "
            f"{found}. Add the given name and patronymic to the case to screen this person."
        )


@dataclass(frozen=True)
class ScreeningReport:
    lists: tuple[StoredList, ...]
    screened: tuple[tuple[str, tuple[str, ...]], ...]  # actor id, names screened
    skipped: tuple[str, ...]  # actor ids without a name
    hits: tuple[ScreeningHit, ...]
    threshold: float
    surname_only: tuple[SurnameOnly, ...] = ()
    """Actors recorded by one name part, without a hit: reported apart, never as 'no hits'."""

    def without_hits(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The actors screened with no hit, with the names screened (those recorded by one
        name part only are in ``surname_only`` instead)."""
        apart = {h.actor_id for h in self.hits} | {s.actor_id for s in self.surname_only}
        return tuple(item for item in self.screened if item[0] not in apart)


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


def surname_entries(
    index: ScreeningIndex, surname: str, threshold: float = DEFAULT_THRESHOLD
) -> list[SurnameEntry]:
    """The listed entries whose surname is ``surname`` (in any script or system), one per
    entry: for an actor recorded by surname only, whom no full name can be compared with."""
    analyzed = analyze_name(surname)
    found: dict[tuple[str, str], SurnameEntry] = {}
    rows = _prefilter(analyzed, index.candidate_names(query_blocking_keys(analyzed)))
    for alias_id, listed in rows:
        parts = [
            (token, key, role)
            for token, key, role in zip(listed.tokens, listed.keys, listed.roles, strict=True)
            if role == "S"
        ]
        if not parts:
            continue
        tokens, keys, roles = (list(x) for x in zip(*parts, strict=True))
        listed_surname = to_analyzed(" ".join(tokens), tokens, keys, "".join(roles))
        if compare_analyzed(analyzed, listed_surname).score < threshold:
            continue
        candidate = index.candidate(alias_id)
        key = (candidate.list.source_id, candidate.entry.ref)
        found.setdefault(key, SurnameEntry(candidate.name.text, candidate.entry, candidate.list))
    return sorted(found.values(), key=lambda e: (e.list.source_id, e.entry.ref))


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
    screened, skipped, hits, surname_only = [], [], [], []
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
        if not found and all(len(analyze_name(n).tokens) == 1 for n in names):
            surname_only.append(_surname_only(index, actor, names, threshold))
    return ScreeningReport(
        lists=tuple(index.stored_lists()),
        screened=tuple(screened),
        skipped=tuple(skipped),
        hits=tuple(sorted(hits, key=lambda h: -h.score)),
        threshold=threshold,
        surname_only=tuple(surname_only),
    )


def _surname_only(
    index: ScreeningIndex, actor: Actor, names: tuple[str, ...], threshold: float
) -> SurnameOnly:
    given_only = all(analyze_name(n).tokens[0].role == "given" for n in names)
    entries: dict[tuple[str, str], SurnameEntry] = {}
    if not given_only:
        for name in names:
            for entry in surname_entries(index, name, threshold):
                entries.setdefault((entry.list.source_id, entry.entry.ref), entry)
    return SurnameOnly(
        actor.id, actor_label(actor), " / ".join(names), given_only, tuple(entries.values())
    )
