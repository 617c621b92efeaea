"""The country-report library: reports cut into passages, in one SQLite file.

Full text lives in an FTS5 table of prepared terms (see ``analysis``); vectors in two tables
of blobs: static piece vectors (``passage_static``, float16, computed as a passage is added,
thousands a second) and e5 vectors (``passage_vectors``, float32, about five a second on two
cores). Adding a report makes it searchable at once, by full text and by static vectors
across languages; e5 vectors follow in the same call unless ``embed=False`` (then later, with
:meth:`Library.embed_missing`, which can be stopped and resumed). A passage is searched by
its e5 vector once it has one.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from .analysis import guess_language, index_terms
from .embedding import DIMENSIONS, Embedder, default_embedder
from .importers import MAX_REPORT_BYTES, ReportImportError, importer_for
from .location import library_path
from .passages import split_passages
from .ranking import RankedIds, fts_ranked, hybrid_ranked, semantic_ranked
from .records import Passage, ReportInfo, SearchHit
from .static_embedding import StaticEmbedder, default_static_embedder
from .vectors import APPROXIMATE_FROM, STATIC_SOURCE, VECTOR_STATE_SCHEMA, VectorIndex

__all__ = ["AddResult", "Library", "ReportImportError", "ReportRow"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, publisher TEXT, date TEXT, url TEXT,
    file_name TEXT, sha256 TEXT UNIQUE, added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    page INTEGER, ordinal INTEGER NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL,
    last_ordinal INTEGER);
CREATE INDEX IF NOT EXISTS passages_report ON passages(report_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passage_terms USING fts5(
    terms, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS passage_vectors (
    passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE, vector BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS passage_static (
    passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE, vector BLOB NOT NULL);
"""
Progress = Callable[[int, int], None]
CANDIDATES = 50
"""Passages each ranking contributes to a hybrid fusion."""
_READ_PRAGMAS = ("PRAGMA mmap_size = 1073741824", "PRAGMA cache_size = -65536")
SearchMode = str  # "hybrid", "fts" or "semantic"


@dataclass(frozen=True)
class AddResult:
    report_id: int
    title: str
    passages: int
    duplicate: bool = False
    notes: tuple[str, ...] = ()
    """What the person adding the report should know (e.g. a date in the file left out)."""


@dataclass(frozen=True)
class ReportRow:
    id: int
    title: str
    publisher: str | None
    date: str | None
    passages: int
    vectors: int
    """Passages with an e5 vector (the rest are searched by their static vector)."""


class Library:
    """``approximate_from``: vectors from which semantic search uses the inverted file
    (``None``: always exact). The index files live in ``<database stem>.vectors/`` (e5) and
    ``<database stem>.static-vectors/`` beside it."""

    def __init__(
        self,
        path: Path | None = None,
        embedder: Embedder | None = None,
        approximate_from: int | None = APPROXIMATE_FROM,
        static_embedder: StaticEmbedder | None = None,
    ) -> None:
        self.path = path or library_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.executescript(_SCHEMA + VECTOR_STATE_SCHEMA)
        _add_last_ordinal(self.db)
        self._embedder = embedder
        self._static_embedder = static_embedder
        cache = self.path.parent / f"{self.path.stem}.vectors"
        self.vectors = VectorIndex(self.db, cache, approximate_from)
        static_cache = self.path.parent / f"{self.path.stem}.static-vectors"
        self.static_vectors = VectorIndex(self.db, static_cache, approximate_from, STATIC_SOURCE)
        # full text runs on its own connection and thread while the query is embedded
        # (both SQLite and the embedding engine release the GIL)
        self._reader = sqlite3.connect(self.path, check_same_thread=False)
        for pragma in _READ_PRAGMAS:
            self.db.execute(pragma)
            self._reader.execute(pragma)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prytulak-fts")

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    @property
    def static_embedder(self) -> StaticEmbedder:
        if self._static_embedder is None:
            self._static_embedder = default_static_embedder()
        return self._static_embedder

    def close(self) -> None:
        self._pool.shutdown()
        self._reader.close()
        self.db.close()

    # -- adding -------------------------------------------------------------------------
    def add_file(
        self,
        path: Path,
        info: ReportInfo | None = None,
        embed: bool = True,
        progress: Progress | None = None,
    ) -> AddResult:
        """Import a PDF, HTML or text report. Raises ReportImportError with the fix."""
        if not path.is_file():
            raise ReportImportError(f"{path.name}: no such file; check the path")
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise ReportImportError(
                f"{path.name} is {size / 1024 / 1024:.0f} MB; a report is at most "
                f"{MAX_REPORT_BYTES // 1024 // 1024} MB — check that this is the report, or "
                "split it into parts and add each"
            )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        known = self.db.execute(
            "SELECT id, title FROM reports WHERE sha256 = ?", (digest,)
        ).fetchone()
        if known:
            return AddResult(known[0], known[1], self._count(known[0]), duplicate=True)
        imported = importer_for(path)(path)
        passages = split_passages(imported.pages)
        if not passages:
            raise ReportImportError(
                f"{path.name}: no text found in the file; is it the right file?"
            )
        given = info or ReportInfo(title="")
        info = ReportInfo(
            given.title or imported.title or path.stem,
            given.publisher,
            given.date or imported.date,
            given.url,
        )
        report_id = self.add_passages(info, passages, path.name, digest)
        if embed:
            self.embed_missing(progress=progress)
        notes = () if given.date else tuple(imported.notes)
        return AddResult(report_id, info.title, len(passages), notes=notes)

    def add_passages(
        self,
        info: ReportInfo,
        passages: Sequence[Passage],
        file_name: str | None = None,
        sha256: str | None = None,
    ) -> int:
        """Store passages, their full-text terms and static vectors (no e5 vectors yet);
        returns the report id."""
        static = self.static_embedder.passages([p.text for p in passages]).astype(np.float16)
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO reports (title, publisher, date, url, file_name, sha256, added) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    info.title,
                    info.publisher,
                    info.date,
                    info.url,
                    file_name,
                    sha256,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )
            report_id = int(cursor.lastrowid or 0)
            for number, passage in enumerate(passages):
                row = self.db.execute(
                    "INSERT INTO passages (report_id, page, ordinal, last_ordinal, language, text) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        report_id,
                        passage.page,
                        passage.ordinal,
                        passage.last_ordinal,
                        passage.language,
                        passage.text,
                    ),
                )
                self.db.execute(
                    "INSERT INTO passage_terms (rowid, terms) VALUES (?, ?)",
                    (row.lastrowid, index_terms(passage.text)),
                )
                self.db.execute(
                    "INSERT INTO passage_static (passage_id, vector) VALUES (?, ?)",
                    (row.lastrowid, static[number].tobytes()),
                )
        self.static_vectors.invalidate()
        return report_id

    def embed_missing(self, batch: int = 16, progress: Progress | None = None) -> int:
        """Compute e5 vectors for passages that have none; returns how many were added.

        Each batch is committed: stopping loses at most one batch, and the next call goes on
        where this one stopped."""
        self.fill_static()
        rows = self._passages_without("passage_vectors")
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            vectors = self.embedder.passages([text for _, text in chunk])
            self.store_vectors([pid for pid, _ in chunk], vectors)
            if progress:
                progress(min(start + batch, len(rows)), len(rows))
        return len(rows)

    def fill_static(self, batch: int = 2048) -> int:
        """Static vectors for passages stored before they existed; returns how many."""
        rows = self._passages_without("passage_static")
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            vectors = self.static_embedder.passages([text for _, text in chunk])
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO passage_static (passage_id, vector) VALUES (?, ?)",
                    (
                        (pid, v.astype(np.float16).tobytes())
                        for (pid, _), v in zip(chunk, vectors, strict=True)
                    ),
                )
        self.static_vectors.invalidate()
        return len(rows)

    def _passages_without(self, table: str) -> list[tuple[int, str]]:
        """(id, text) of the passages with no row in ``table`` (one of the vector tables)."""
        assert table in ("passage_vectors", "passage_static")
        sql = (
            f"SELECT p.id, p.text FROM passages p LEFT JOIN {table} v "
            "ON v.passage_id = p.id WHERE v.passage_id IS NULL ORDER BY p.id"
        )
        return [(int(pid), str(text)) for pid, text in self.db.execute(sql)]

    def store_vectors(self, passage_ids: Sequence[int], vectors: np.ndarray) -> None:
        if vectors.shape != (len(passage_ids), DIMENSIONS):
            raise ValueError(f"expected {len(passage_ids)} vectors of {DIMENSIONS} numbers")
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO passage_vectors (passage_id, vector) VALUES (?, ?)",
                (
                    (pid, np.asarray(v, dtype=np.float32).tobytes())
                    for pid, v in zip(passage_ids, vectors, strict=True)
                ),
            )
        self.vectors.invalidate()
        self.static_vectors.invalidate()

    def remove_report(self, report_id: int) -> str | None:
        """Delete a report with its passages, terms and vectors; returns its title (None if
        there is no such report). The same file can then be added again."""
        row = self.db.execute("SELECT title FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            return None
        with self.db:
            ids = [r[0] for r in self.db.execute(
                "SELECT id FROM passages WHERE report_id = ?", (report_id,)
            )]  # fmt: skip
            self.db.executemany("DELETE FROM passage_terms WHERE rowid = ?", ((i,) for i in ids))
            self.db.execute("DELETE FROM reports WHERE id = ?", (report_id,))
        self.vectors.invalidate()
        self.static_vectors.invalidate()
        return str(row[0])

    # -- reading ------------------------------------------------------------------------
    def reports(self) -> list[ReportRow]:
        rows = self.db.execute(
            "SELECT r.id, r.title, r.publisher, r.date, COUNT(p.id), COUNT(v.passage_id) "
            "FROM reports r LEFT JOIN passages p ON p.report_id = r.id "
            "LEFT JOIN passage_vectors v ON v.passage_id = p.id GROUP BY r.id ORDER BY r.id"
        ).fetchall()
        return [ReportRow(*row) for row in rows]

    def passage_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM passages").fetchone()[0])

    def _count(self, report_id: int) -> int:
        sql = "SELECT COUNT(*) FROM passages WHERE report_id = ?"
        return int(self.db.execute(sql, (report_id,)).fetchone()[0])

    # -- searching ----------------------------------------------------------------------
    def search(
        self, query: str, limit: int = 10, language: str | None = None, mode: SearchMode = "hybrid"
    ) -> list[SearchHit]:
        """Passages for a query in any language: full text, semantic, or both fused (default)."""
        if mode == "fts":
            ranked = fts_ranked(self.db, query, limit, language)
        else:
            with self._one_state_of_the_vectors():
                if mode == "semantic":
                    ranked = hybrid_ranked(self._semantic(query, limit, language), limit)
                else:
                    ranked = self._hybrid(query, limit, language)
        return self._hits(ranked)

    @contextmanager
    def _one_state_of_the_vectors(self) -> Iterator[None]:
        """Both vector indexes loaded from one snapshot of the database and held for the query.

        Another connection (the e5 job) moves passages from the static index to the e5 one as
        it commits; two indexes refreshed at different moments would both miss those passages
        and the query would find nothing."""
        began = not self.db.in_transaction
        if began:
            self.db.execute("BEGIN")
        try:
            self.vectors.refresh()
            self.static_vectors.refresh()
        finally:
            if began:
                self.db.execute("COMMIT")
        self.vectors.held = self.static_vectors.held = True
        try:
            yield
        finally:
            self.vectors.held = self.static_vectors.held = False

    def _hybrid(self, query: str, limit: int, language: str | None) -> RankedIds:
        """Full text (worker thread) while the query is embedded; then the vectors score the
        probed cells plus the full-text candidates, so no candidate lacks a semantic rank."""
        pending = self._pool.submit(fts_ranked, self._reader, query, CANDIDATES, language)
        vector = self.embedder.query(query) if self.vectors.size() else None
        fts = pending.result()
        also = [pid for pid, _, _ in fts]
        semantic = self._semantic(query, CANDIDATES, language, vector, also)
        return hybrid_ranked([fts, *semantic], limit)

    def _semantic(
        self,
        query: str,
        limit: int,
        language: str | None,
        vector: np.ndarray | None = None,
        also: Sequence[int] = (),
    ) -> list[RankedIds]:
        """One ranking by e5 vectors, one by static vectors (passages e5 has not read yet)."""
        rankings = []
        if self.vectors.size():
            vector = self.embedder.query(query) if vector is None else vector
            rankings.append(semantic_ranked(self.vectors, vector, limit, language, also))
        if self.static_vectors.size():
            raw = self.static_embedder.query(query)
            static = self.static_vectors.query_vector(raw, guess_language(query))
            found = semantic_ranked(self.static_vectors, static, limit, language, also)
            rankings.append([(pid, score, ("static",)) for pid, score, _ in found])
        return rankings

    def _hits(self, ranked: Iterable[tuple[int, float, tuple[str, ...]]]) -> list[SearchHit]:
        ranked = list(ranked)
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rows = self.db.execute(
            "SELECT p.id, r.id, r.title, r.publisher, r.date, p.page, p.ordinal, p.text, "
            "p.language, p.last_ordinal FROM passages p JOIN reports r ON r.id = p.report_id "
            f"WHERE p.id IN ({marks})",
            [pid for pid, _, _ in ranked],
        ).fetchall()
        by_id = {row[0]: row for row in rows}
        return [_hit(by_id[pid], score, how) for pid, score, how in ranked if pid in by_id]


def _add_last_ordinal(db: sqlite3.Connection) -> None:
    """Libraries made before passages recorded the paragraph they end in get the column
    (empty for their passages, which are cited by the paragraph they start in)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(passages)")}
    if "last_ordinal" not in columns:
        db.execute("ALTER TABLE passages ADD COLUMN last_ordinal INTEGER")
        db.commit()


def _hit(row: tuple[Any, ...], score: float, how: tuple[str, ...]) -> SearchHit:
    pid, report_id, title, publisher, when, page, ordinal, text, language, last = row
    return SearchHit(
        pid, report_id, title, publisher, when, page, ordinal, text, language, score, how, last
    )
