"""The passage vectors of a library, searched exactly (small) or through an inverted file (large).

Two sources of vectors share this code (``VectorSource``): e5's own passage vectors
(``passage_vectors``, slow to compute, best) and the static piece vectors
(``passage_static``, computed when a passage is added; see ``static_embedding``). A passage is
searched through its e5 vector once it has one, and through its static vector until then.

Below ``APPROXIMATE_FROM`` vectors every query scores the whole float32 matrix: it is small
and exact. From there on the vectors go into an :class:`~.ivf.IvfIndex` (int8, k-means cells),
saved beside the database under the library's vector version and memory-mapped on the next
start, so neither the blobs nor the clustering are redone until vectors change.

The version is a counter that triggers on both vector tables raise on every write, whoever
writes; ``PRAGMA data_version`` tells this connection cheaply when to look at it again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .embedding import DIMENSIONS
from .ivf import IvfIndex, build_ivf, load_ivf, save_ivf
from .static_embedding import center_by_language, center_query

__all__ = [
    "APPROXIMATE_FROM",
    "E5_SOURCE",
    "STATIC_SOURCE",
    "VECTOR_STATE_SCHEMA",
    "VectorIndex",
    "VectorSource",
]

APPROXIMATE_FROM = 10_000
"""Vectors from which search goes through the inverted file (exact below: under 15 MB)."""

VECTOR_STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS library_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO library_state (key, value) VALUES ('vectors_version', 0);
CREATE TRIGGER IF NOT EXISTS vectors_inserted AFTER INSERT ON passage_vectors BEGIN
    UPDATE library_state SET value = value + 1 WHERE key = 'vectors_version'; END;
CREATE TRIGGER IF NOT EXISTS vectors_updated AFTER UPDATE ON passage_vectors BEGIN
    UPDATE library_state SET value = value + 1 WHERE key = 'vectors_version'; END;
CREATE TRIGGER IF NOT EXISTS vectors_deleted AFTER DELETE ON passage_vectors BEGIN
    UPDATE library_state SET value = value + 1 WHERE key = 'vectors_version'; END;
CREATE TRIGGER IF NOT EXISTS static_inserted AFTER INSERT ON passage_static BEGIN
    UPDATE library_state SET value = value + 1 WHERE key = 'vectors_version'; END;
CREATE TRIGGER IF NOT EXISTS static_deleted AFTER DELETE ON passage_static BEGIN
    UPDATE library_state SET value = value + 1 WHERE key = 'vectors_version'; END;
"""


@dataclass(frozen=True)
class VectorSource:
    """Where an index reads its vectors: rows of (passage id, language, blob, searched?)."""

    name: str
    rows: str
    dtype: type[np.floating[Any]]
    centered: bool
    """Subtract each language's mean (static vectors); the means are kept for queries."""


E5_SOURCE = VectorSource(
    "e5",
    "SELECT v.passage_id, p.language, v.vector, 1 FROM passage_vectors v "
    "JOIN passages p ON p.id = v.passage_id ORDER BY v.passage_id",
    np.float32,
    centered=False,
)
STATIC_SOURCE = VectorSource(
    "static",
    "SELECT s.passage_id, p.language, s.vector, v.passage_id IS NULL FROM passage_static s "
    "JOIN passages p ON p.id = s.passage_id LEFT JOIN passage_vectors v "
    "ON v.passage_id = s.passage_id ORDER BY s.passage_id",
    np.float16,
    centered=True,
)


class VectorIndex:
    """``approximate_from=None`` keeps search exact at any size (the benchmark's baseline)."""

    def __init__(
        self,
        db: sqlite3.Connection,
        cache_dir: Path | None = None,
        approximate_from: int | None = APPROXIMATE_FROM,
        source: VectorSource = E5_SOURCE,
    ) -> None:
        self.db = db
        self.source = source
        self.cache_dir = cache_dir
        self.approximate_from = approximate_from
        self.probe: int | None = None  # cells read per query; None: ivf.probe_count
        self._data_version: int | None = None
        self._vectors_version: int | None = None
        self.ids: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self.matrix: npt.NDArray[np.float32] = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.languages: npt.NDArray[np.str_] = np.zeros(0, dtype="<U2")
        self.ivf: IvfIndex | None = None
        self.means: dict[str, npt.NDArray[np.float32]] = {}
        self.held = False
        """While True the index does not look for changes (one query sees one state)."""

    def invalidate(self) -> None:
        self._data_version = None

    def refresh(self) -> None:
        """Load the vectors again if any connection changed them since the last look."""
        self._refresh()

    def size(self) -> int:
        self._refresh()
        return len(self.ivf) if self.ivf is not None else len(self.ids)

    @property
    def approximate(self) -> bool:
        self._refresh()
        return self.ivf is not None

    def _refresh(self) -> None:
        if self.held:
            return
        data_version = int(self.db.execute("PRAGMA data_version").fetchone()[0])
        if self._data_version == data_version:
            return
        self._data_version = data_version
        row = self.db.execute(
            "SELECT value FROM library_state WHERE key = 'vectors_version'"
        ).fetchone()
        version = int(row[0]) if row else 0
        if version == self._vectors_version:
            return
        self._load(version)
        self._vectors_version = version

    def _load(self, version: int) -> None:
        key = f"v{version}"
        cached = self._cached_ivf(key)
        if cached is not None:
            self.means = self._cached_means(key)
            self._use_ivf(cached)
            return
        ids, languages, matrix = self._read_vectors()
        if self.approximate_from is not None and len(ids) >= self.approximate_from:
            index = build_ivf(ids, languages, matrix)
            if self.cache_dir is not None:
                save_ivf(index, self.cache_dir, key)
                self._save_means(key)
            self._use_ivf(index)
        else:
            self.ids, self.languages, self.matrix, self.ivf = ids, languages, matrix, None

    def _save_means(self, key: str) -> None:
        if self.cache_dir is None or not self.means:
            return
        languages = sorted(self.means)
        np.save(self.cache_dir / f"{key}.mean_languages.npy", np.array(languages, dtype="<U2"))
        np.save(self.cache_dir / f"{key}.means.npy", np.stack([self.means[x] for x in languages]))

    def _cached_means(self, key: str) -> dict[str, npt.NDArray[np.float32]]:
        if not self.source.centered or self.cache_dir is None:
            return {}
        try:
            languages = np.load(self.cache_dir / f"{key}.mean_languages.npy")
            means = np.load(self.cache_dir / f"{key}.means.npy")
        except (OSError, ValueError):
            return {}
        return {str(lang): means[i] for i, lang in enumerate(languages)}

    def _cached_ivf(self, key: str) -> IvfIndex | None:
        if self.approximate_from is None or self.cache_dir is None:
            return None
        index = load_ivf(self.cache_dir, key)
        if index is None or len(index) < self.approximate_from:
            return None
        return index

    def _use_ivf(self, index: IvfIndex) -> None:
        self.ivf = index
        self.ids = np.zeros(0, dtype=np.int64)
        self.languages = np.zeros(0, dtype="<U2")
        self.matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)

    def _read_vectors(
        self,
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.str_], npt.NDArray[np.float32]]:
        rows = self.db.execute(self.source.rows).fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        languages = np.array([r[1] for r in rows], dtype="<U2")
        searched = np.fromiter((bool(r[3]) for r in rows), dtype=bool, count=len(rows))
        blob = b"".join(r[2] for r in rows)
        matrix = np.frombuffer(blob, dtype=self.source.dtype).reshape(len(rows), DIMENSIONS)
        matrix = matrix.astype(np.float32)
        if self.source.centered:
            matrix, self.means = center_by_language(matrix, languages)
        return ids[searched], languages[searched], matrix[searched]

    def query_vector(
        self, vector: npt.NDArray[np.float32], language: str
    ) -> npt.NDArray[np.float32]:
        """The query as this index's vectors are: centered by its language's mean if they are."""
        self._refresh()
        if not self.source.centered:
            return vector
        return center_query(vector, language, self.means)

    def nearest(
        self,
        query: npt.NDArray[np.float32],
        limit: int,
        language: str | None = None,
        also: Sequence[int] = (),
    ) -> list[tuple[int, float]]:
        """The ``limit`` passages most similar to ``query``; ``also`` names passages to score
        even if their cell is not probed (exact search scores every passage anyway)."""
        self._refresh()
        if self.ivf is not None:
            return self.ivf.nearest(query, limit, language, self.probe, also)
        return self._exact(query, limit, language)

    def _exact(
        self, query: npt.NDArray[np.float32], limit: int, language: str | None
    ) -> list[tuple[int, float]]:
        if len(self.ids) == 0:
            return []
        scores = self.matrix @ query
        if language is not None:
            scores = np.where(self.languages == language, scores, -np.inf)
        count = min(limit, len(scores))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top])]
        return [(int(self.ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]
