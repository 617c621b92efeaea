"""Curate flat research notes (one record per fact, as researchers write them) into pack facts.

The research format is the one of ``belarus_coi_facts.yaml``: ``id, profile, statement, as_of,
source_title, source_publisher, source_url, source_date, pinpoint``. Curation keeps every word
of the statement and source, and adds what the pack needs: dates parsed (never guessed: text
that is not a date goes to a note and the fact is held back as ``needs_date``), the research
tags split into persecution profiles and topics, legal elements, and a flag on mirror and
republished URLs that must be replaced by the original publisher's before filing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

__all__ = ["CurationPlan", "curate_facts", "split_date", "url_kind"]

_DATE_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d])")
_YEAR_SPAN = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})(?!\d)")
_RECONSTRUCTED = "[descriptive title]"
_REPUBLISHED = re.compile(
    r"\b(via|republished|republishing|copy|summary of|citing)\b", re.IGNORECASE
)
"""A publisher line that says the text is someone else's ("OpIndia (citing Euronews, TASS)",
"Shia Waves (summary of Amnesty International Report 2024/25)"): cite the original instead."""
MIRROR_HOST_SUFFIXES = (
    "cloudfront.net",
    "azureedge.net",
    "mstagmanager.com",
    "aianalyticsweb.com",
    "awsedrftg.sbs",
    "zerka1o-web.online",
    "belsat.cloud",
    "owiki.org",
)


@dataclass(frozen=True)
class CurationPlan:
    """What a pack's curator decided: how research tags map, and what to add by fact id."""

    profile_tags: Mapping[str, str]
    topic_tags: frozenset[str]
    elements_by_tag: Mapping[str, str]
    extra_profiles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    extra_elements: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def split_date(text: object) -> tuple[str | None, str | None]:
    """('2024-03', None) for a date; (None, note) when no date can be read without guessing."""
    raw = str(text).strip()
    span = _YEAR_SPAN.match(raw)
    if span:
        rest = raw[span.end() :].strip()
        return f"{span[1]}/{span[2]}", (raw if rest else None)
    match = _DATE_PREFIX.match(raw)
    if match is None:
        return None, raw
    rest = raw[match.end() :].strip()
    return match[1], (raw if rest else None)


def url_kind(url: str, publisher: str) -> str:
    host = (urlparse(url).hostname or "").rstrip(".")
    if "mirror" in publisher.lower() or host.endswith(MIRROR_HOST_SUFFIXES):
        return "mirror"
    if _REPUBLISHED.search(publisher):
        return "republication"
    return "original"


def curate_facts(records: Iterable[Mapping[str, Any]], plan: CurationPlan) -> list[dict[str, Any]]:
    return [_curate(record, plan) for record in records]


def _curate(record: Mapping[str, Any], plan: CurationPlan) -> dict[str, Any]:
    fact_id = str(record["id"])
    tags = [str(t) for t in record["profile"]]
    profiles = sorted(
        {plan.profile_tags[t] for t in tags if t in plan.profile_tags}
        | set(plan.extra_profiles.get(fact_id, ()))
    )
    topics = sorted(t for t in tags if t in plan.topic_tags)
    elements = sorted(
        {plan.elements_by_tag[t] for t in tags if t in plan.elements_by_tag}
        | set(plan.extra_elements.get(fact_id, ()))
    )
    describes, date_note = split_date(record["as_of"])
    out: dict[str, Any] = {
        "id": fact_id,
        "profiles": profiles,
        "topics": topics,
        "elements": elements,
        "statement": str(record["statement"]).strip(),
        "describes": describes,
    }
    if date_note:
        out["date_note"] = date_note
    out["source"] = _source(record)
    out["review"] = "to_verify" if describes else "needs_date"
    return out


def _source(record: Mapping[str, Any]) -> dict[str, Any]:
    title = str(record["source_title"]).strip()
    reconstructed = title.startswith(_RECONSTRUCTED)
    source_date, source_note = split_date(record["source_date"])
    source: dict[str, Any] = {
        "title": title.removeprefix(_RECONSTRUCTED).strip() if reconstructed else title,
    }
    if reconstructed:
        source["title_reconstructed"] = True
    source["publisher"] = str(record["source_publisher"]).strip()
    source["url"] = str(record["source_url"]).strip()
    source["date"] = source_date
    if source_note:
        source["date_note"] = source_note
    source["pinpoint"] = str(record["pinpoint"]).strip()
    source["url_kind"] = url_kind(source["url"], source["publisher"])
    return source
