"""Three rankings over the library: BM25 full text, vector similarity, and their fusion.

Hybrid ranking is reciprocal-rank fusion (Cormack et al. 2009): a passage scores
``1/(60 + rank)`` in each list it appears in. E5 similarities sit in a narrow band, static
similarities in another and BM25 scores are unbounded, so ranks are fused, not scores. The
e5 and static rankings never share a passage (a passage is searched by one vector or the
other), so a library half read by e5 still gives every passage one semantic rank.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .analysis import query_terms
from .vectors import VectorIndex

__all__ = ["RankedIds", "fts_ranked", "hybrid_ranked", "semantic_ranked"]

RankedIds = list[tuple[int, float, tuple[str, ...]]]
RRF_K = 60


def fts_match_expression(query: str) -> str | None:
    terms = query_terms(query)
    if not terms:
        return None
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def fts_ranked(db: sqlite3.Connection, query: str, limit: int, language: str | None) -> RankedIds:
    expression = fts_match_expression(query)
    if expression is None:
        return []
    if language is None:
        rows = db.execute(
            "SELECT rowid, bm25(passage_terms) FROM passage_terms WHERE passage_terms MATCH ? "
            "ORDER BY bm25(passage_terms) LIMIT ?",
            (expression, limit),
        ).fetchall()
    else:
        rows = db.execute(
            "SELECT t.rowid, bm25(passage_terms) FROM passage_terms t JOIN passages p "
            "ON p.id = t.rowid WHERE passage_terms MATCH ? AND p.language = ? "
            "ORDER BY bm25(passage_terms) LIMIT ?",
            (expression, language, limit),
        ).fetchall()
    return [(int(pid), -float(score), ("fts",)) for pid, score in rows]


def semantic_ranked(
    index: VectorIndex,
    vector: npt.NDArray[np.float32],
    limit: int,
    language: str | None,
    also: Sequence[int] = (),
) -> RankedIds:
    nearest = index.nearest(vector, limit, language, also)
    return [(pid, score, ("semantic",)) for pid, score in nearest]


def hybrid_ranked(rankings: Sequence[RankedIds], limit: int) -> RankedIds:
    """Reciprocal-rank fusion of any number of rankings (one alone keeps its order)."""
    scores: dict[int, float] = {}
    how: dict[int, tuple[str, ...]] = {}
    for ranking in rankings:
        for rank, (pid, _, source) in enumerate(ranking, start=1):
            scores[pid] = scores.get(pid, 0.0) + 1.0 / (RRF_K + rank)
            how[pid] = how.get(pid, ()) + source
    ordered = sorted(scores, key=lambda pid: -scores[pid])[:limit]
    return [(pid, scores[pid], how[pid]) for pid in ordered]
