"""The local screening index: imported lists in one SQLite file under the data directory.

Tables: ``lists`` (one row per source: OFAC SDN, EU FSF, UK; re-importing a source replaces
it), ``entries``, ``aliases`` (tokens, keys and roles of each listed name) and ``name_keys``
(blocking keys → alias) which finds candidates without comparing every entry.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .errors import ScreeningIndexError
from .names_index import IndexedName, blocking_keys, index_name
from .records import ListedName, ListEntry, ListInfo, ParsedList

__all__ = ["CandidateName", "ScreeningIndex", "StoredList"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS lists (
  id INTEGER PRIMARY KEY, source_id TEXT UNIQUE NOT NULL, source TEXT NOT NULL,
  format_id TEXT NOT NULL, list_date TEXT, date_note TEXT NOT NULL, url TEXT NOT NULL,
  file_name TEXT NOT NULL, file_sha256 TEXT NOT NULL, imported_at TEXT NOT NULL,
  entry_count INTEGER NOT NULL, belarus_count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
  id INTEGER PRIMARY KEY, list_id INTEGER NOT NULL, ref TEXT NOT NULL, kind TEXT NOT NULL,
  primary_name TEXT NOT NULL, programs TEXT NOT NULL, belarus INTEGER NOT NULL,
  reason TEXT, listed_on TEXT, details TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS aliases (
  id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL, name TEXT NOT NULL,
  tokens TEXT NOT NULL, keys TEXT NOT NULL, roles TEXT NOT NULL, strong INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS name_keys (key TEXT NOT NULL, alias_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS name_keys_key ON name_keys (key, alias_id);
CREATE INDEX IF NOT EXISTS entries_list ON entries (list_id);
CREATE INDEX IF NOT EXISTS aliases_entry ON aliases (entry_id);
"""
_SEP = "\x1f"
_BATCH = 900


@dataclass(frozen=True)
class StoredList:
    source_id: str
    source: str
    format_id: str
    list_date: date | None
    date_note: str
    url: str
    file_name: str
    file_sha256: str
    imported_at: str
    entry_count: int
    belarus_count: int


@dataclass(frozen=True)
class CandidateName:
    """A listed name found by the blocking keys, with its entry and list."""

    name: IndexedName
    entry: ListEntry
    list: StoredList


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ScreeningIndex:
    def __init__(self, path: Path | str) -> None:
        self.path = path
        try:
            if isinstance(path, Path):
                path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path))
            self.db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            raise ScreeningIndexError(
                f"the screening index {path} cannot be opened ({exc}); check the data directory "
                "(--data-dir or PRYTULAK_DATA_DIR) or delete the file and import the lists again"
            ) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ScreeningIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -----------------------------------------------------------------------------

    def replace_list(self, parsed: ParsedList, file: Path) -> StoredList:
        """Store a parsed list, replacing the earlier import of the same source."""
        info = parsed.info
        with self.db:
            self._delete_source(info.source_id)
            # bulk load: one sort to build the key index beats updating it row by row
            self.db.execute("DROP INDEX IF EXISTS name_keys_key")
            list_id = self._insert_list(info, parsed, file)
            for entry in parsed.entries:
                self._insert_entry(list_id, entry)
            self.db.execute("CREATE INDEX name_keys_key ON name_keys (key, alias_id)")
        stored = self.stored_list(info.source_id)
        assert stored is not None
        return stored

    def remove_list(self, source_id: str) -> bool:
        with self.db:
            return self._delete_source(source_id)

    def _delete_source(self, source_id: str) -> bool:
        row = self.db.execute("SELECT id FROM lists WHERE source_id = ?", (source_id,)).fetchone()
        if row is None:
            return False
        entry_ids = "SELECT id FROM entries WHERE list_id = ?"
        alias_ids = f"SELECT id FROM aliases WHERE entry_id IN ({entry_ids})"
        self.db.execute(f"DELETE FROM name_keys WHERE alias_id IN ({alias_ids})", (row[0],))
        self.db.execute(f"DELETE FROM aliases WHERE entry_id IN ({entry_ids})", (row[0],))
        self.db.execute("DELETE FROM entries WHERE list_id = ?", (row[0],))
        self.db.execute("DELETE FROM lists WHERE id = ?", (row[0],))
        return True

    def _insert_list(self, info: ListInfo, parsed: ParsedList, file: Path) -> int:
        belarus = sum(1 for e in parsed.entries if e.belarus)
        cursor = self.db.execute(
            "INSERT INTO lists (source_id, source, format_id, list_date, date_note, url, "
            "file_name, file_sha256, imported_at, entry_count, belarus_count) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                info.source_id,
                info.source,
                info.format_id,
                info.list_date.isoformat() if info.list_date else None,
                info.date_note,
                info.url,
                file.name,
                _sha256(file),
                datetime.now(UTC).isoformat(timespec="seconds"),
                len(parsed.entries),
                belarus,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _insert_entry(self, list_id: int, entry: ListEntry) -> None:
        cursor = self.db.execute(
            "INSERT INTO entries (list_id, ref, kind, primary_name, programs, belarus, reason, "
            "listed_on, details) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                list_id,
                entry.ref,
                entry.kind,
                entry.primary_name,
                json.dumps(list(entry.programs)),
                int(entry.belarus),
                entry.reason,
                entry.listed_on.isoformat() if entry.listed_on else None,
                json.dumps(list(entry.details), ensure_ascii=False),
            ),
        )
        entry_id = cursor.lastrowid
        keys_rows: list[tuple[str, int]] = []
        for listed in entry.names:
            indexed = index_name(listed)
            if not indexed.tokens:
                continue
            alias = self.db.execute(
                "INSERT INTO aliases (entry_id, name, tokens, keys, roles, strong) "
                "VALUES (?,?,?,?,?,?)",
                (
                    entry_id,
                    indexed.text,
                    _SEP.join(indexed.tokens),
                    _SEP.join(indexed.keys),
                    indexed.roles,
                    int(listed.strong),
                ),
            )
            assert alias.lastrowid is not None
            keys_rows.extend((key, alias.lastrowid) for key in blocking_keys(indexed))
        self.db.executemany("INSERT INTO name_keys (key, alias_id) VALUES (?, ?)", keys_rows)

    # --- reading -----------------------------------------------------------------------------

    def stored_lists(self) -> list[StoredList]:
        rows = self.db.execute(
            "SELECT source_id, source, format_id, list_date, date_note, url, file_name, "
            "file_sha256, imported_at, entry_count, belarus_count FROM lists ORDER BY source_id"
        ).fetchall()
        return [_stored(row) for row in rows]

    def stored_list(self, source_id: str) -> StoredList | None:
        return next((s for s in self.stored_lists() if s.source_id == source_id), None)

    def candidate_names(self, keys: Iterable[str]) -> list[tuple[int, IndexedName]]:
        """Listed names sharing at least one blocking key (names only, no entry details)."""
        alias_ids: set[int] = set()
        wanted = list(keys)
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT alias_id FROM name_keys WHERE key IN ({marks})"
            alias_ids.update(row[0] for row in self.db.execute(sql, chunk))
        found = []
        ordered = sorted(alias_ids)
        for start in range(0, len(ordered), _BATCH):
            ids = ordered[start : start + _BATCH]
            marks = ",".join("?" * len(ids))
            sql = f"SELECT id, name, tokens, keys, roles FROM aliases WHERE id IN ({marks})"
            for alias_id, name, tokens, keys_text, roles in self.db.execute(sql, ids):
                indexed = IndexedName(
                    name, tuple(tokens.split(_SEP)), tuple(keys_text.split(_SEP)), roles
                )
                found.append((alias_id, indexed))
        return found

    def candidates(self, keys: Iterable[str]) -> Iterator[CandidateName]:
        """Listed names sharing at least one blocking key, with their entries and lists."""
        for alias_id, _ in self.candidate_names(keys):
            yield self.candidate(alias_id)

    def candidate(self, alias_id: int) -> CandidateName:
        """One listed name with its entry and list."""
        row = self.db.execute(
            "SELECT a.name, a.tokens, a.keys, a.roles, e.ref, e.kind, e.primary_name, "
            "e.programs, e.belarus, e.reason, e.listed_on, e.details, l.source_id "
            "FROM aliases a JOIN entries e ON e.id = a.entry_id "
            "JOIN lists l ON l.id = e.list_id WHERE a.id = ?",
            (alias_id,),
        ).fetchone()
        if row is None:
            raise ScreeningIndexError(f"listed name {alias_id} is gone from the index")
        stored = self.stored_list(str(row[12]))
        assert stored is not None
        return _candidate(row, stored)


def _stored(row: tuple[object, ...]) -> StoredList:
    (source_id, source, format_id, list_date, note, url, file_name, sha, imported, count, bel) = row
    return StoredList(
        str(source_id),
        str(source),
        str(format_id),
        date.fromisoformat(str(list_date)) if list_date else None,
        str(note),
        str(url),
        str(file_name),
        str(sha),
        str(imported),
        int(count),  # type: ignore[call-overload]
        int(bel),  # type: ignore[call-overload]
    )


def _candidate(row: tuple[object, ...], stored: StoredList) -> CandidateName:
    name, tokens, keys, roles, ref, kind, primary, programs, belarus, reason, listed, details = row[
        :12
    ]
    indexed = IndexedName(
        str(name), tuple(str(tokens).split(_SEP)), tuple(str(keys).split(_SEP)), str(roles)
    )
    entry = ListEntry(
        ref=str(ref),
        kind=kind,  # type: ignore[arg-type]
        names=(ListedName(str(primary)),),
        programs=tuple(json.loads(str(programs))),
        belarus=bool(belarus),
        reason=str(reason) if reason else None,
        listed_on=date.fromisoformat(str(listed)) if listed else None,
        details=tuple(json.loads(str(details))),
    )
    return CandidateName(indexed, entry, stored)
