"""Append-only, hash-chained custody log: one JSON line per event, per item.

Each entry carries the SHA-256 of the previous entry (the first one chains from a value bound
to the item id), so changing, reordering or removing an entry breaks the chain. The item record
keeps the hash and count of the last entry, so cutting entries off the end shows too. Entries
describe actions and hashes, never the document's content.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .records import now_utc

__all__ = ["CustodyEntry", "CustodyLog", "CustodyReport", "genesis_hash"]


class CustodyEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    seq: int
    at: str = Field(default_factory=now_utc)
    actor: str
    action: str = Field(description="added, described, linked, extracted, ocr, translated ...")
    before: str | None = Field(default=None, description="SHA-256 of the file before")
    after: str | None = Field(default=None, description="SHA-256 of the file (or new blob) after")
    detail: str | None = None
    state: str | None = Field(default=None, description="Hash of the item record after the action")
    prev: str
    hash: str = ""

    def computed_hash(self) -> str:
        body = self.model_dump(exclude={"hash"})
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def genesis_hash(item_id: str) -> str:
    return hashlib.sha256(f"prytulak-custody-v1:{item_id}".encode()).hexdigest()


@dataclass(frozen=True)
class CustodyReport:
    entries: list[CustodyEntry]
    problems: list[str]
    torn_tail: bool
    """The last line was cut off mid-write (a crash); it never completed, so it is ignored."""


class CustodyLog:
    def __init__(self, path: Path, item_id: str) -> None:
        self.path = path
        self.item_id = item_id

    def append(
        self,
        actor: str,
        action: str,
        *,
        before: str | None = None,
        after: str | None = None,
        detail: str | None = None,
        state: str | None = None,
    ) -> CustodyEntry:
        report = self.read()
        if report.problems:
            raise ValueError(f"custody log of {self.item_id} is broken: {report.problems[0]}")
        last = report.entries[-1] if report.entries else None
        if report.torn_tail:
            self._drop_torn_tail()
        entry = CustodyEntry(
            seq=(last.seq + 1) if last else 1,
            actor=actor,
            action=action,
            before=before,
            after=after,
            detail=detail,
            state=state,
            prev=last.hash if last else genesis_hash(self.item_id),
        )
        entry = entry.model_copy(update={"hash": entry.computed_hash()})
        line = json.dumps(entry.model_dump(), ensure_ascii=False, sort_keys=True) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        return entry

    def read(self) -> CustodyReport:
        if not self.path.is_file():
            return CustodyReport([], [], torn_tail=False)
        raw = self.path.read_bytes()
        lines = raw.split(b"\n")
        torn = bool(lines[-1])  # a complete log ends with a newline
        complete = lines[:-1]
        entries: list[CustodyEntry] = []
        problems: list[str] = []
        prev = genesis_hash(self.item_id)
        for number, line in enumerate(complete, start=1):
            entry = _parse(line)
            if entry is None:
                problems.append(f"line {number} is not a custody entry (edited by hand?)")
                break
            if entry.computed_hash() != entry.hash:
                problems.append(
                    f"entry {entry.seq} ({entry.action}) was changed after it was written"
                )
            if entry.prev != prev:
                problems.append(
                    f"entry {entry.seq} does not follow the entry before it (removed or reordered)"
                )
            if entry.seq != number:
                problems.append(
                    f"entry {entry.seq} is at position {number} (entries removed or inserted)"
                )
            prev = entry.hash
            entries.append(entry)
        return CustodyReport(entries, problems, torn_tail=torn)

    def _drop_torn_tail(self) -> None:
        raw = self.path.read_bytes()
        keep = raw[: raw.rfind(b"\n") + 1]
        with open(self.path, "r+b") as handle:
            handle.truncate(len(keep))
            handle.flush()
            os.fsync(handle.fileno())


def _parse(line: bytes) -> CustodyEntry | None:
    try:
        return CustodyEntry.model_validate(json.loads(line))
    except ValueError:
        return None
