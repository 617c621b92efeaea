"""Approximate nearest passages: an inverted-file index over int8 vectors, in numpy alone.

Exact search reads every vector for every query (100,000 x 384 float32 = 150 MB). Here the
vectors are grouped into cells by spherical k-means; a query scores the cell centroids, then
only the vectors of the best few cells (``probe``), plus any passages the caller names (the
full-text candidates of a hybrid query). Vectors are stored as int8 with one scale per
dimension (4x smaller than float32), rows ordered by cell so a cell is one contiguous slice.

Cells are made **per language**, and a query reads the best cells of every language. E5 puts
passages of one language nearer each other than a query in another language: with cells
shared across languages, an English query's best cells held English passages, and the labeled
cross-language set lost a third of its recall. Per-language cells keep the other languages in.

The index is saved beside the library as ``.npy`` files; the codes are memory-mapped when
loaded, so a new process searches without reading the vectors out of SQLite or re-clustering.
Recall against exact search is checked in ``tests/search/test_ivf.py`` and printed by
``bench/search_bench.py``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["IvfIndex", "build_ivf", "cell_count", "load_ivf", "probe_count", "save_ivf"]

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]
_FILES = ("codes", "ids", "languages", "centroids", "offsets", "scale", "cell_languages")


def cell_count(size: int) -> int:
    """About sqrt(n) cells (316 for 100,000 vectors): cells of a few hundred vectors."""
    return int(min(4096, max(1, round(size**0.5))))


def probe_count(cells: int) -> int:
    """Cells read per query and language: a quarter, at least 8 (45 of 183 for 33,000 vectors).

    A tenth kept 0.76 of the exact top 10 on the benchmark's vectors at 100,000 passages, a
    quarter 0.88, for 3 ms more per query (decision 0503)."""
    return max(1, min(cells, max(8, cells // 4)))


@dataclass(frozen=True)
class IvfIndex:
    """Rows are in cell order: cell ``c`` is rows ``offsets[c]:offsets[c + 1]``, all of them
    in the language ``cell_languages[c]``."""

    codes: npt.NDArray[np.int8]  # (n, d), memory-mapped when loaded from disk
    ids: Ints  # passage id of each row
    languages: npt.NDArray[np.str_]  # language of each row
    centroids: Floats  # (cells, d), unit length
    offsets: Ints  # (cells + 1,)
    scale: Floats  # (d,): a row's vector is codes[row] * scale
    cell_languages: npt.NDArray[np.str_]  # (cells,)

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def _cells_by_language(self) -> dict[str, Ints]:
        return {
            str(lang): np.flatnonzero(self.cell_languages == lang)
            for lang in np.unique(self.cell_languages)
        }

    def nearest(
        self,
        query: Floats,
        limit: int,
        language: str | None = None,
        probe: int | None = None,
        also: Sequence[int] = (),
    ) -> list[tuple[int, float]]:
        """The ``limit`` best (passage id, cosine) among the probed cells and ``also``.

        In each language (or only ``language``) the best ``probe`` cells are read; while that
        leaves fewer than ``limit`` passages, twice as many."""
        centroid_scores = self.centroids @ query
        weighted = (query * self.scale).astype(np.float32)
        orders = [
            cells[np.argsort(-centroid_scores[cells], kind="stable")]
            for lang, cells in self._cells_by_language.items()
            if language is None or lang == language
        ]
        if not orders:
            return []
        wanted = probe or max(probe_count(len(order)) for order in orders)
        named = self._rows_of(also, language)
        rows: list[Ints] = []
        scores: list[Floats] = []
        done = 0
        while True:
            for order in orders:
                for cell in order[done:wanted]:
                    self._score_cell(int(cell), weighted, rows, scores)
            done = wanted
            enough = sum(len(r) for r in rows) + len(named) >= limit
            if enough or all(wanted >= len(order) for order in orders):
                break
            wanted *= 2
        read = np.concatenate([order[:done] for order in orders])
        self._score_rows(self._outside(named, read), weighted, rows, scores)
        return self._top(rows, scores, limit)

    def _score_cell(
        self, cell: int, weighted: Floats, rows: list[Ints], scores: list[Floats]
    ) -> None:
        """One cell at a time: its slice converts to float32 inside the CPU cache."""
        start, end = int(self.offsets[cell]), int(self.offsets[cell + 1])
        if start < end:
            rows.append(np.arange(start, end, dtype=np.int64))
            scores.append(self.codes[start:end].astype(np.float32) @ weighted)

    def _score_rows(
        self, chosen: Ints, weighted: Floats, rows: list[Ints], scores: list[Floats]
    ) -> None:
        if len(chosen):
            rows.append(chosen)
            scores.append(self.codes[chosen].astype(np.float32) @ weighted)

    def _top(self, rows: list[Ints], scores: list[Floats], limit: int) -> list[tuple[int, float]]:
        if not rows:
            return []
        every_row, every_score = np.concatenate(rows), np.concatenate(scores)
        count = min(limit, len(every_row))
        if count == 0:
            return []
        top = np.argpartition(-every_score, count - 1)[:count]
        top = top[np.argsort(-every_score[top], kind="stable")]
        return [(int(self.ids[every_row[i]]), float(every_score[i])) for i in top]

    def _outside(self, found: Ints, probed: Ints) -> Ints:
        """The rows whose cells were not read."""
        if len(found) == 0:
            return found
        read = np.zeros(len(self.centroids), dtype=bool)
        read[probed] = True
        cell_of = np.searchsorted(self.offsets, found, side="right") - 1
        outside: Ints = found[~read[cell_of]]
        return outside

    @cached_property
    def _by_id(self) -> tuple[Ints, Ints]:
        """Rows sorted by passage id, and those ids (to find a passage's row)."""
        by_id = np.argsort(self.ids, kind="stable")
        return by_id, self.ids[by_id]

    def _rows_of(self, passage_ids: Sequence[int], language: str | None) -> Ints:
        """Rows of the passages (in the language, if one is given)."""
        if not passage_ids:
            return np.zeros(0, dtype=np.int64)
        wanted = np.asarray(passage_ids, dtype=np.int64)
        by_id, sorted_ids = self._by_id
        at = np.clip(np.searchsorted(sorted_ids, wanted), 0, len(sorted_ids) - 1)
        found: Ints = by_id[at[sorted_ids[at] == wanted]]
        if language is not None:
            found = found[self.languages[found] == language]
        return found


def build_ivf(
    ids: Ints,
    languages: npt.NDArray[np.str_],
    matrix: Floats,
    cells: int | None = None,
    seed: int = 7,
) -> IvfIndex:
    """Cluster each language's unit vectors into cells and quantize them (deterministic).

    ``cells`` is the number of cells per language (default: about the square root of the
    language's vector count)."""
    rng = np.random.default_rng(seed)
    order_parts, centroid_parts, size_parts, cell_langs = [], [], [], []
    for lang in np.unique(languages):
        members = np.flatnonzero(languages == lang)
        count = min(len(members), cells or cell_count(len(members)))
        centroids = train_centroids(matrix[members], count, rng)
        assignment = assign_cells(matrix[members], centroids)
        order_parts.append(members[np.argsort(assignment, kind="stable")])
        centroid_parts.append(centroids)
        size_parts.append(np.bincount(assignment, minlength=len(centroids)))
        cell_langs += [str(lang)] * len(centroids)
    order = np.concatenate(order_parts) if order_parts else np.zeros(0, dtype=np.int64)
    sizes = np.concatenate(size_parts) if size_parts else np.zeros(0, dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    peak = np.abs(matrix).max(axis=0) if len(matrix) else np.ones(matrix.shape[1])
    scale = (np.where(peak > 0, peak, 1.0) / 127.0).astype(np.float32)
    codes = np.clip(np.rint(matrix[order] / scale), -127, 127).astype(np.int8)
    all_centroids = np.concatenate(centroid_parts) if centroid_parts else matrix[:0]
    return IvfIndex(
        codes,
        ids[order],
        languages[order],
        all_centroids.astype(np.float32),
        offsets,
        scale,
        np.array(cell_langs, dtype="<U2"),
    )


def train_centroids(
    matrix: Floats, cells: int, rng: np.random.Generator, iterations: int = 8
) -> Floats:
    """Spherical k-means (Lloyd) on a sample of 64 vectors per cell; empty cells re-seeded."""
    size = len(matrix)
    sample = matrix[rng.choice(size, min(size, cells * 64), replace=False)]
    centroids = sample[rng.choice(len(sample), min(cells, len(sample)), replace=False)].copy()
    for _ in range(iterations):
        assignment = assign_cells(sample, centroids)
        sizes = np.bincount(assignment, minlength=len(centroids))
        starts = np.cumsum(sizes) - sizes
        sums = np.zeros_like(centroids)
        filled = sizes > 0
        by_cell = sample[np.argsort(assignment, kind="stable")]
        sums[filled] = np.add.reduceat(by_cell, starts[filled], axis=0)
        empty = np.flatnonzero(~filled)
        sums[empty] = sample[rng.choice(len(sample), len(empty))]
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = (sums / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    return centroids


def assign_cells(matrix: Floats, centroids: Floats, chunk: int = 8192) -> Ints:
    """The nearest centroid of each vector, in chunks to bound memory."""
    parts = [
        np.argmax(matrix[start : start + chunk] @ centroids.T, axis=1)
        for start in range(0, len(matrix), chunk)
    ]
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)


def save_ivf(index: IvfIndex, folder: Path, key: str) -> None:
    """Write the index as ``<key>.<part>.npy`` files (each atomically); drop other keys' files."""
    folder.mkdir(parents=True, exist_ok=True)
    for part in _FILES:
        target = folder / f"{key}.{part}.npy"
        temporary = folder / f".{key}.{part}.{os.getpid()}.npy"
        np.save(temporary, getattr(index, part), allow_pickle=False)
        os.replace(temporary, target)
    for stale in folder.glob("*.npy"):
        if not stale.name.startswith(f"{key}.") and not stale.name.startswith("."):
            stale.unlink(missing_ok=True)


def load_ivf(folder: Path, key: str) -> IvfIndex | None:
    """The saved index for ``key`` with memory-mapped codes, or None if it is not there."""
    paths = {part: folder / f"{key}.{part}.npy" for part in _FILES}
    if not all(path.is_file() for path in paths.values()):
        return None
    try:
        codes = np.load(paths["codes"], mmap_mode="r", allow_pickle=False)
        rest = {p: np.load(paths[p], allow_pickle=False) for p in _FILES if p != "codes"}
    except (OSError, ValueError):
        return None  # a damaged file is rebuilt, not trusted
    return IvfIndex(codes=codes, **rest)
