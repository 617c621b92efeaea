"""The passage vectors as one in-memory matrix, reloaded when the database changes."""

from __future__ import annotations

import sqlite3

import numpy as np
import numpy.typing as npt

from .embedding import DIMENSIONS

__all__ = ["VectorIndex"]


class VectorIndex:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._version: int | None = None
        self.ids: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self.matrix: npt.NDArray[np.float32] = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.languages: npt.NDArray[np.str_] = np.zeros(0, dtype="<U2")

    def invalidate(self) -> None:
        self._version = None

    def size(self) -> int:
        self._refresh()
        return len(self.ids)

    def _refresh(self) -> None:
        version = int(self.db.execute("PRAGMA data_version").fetchone()[0])
        if self._version == version:
            return
        rows = self.db.execute(
            "SELECT v.passage_id, p.language, v.vector FROM passage_vectors v "
            "JOIN passages p ON p.id = v.passage_id ORDER BY v.passage_id"
        ).fetchall()
        self.ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        self.languages = np.array([r[1] for r in rows], dtype="<U2")
        blob = b"".join(r[2] for r in rows)
        self.matrix = np.frombuffer(blob, dtype=np.float32).reshape(len(rows), DIMENSIONS)
        self._version = version

    def nearest(
        self, query: npt.NDArray[np.float32], limit: int, language: str | None = None
    ) -> list[tuple[int, float]]:
        self._refresh()
        if len(self.ids) == 0:
            return []
        scores = self.matrix @ query
        if language is not None:
            scores = np.where(self.languages == language, scores, -np.inf)
        count = min(limit, len(scores))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top])]
        return [(int(self.ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]
