"""The approximate vector index: recall against exact search, language filter, saved index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from prytulak.search import Library, Passage, ReportInfo
from prytulak.search.embedding import DIMENSIONS
from prytulak.search.ivf import build_ivf, load_ivf

from .test_crosslingual import LANGUAGES, recall_at_10

Floats = npt.NDArray[np.float32]


def clustered(count: int, centers: int, seed: int) -> tuple[Floats, Floats]:
    """Unit vectors around topic centres (as passage embeddings are), and queries like them."""
    rng = np.random.default_rng(seed)
    middle = rng.normal(size=(centers, DIMENSIONS))
    middle /= np.linalg.norm(middle, axis=1, keepdims=True)

    def around(n: int) -> Floats:
        points = middle[rng.integers(0, centers, n)] + rng.normal(0, 0.06, (n, DIMENSIONS))
        return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)

    return around(count), around(100)


def languages_of(count: int) -> npt.NDArray[np.str_]:
    return np.array([LANGUAGES[i % 3] for i in range(count)], dtype="<U2")


def exact_top(matrix: Floats, query: Floats, limit: int) -> set[int]:
    return {int(i) + 1 for i in np.argsort(-(matrix @ query))[:limit]}


def test_approximate_search_finds_what_exact_search_finds() -> None:
    matrix, queries = clustered(20_000, 200, seed=3)
    ids = np.arange(1, len(matrix) + 1, dtype=np.int64)
    index = build_ivf(ids, languages_of(len(matrix)), matrix)
    assert len(index.centroids) == 3 * 82  # per language, about sqrt(n) cells; 8 are read
    recalls = []
    for query in queries:
        found = {pid for pid, _ in index.nearest(query, 10)}
        recalls.append(len(found & exact_top(matrix, query, 10)) / 10)
    assert float(np.mean(recalls)) >= 0.95


def test_int8_scores_stay_close_to_the_cosine() -> None:
    matrix, queries = clustered(2_000, 20, seed=4)
    index = build_ivf(np.arange(1, 2_001, dtype=np.int64), languages_of(2_000), matrix)
    for pid, score in index.nearest(queries[0], 10):
        assert score == pytest.approx(float(matrix[pid - 1] @ queries[0]), abs=0.01)


def test_a_language_filter_still_fills_the_list_from_more_cells() -> None:
    matrix, queries = clustered(3_000, 30, seed=5)
    languages = np.array(["ru"] * 2_990 + ["be"] * 10, dtype="<U2")  # 10 Belarusian passages
    index = build_ivf(np.arange(1, 3_001, dtype=np.int64), languages, matrix)
    hits = index.nearest(queries[0], 10, language="be", probe=1)
    assert sorted(pid for pid, _ in hits) == list(range(2_991, 3_001))


def test_named_passages_are_scored_even_outside_the_probed_cells() -> None:
    matrix, queries = clustered(3_000, 30, seed=6)
    index = build_ivf(np.arange(1, 3_001, dtype=np.int64), languages_of(3_000), matrix)
    query = queries[0]
    far = int(np.argmin(matrix @ query)) + 1  # the least similar passage of all
    best_cells = [
        max(cells, key=lambda c: float(index.centroids[c] @ query))
        for cells in (np.flatnonzero(index.cell_languages == lang) for lang in LANGUAGES)
    ]
    read = sum(int(index.offsets[c + 1] - index.offsets[c]) for c in best_cells)
    hits = dict(index.nearest(query, read + 1, probe=1, also=[far]))
    assert len(hits) == read + 1  # one cell per language, and the named passage
    assert hits[far] == pytest.approx(float(matrix[far - 1] @ query), abs=0.01)


def unit_rows(count: int, seed: int) -> Floats:
    matrix, _ = clustered(count, 12, seed)
    return matrix


def test_the_library_saves_the_index_and_the_next_process_maps_it(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path, approximate_from=200)
    texts = [Passage(1, i, f"passage {i}", "ru") for i in range(300)]
    library.add_passages(ReportInfo("Report", "Publisher", "2025"), texts)
    ids = [row[0] for row in library.db.execute("SELECT id FROM passages ORDER BY id")]
    matrix = unit_rows(300, seed=8)
    library.store_vectors(ids, matrix)
    assert library.vectors.approximate
    first = library.vectors.nearest(matrix[7], 5)
    library.close()

    reopened = Library(path, approximate_from=200)
    assert reopened.vectors.nearest(matrix[7], 5) == first
    assert reopened.vectors.ivf is not None
    assert isinstance(reopened.vectors.ivf.codes, np.memmap)  # read from disk, not rebuilt
    assert first[0][0] == ids[7]
    reopened.close()


def test_new_vectors_replace_the_saved_index(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path, approximate_from=100)
    info = ReportInfo("Report", "Publisher", "2025")
    library.add_passages(info, [Passage(1, i, f"passage {i}", "ru") for i in range(150)])
    ids = [row[0] for row in library.db.execute("SELECT id FROM passages ORDER BY id")]
    matrix = unit_rows(151, seed=9)
    library.store_vectors(ids, matrix[:150])
    library.vectors.size()
    # another process adds a passage and its vector
    other = Library(path, approximate_from=100)
    other.add_passages(info, [Passage(2, 1, "a new passage", "be")])
    new_id = int(other.db.execute("SELECT MAX(id) FROM passages").fetchone()[0])
    other.store_vectors([new_id], matrix[150:])
    other.close()
    assert library.vectors.nearest(matrix[150], 1)[0][0] == new_id
    saved = sorted(p.name for p in (tmp_path / "library.vectors").glob("*.npy"))
    sql = "SELECT value FROM library_state WHERE key = 'vectors_version'"
    version = library.db.execute(sql).fetchone()[0]
    assert saved and all(name.startswith(f"v{version}.") for name in saved)  # old one removed
    library.close()


def test_a_damaged_index_file_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    folder = tmp_path / "vectors"
    folder.mkdir()
    for part in ("codes", "ids", "languages", "centroids", "offsets", "scale"):
        (folder / f"v1.{part}.npy").write_bytes(b"not numpy")
    assert load_ivf(folder, "v1") is None


@pytest.fixture(scope="module")
def approximate_library(
    crosslingual_library: Library, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Library]:
    """The labeled set through the inverted file, reading 2 of the 4 cells of each language."""
    path = tmp_path_factory.mktemp("xl-ivf") / "library.sqlite3"
    target = sqlite3.connect(path)
    crosslingual_library.db.backup(target)
    target.close()
    library = Library(path, embedder=crosslingual_library.embedder, approximate_from=1)
    library.vectors.probe = 2
    assert library.vectors.approximate and library.vectors.ivf is not None
    assert len(library.vectors.ivf.centroids) == 12  # 4 cells in each of 3 languages
    yield library
    library.close()


@pytest.mark.slow
def test_cross_language_recall_holds_through_the_approximate_index(
    approximate_library: Library,
) -> None:
    assert recall_at_10(approximate_library, "hybrid") >= 0.9
    assert recall_at_10(approximate_library, "semantic") >= 0.9
