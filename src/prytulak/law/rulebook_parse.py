"""Turn validated rule-file data into the typed records of ``rulebook``."""

from __future__ import annotations

from datetime import date
from typing import Any

from .rulebook import FindingText, RuleFileError, RuleValue, Table, TableEntry, Version

__all__ = ["parse_table", "parse_texts", "parse_values"]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _version(item: dict[str, Any], value_id: str) -> Version:
    start = date.fromisoformat(item["from"])
    end = _day(item.get("to"))
    if end is not None and end < start:
        raise RuleFileError(f"{value_id}: a version ends ({end}) before it starts ({start})")
    return Version(
        start=start,
        end=end,
        value=item["value"],
        citation=item["citation"],
        confidence=item["confidence"],
        status=item.get("status", "in_force"),
        change=item.get("change"),
        note=item.get("note"),
    )


def parse_values(data: dict[str, Any]) -> dict[str, RuleValue]:
    out = {}
    for value_id, body in data["values"].items():
        versions = tuple(_version(v, value_id) for v in body["versions"])
        _check_overlap(value_id, versions)
        out[value_id] = RuleValue(
            id=value_id,
            description=body["description"],
            unit=body["unit"],
            basis=body.get("date_basis", ""),
            versions=versions,
        )
    return out


def _check_overlap(value_id: str, versions: tuple[Version, ...]) -> None:
    starts = [v.start for v in versions if v.status == "in_force"]
    if len(starts) != len(set(starts)):
        raise RuleFileError(
            f"{value_id}: two versions in force start on the same day; "
            "give each version its own 'from' date"
        )


def parse_table(data: dict[str, Any]) -> Table:
    allowed = set(data["outcomes"])
    entries = []
    for row in data["entries"]:
        if row["outcome"] not in allowed:
            raise RuleFileError(
                f"table {data['id']}: entry {row['key']!r} has outcome {row['outcome']!r}; "
                f"use one of {sorted(allowed)}"
            )
        entries.append(
            TableEntry(
                key=row["key"],
                outcome=row["outcome"],
                citation=row["citation"],
                confidence=row["confidence"],
                points=row.get("points", 0),
                terms=tuple(row.get("terms", ())),
                applies_to=tuple(row.get("applies_to", ())),
                start=_day(row.get("from")),
                end=_day(row.get("to")),
                label=row.get("label"),
                note=row.get("note"),
            )
        )
    return Table(
        id=data["id"],
        title=data["title"],
        start=date.fromisoformat(data["from"]),
        citation=data["citation"],
        confidence=data["confidence"],
        entries=tuple(entries),
    )


def parse_texts(
    data: dict[str, Any],
) -> tuple[dict[str, FindingText], dict[str, dict[str, str]]]:
    findings = {}
    for finding_id, body in data.get("findings", {}).items():
        findings[finding_id] = FindingText(
            id=finding_id,
            kind=body["kind"],
            blocking=body.get("blocking", False),
            title=body["title"],
            citations=tuple(body["citations"]),
            variants=body["variants"],
            resolve=body.get("resolve", {}),
        )
    return findings, dict(data.get("terms", {}))
