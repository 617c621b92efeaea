"""Country-report library search over many passages, next to a bare FTS5 query (the floor).

    uv run python bench/search_bench.py [--passages 100000] [--embed-sample 64]

Measures, on this machine:
  * index build rate: passages/s into the library's FTS5 index (our folding + stemming), and
    into a bare FTS5 table (raw text, unicode61) as the baseline;
  * embedding rate (multilingual-e5-small on CPU) on a sample, extrapolated to all passages;
  * p50/p95 latency of full-text, semantic and hybrid queries, and of the bare FTS5 query.

Passages are synthetic: pseudo-words drawn with Zipf frequencies (as in real text) from a
20,000-word vocabulary per language, with every eighth word a country-report term. Embedding
100,000 passages on 2 cores takes hours, so the vector matrix is filled from the embedded
sample plus noise (normalised): search cost depends on the matrix size, not on the values.
The query embedding is real and included in each semantic and hybrid timing.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from prytulak.search import Library, Passage, ReportInfo
from prytulak.search.embedding import E5Embedder

DOMAIN = {
    "ru": "задержанных избивали изолятор Окрестина протест суд приговор колония политзаключённые "
    "экстремистский список граница паспорт консульство заочно журналист адвокат лицензия "
    "родственники допрос обыск КГБ милиция ОМОН штраф арест статья кодекс помилование",
    "be": "затрыманых збівалі ізалятар Акрэсціна пратэст суд прысуд калонія палітвязні "
    "экстрэмісцкі спіс мяжа пашпарт консульства завочна журналіст адвакат ліцэнзія "
    "сваякі допыт ператрус КДБ міліцыя АМАП штраф арышт артыкул кодэкс памілаванне",
    "en": "detainees beaten isolation Okrestina protest court sentence colony political "
    "prisoners extremist list border passport consulate absentia journalist lawyer licence "
    "relatives interrogation search KGB police OMON fine arrest article code pardon",
}
SYLLABLES = {
    "ru": "ка ро ви на ло ме ти да ры ко ст пр ве же ну зо",
    "be": "ка ра ві на ла ме ці да ры ко ст пр ве жа ну ўа",
    "en": "ka ro vi na lo me ti da ry ko st pr ve ze nu zo",
}
QUERIES = [
    "beatings of detainees at Okrestina",
    "trials in absentia of exiles",
    "passport renewal at consulates",
    "journalists in prison",
    "lawyers lose licence",
    "задержания на границе",
    "политзаключённые в колонии",
    "преследование за пожертвования",
    "затрыманні на мяжы",
    "палітвязні ў калоніі",
    "пераслед журналістаў",
    "KGB interrogation of relatives",
]
VOCABULARY = 20_000


def vocabulary(language: str, rng: random.Random) -> list[str]:
    syllables = SYLLABLES[language].split()
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 5))))
    return sorted(words)


def synthetic_passages(count: int, seed: int = 7) -> list[Passage]:
    rng = random.Random(seed)
    vocab = {language: vocabulary(language, rng) for language in DOMAIN}
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    out = []
    for i in range(count):
        language = ("ru", "be", "en")[i % 3]
        words = rng.choices(vocab[language], weights=weights, k=rng.randint(40, 90))
        domain = DOMAIN[language].split()
        words[::8] = [rng.choice(domain) for _ in words[::8]]
        out.append(Passage(1 + i % 40, i + 1, " ".join(words) + ".", language))
    return out


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(run: Callable[[str], object], repeat: int = 3) -> list[float]:
    samples = []
    for _ in range(repeat):
        for query in QUERIES:
            start = time.perf_counter()
            run(query)
            samples.append(time.perf_counter() - start)
    return samples


def build_library(folder: Path, passages: list[Passage]) -> tuple[Library, float]:
    library = Library(folder / "library.sqlite3", embedder=E5Embedder())
    start = time.perf_counter()
    for index in range(0, len(passages), 200):
        info = ReportInfo(f"synthetic report {index // 200}", "bench", "2025")
        library.add_passages(info, passages[index : index + 200])
    return library, len(passages) / (time.perf_counter() - start)


def build_bare(folder: Path, passages: list[Passage]) -> tuple[sqlite3.Connection, float]:
    db = sqlite3.connect(folder / "bare.sqlite3")
    db.execute("CREATE VIRTUAL TABLE bare USING fts5(text, tokenize='unicode61')")
    start = time.perf_counter()
    for index in range(0, len(passages), 200):
        with db:
            rows = ((p.text,) for p in passages[index : index + 200])
            db.executemany("INSERT INTO bare (text) VALUES (?)", rows)
    return db, len(passages) / (time.perf_counter() - start)


def bare_query(db: sqlite3.Connection, query: str) -> list[tuple[int]]:
    expression = " OR ".join(f'"{w}"' for w in query.split())
    sql = "SELECT rowid FROM bare WHERE bare MATCH ? ORDER BY rank LIMIT 10"
    return db.execute(sql, (expression,)).fetchall()


def fill_vectors(library: Library, sample: np.ndarray, total: int) -> None:
    rng = np.random.default_rng(7)
    ids = [row[0] for row in library.db.execute("SELECT id FROM passages ORDER BY id")]
    for start in range(0, total, 10_000):
        chunk = ids[start : start + 10_000]
        base = sample[rng.integers(0, len(sample), len(chunk))]
        noisy = base + rng.normal(0, 0.02, base.shape).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        library.store_vectors(chunk, noisy.astype(np.float32))


Rows = list[tuple[str, list[float]]]


def report(count: int, sample: int, rows: Rows, rates: list[float]) -> None:
    fts_rate, bare_rate, embed_rate = rates
    load = os.getloadavg()[0]
    print(f"passages: {count:,} (synthetic; vectors from {sample} real embeddings + noise)")
    print(f"load average at the end: {load:.1f} on {os.cpu_count()} cores")
    print(f"{'query':<20} {'p50 ms':>8} {'p95 ms':>8}")
    for name, samples in rows:
        p50, p95 = percentiles(samples)
        print(f"{name:<20} {p50:8.1f} {p95:8.1f}")
    print("target: hybrid p95 < 50 ms")
    print(f"index build, full text (ours): {fts_rate:8.0f} passages/s (target >= 500)")
    print(f"index build, bare FTS5:        {bare_rate:8.0f} passages/s")
    print(f"embedding (e5-small, CPU):     {embed_rate:8.1f} passages/s (sample of {sample})")
    hours = count / embed_rate / 3600
    print(f"  -> embedding all {count:,} passages: about {hours:.1f} h (extrapolated)")


def main() -> None:
    parser = argparse.ArgumentParser(description="Library search benchmark")
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--embed-sample", type=int, default=64)
    args = parser.parse_args()
    passages = synthetic_passages(args.passages)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        library, fts_rate = build_library(folder, passages)
        bare, bare_rate = build_bare(folder, passages)
        start = time.perf_counter()
        sample = library.embedder.passages([p.text for p in passages[: args.embed_sample]])
        embed_rate = args.embed_sample / (time.perf_counter() - start)
        fill_vectors(library, sample, args.passages)
        library.search("warm up")  # loads the vector matrix and the model once
        rows = [
            ("bare FTS5 (floor)", timed(lambda q: bare_query(bare, q))),
            ("full text (ours)", timed(lambda q: library.search(q, mode="fts"))),
            ("semantic", timed(lambda q: library.search(q, mode="semantic"))),
            ("hybrid", timed(lambda q: library.search(q))),
        ]
        library.close()
    report(args.passages, args.embed_sample, rows, [fts_rate, bare_rate, embed_rate])


if __name__ == "__main__":
    main()
