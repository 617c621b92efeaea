"""Which persecution profiles a case belongs to, and why, from its events and characteristics.

The rules are data (``selected_when`` in a pack's ``profiles.yaml``); this module only reads a
case the same way for every country. Each match is a reason an attorney can check.

Keywords are word starts in English and in the pack's languages. Cyrillic text and keywords are
folded alike (ё/е, і/и, ў/у, apostrophes dropped: people without a Belarusian keyboard write
'и' for 'і'), and each word of a Cyrillic phrase may carry its own ending.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from prytulak.case import CaseFile, Event

from .pack import CountryPack
from .records import Profile, ProfileSelector

__all__ = ["ProfileMatch", "select_profiles"]


@dataclass(frozen=True)
class ProfileMatch:
    profile: Profile
    reasons: tuple[str, ...]


def select_profiles(case: CaseFile, pack: CountryPack) -> list[ProfileMatch]:
    """The profiles that apply to the case, in the pack's order, each with its reasons.

    Who the applicant is (their religion, ethnicity or job) selects a profile only with
    something else that ties it to the claim: the profile's own ground (its first) named by the
    claim, or an event, charge, organization or activity. A Catholic whose claim is about her
    Polish school is not thereby a persecuted believer."""
    matches = []
    for profile in pack.profiles:
        reasons = tuple(dict.fromkeys(_reasons(case, profile.selected_when)))
        identity = tuple(dict.fromkeys(_identity_reasons(case, profile.selected_when)))
        if reasons or (identity and profile.grounds[0] in case.claim.grounds):
            matches.append(ProfileMatch(profile, reasons + identity))
    return matches


def _identity_reasons(case: CaseFile, rule: ProfileSelector) -> Iterator[str]:
    for label, text in _identity(case):
        keyword = _first_keyword(text, rule.all_keywords())
        if keyword:
            yield f"{label} mentions '{keyword}': {_short(text)}"


def _identity(case: CaseFile) -> Iterator[tuple[str, str]]:
    applicant = case.applicant
    if applicant.religion:
        yield "religion", applicant.religion
    if applicant.ethnicity:
        yield "ethnicity", applicant.ethnicity
    for job in case.history.employment:
        yield "employment", f"{job.occupation or ''} at {job.employer}"


def _reasons(case: CaseFile, rule: ProfileSelector) -> Iterator[str]:
    yield from _event_reasons(case, rule)
    claim = case.claim
    for ground in rule.grounds:
        if ground in claim.grounds:
            yield f"the claim names the ground '{ground.value}'"
    if rule.activities_abroad:
        for activity in claim.activities_abroad:
            yield f"activity abroad: {_short(activity.what)}"
    if rule.family_harm:
        for harm in claim.family_harm:
            yield (
                f"the applicant's relative was harmed ({harm.who}, {harm.date.text}); the facts "
                f"on reprisals against families support it: {_short(harm.what)}"
            )
    for label, text in _characteristics(case):
        keyword = _first_keyword(text, rule.all_keywords())
        if keyword:
            yield f"{label} mentions '{keyword}': {_short(text)}"


def _event_reasons(case: CaseFile, rule: ProfileSelector) -> Iterator[str]:
    actors = {a.id: a for a in case.claim.actors}
    for event in case.claim.timeline():
        where = f"event '{event.id}' ({event.date.text})"
        for charge in event.charges:
            if f"{charge.code.value}:{charge.article}" not in rule.articles:
                continue
            if charge.code.value == "criminal":
                yield f"{where} names Criminal Code art. {charge.article}"
            elif _in_window(event, rule):  # an offence is punished at once: its date counts
                yield f"{where} names CAO art. {charge.article}"
        for harm in event.harms:
            if harm.value in rule.harm_types:
                yield f"{where} records the harm '{harm.value}'"
        for actor_id in event.actors:
            actor = actors.get(actor_id)
            if actor is not None and actor.kind.value in rule.actor_kinds:
                yield f"{where} involves {actor.label()}"
        if _in_window(event, rule):
            keyword = _first_keyword(_event_text(event), rule.all_event_keywords())
            if keyword:
                part = next(p for p in _event_parts(event) if _first_keyword(p, (keyword,)))
                yield f"{where} mentions '{keyword}': {_around(part, keyword)}"


def _in_window(event: Event, rule: ProfileSelector) -> bool:
    if rule.events_between is None:
        return True
    start, end = rule.events_between
    return event.date.latest >= start.earliest and event.date.earliest <= end.latest


def _event_parts(event: Event) -> list[str]:
    parts = [event.summary, event.narrative or "", event.stated_reason or ""]
    return [p for p in parts + [c.outcome or "" for c in event.charges] if p]


def _event_text(event: Event) -> str:
    return " ".join(_event_parts(event))


def _characteristics(case: CaseFile) -> Iterator[tuple[str, str]]:
    claim = case.claim
    for group in claim.social_groups:
        yield "particular social group", group
    if claim.political_opinion:
        yield "political opinion", claim.political_opinion
    for org in claim.organizations:
        yield f"organization ({org.kind})", " ".join(p for p in (org.name, org.kind, org.role) if p)
    for activity in claim.activities_abroad:
        yield "activity abroad", activity.what


_CYRILLIC_FOLD = str.maketrans({"ё": "е", "і": "и", "ў": "у", "'": "", "’": "", "ʼ": ""})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _fold(text: str) -> str:
    return text.lower().translate(_CYRILLIC_FOLD)


_MONTH_WORDS = frozenset({"march", "may"})
"""Keywords that are also English month names: only the lower-case word counts ("a march",
not "in March 2021")."""


def _first_keyword(text: str, keywords: tuple[str, ...]) -> str | None:
    folded = _fold(text)
    for keyword in keywords:
        if keyword in _MONTH_WORDS:
            if re.search(rf"(?<![\w]){keyword}(?!\w)", text):  # as written: lower case only
                return keyword
            continue
        if re.search(_keyword_pattern(keyword), folded):
            return keyword
    return None


def _around(text: str, keyword: str, limit: int = 90) -> str:
    """The words around where ``keyword`` was found, for the reason a profile was chosen."""
    folded = _fold(text)
    found = re.search(_keyword_pattern(keyword), folded)
    if found is None:
        return _short(text, limit)
    start = max(0, found.start() - limit // 3)
    snippet = " ".join(text[start : start + limit].split())
    return ("…" if start else "") + snippet + ("…" if start + limit < len(text) else "")


@cache
def _keyword_pattern(keyword: str) -> str:
    """A word start; in a Cyrillic phrase every word is a word start (endings inflect)."""
    if not _CYRILLIC.search(keyword):
        return rf"(?<![\w]){re.escape(keyword)}"
    words = [re.escape(word) for word in _fold(keyword).split()]
    return r"(?<![\w])" + r"\w*\s+".join(words)


def _short(text: str, limit: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
