"""Benchmark: screen 100 names against 50,000 generated list entries.

Prytulak's index (SQLite blocking keys + cross-script scoring) against the obvious baseline:
brute-force rapidfuzz ``process.extract`` of every query over every listed name, after folding
both to ASCII Latin. Prints time, peak Python memory (tracemalloc) and recall on planted matches
(entries re-written in another romanization system or in Russian Cyrillic).

Run: ``uv run python bench/screening_bench.py [--entries 50000] [--queries 100]``
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from prytulak.names import analyze_name, ascii_fold, name_key, transliterate
from prytulak.names.forms import other_language_form
from prytulak.names.given import given_names
from prytulak.names.keys import to_latin
from prytulak.screening import ScreeningIndex, screen_name
from prytulak.screening.records import ListedName, ListEntry, ListInfo, ParsedList

T = TypeVar("T")
ONSETS = [
    "б",
    "в",
    "г",
    "д",
    "ж",
    "з",
    "к",
    "л",
    "м",
    "н",
    "п",
    "р",
    "с",
    "т",
    "ф",
    "х",
    "ц",
    "ч",
    "ш",
]
VOWELS = ["а", "о", "у", "э", "і", "ы", "я", "е"]
ENDINGS = ["энка", "евіч", "овіч", "скі", "цкі", "аў", "оў", "ук", "ік", "ёнак", "ена", "чык"]


def _surname(rng: random.Random) -> str:
    syllables = rng.randint(1, 3)
    root = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    return (root + rng.choice(ONSETS) + rng.choice(ENDINGS)).capitalize()


def generate(count: int, seed: int = 7) -> list[ListEntry]:
    rng = random.Random(seed)
    males = [n for n in given_names().names if n.sex == "male"]
    entries = []
    for number in range(count):
        given, father = rng.choice(males), rng.choice(males)
        surname = _surname(rng)
        be = f"{given.be[0]} {father.patronymic_be[0]} {surname}"
        ru_surname = other_language_form(surname, "be")
        ru = f"{given.ru[0]} {father.patronymic_ru[0]} {ru_surname}"
        latin = ListedName(
            transliterate(be, "be-icao"),
            surname=transliterate(surname, "be-icao"),
            given=transliterate(given.be[0], "be-icao"),
            middle=transliterate(father.patronymic_be[0], "be-icao"),
        )
        cyrillic = ListedName(
            ru, surname=ru_surname, given=given.ru[0], middle=father.patronymic_ru[0]
        )
        entries.append(
            ListEntry(str(number), "person", (latin, cyrillic), ("BLR",), True, "generated")
        )
    return entries


def queries(entries: list[ListEntry], count: int, seed: int = 11) -> tuple[list[str], set[str]]:
    """Half are planted (another system or script than the list uses), half are new names."""
    rng = random.Random(seed)
    planted = rng.sample(entries, count // 2)
    found = []
    for entry in planted:
        if rng.random() < 0.5:  # Russian-form Cyrillic, given name and surname only
            ru = entry.names[1]
            found.append(f"{ru.given} {ru.surname}")
        else:  # BGN/PCGN-style spelling of the Belarusian form, as OFAC writes it
            cyr = _back_to_cyrillic(entry)
            found.append(transliterate(cyr, "be-bgn-pcgn"))
    others = [
        f"{rng.choice(given_names().names).be[0]} {_surname(rng)}"
        for _ in range(count - len(found))
    ]
    return found + others, {e.ref for e in planted}


def _back_to_cyrillic(entry: ListEntry) -> str:
    ru = entry.names[1]
    assert ru.surname and ru.given
    given = given_names().given(ru.given)
    be_given = given.be[0] if given else ru.given
    return f"{be_given} {other_language_form(ru.surname, 'ru')}"


def timed(label: str, run: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    print(f"{label:<52} {seconds:8.2f} s")
    return result, seconds


def peak_mib(run: Callable[[], object]) -> float:
    """Peak Python allocation during ``run`` (tracemalloc; slows the run, so timed apart)."""
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def _cold() -> None:
    analyze_name.cache_clear()
    name_key.cache_clear()


def prytulak_screen(index: ScreeningIndex, names: list[str]) -> list[set[str]]:
    return [{h.entry.ref for h in screen_name(index, name)} for name in names]


def brute_force(entries: list[ListEntry], names: list[str]) -> list[set[str]]:
    choices, refs = [], []
    for entry in entries:
        for listed in entry.names:
            choices.append(ascii_fold(to_latin(listed.text)).lower())
            refs.append(entry.ref)
    found = []
    for name in names:
        query = ascii_fold(to_latin(name)).lower()
        hits = process.extract(
            query, choices, scorer=fuzz.token_set_ratio, score_cutoff=85, limit=None
        )
        found.append({refs[i] for _, _, i in hits})
    return found


def recall(found: list[set[str]], planted: set[str]) -> str:
    hit = sum(1 for refs in found if refs & planted)
    noise = sum(len(refs - planted) for refs in found)
    return f"planted found {hit}/{len(planted)}, other hits {noise}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    entries = generate(args.entries)
    names, planted = queries(entries, args.queries)
    print(f"{args.entries} entries x 2 names, {len(names)} queries ({len(planted)} planted)\n")
    with tempfile.TemporaryDirectory() as folder:
        stub = Path(folder) / "generated.xml"
        stub.write_text("generated")
        info = ListInfo("bench", "generated list", "bench", date(2026, 11, 1), "generated", "-")
        parsed = ParsedList(info, entries)
        with ScreeningIndex(Path(folder) / "index.sqlite") as index:
            timed("build index (one-off, at import)", lambda: index.replace_list(parsed, stub))
            _cold()
            found, index_s = timed(
                f"Prytulak index: screen {len(names)} names", lambda: prytulak_screen(index, names)
            )
            _cold()
            index_mem = peak_mib(lambda: prytulak_screen(index, names[:10]))
        brute, brute_s = timed(
            f"baseline: brute-force rapidfuzz, {len(names)} names",
            lambda: brute_force(entries, names),
        )
        brute_mem = peak_mib(lambda: brute_force(entries, names[:10]))
    print(
        f"\npeak Python memory, 10 queries: Prytulak {index_mem:.1f} MiB, "
        f"baseline {brute_mem:.1f} MiB"
    )
    print(f"Prytulak: {recall(found, planted)}")
    print(f"baseline: {recall(brute, planted)}")
    print(f"speed-up {brute_s / index_s:.1f}x; target < 2 s for 100 names: ", end="")
    print("met" if index_s < 2 else "NOT met")


if __name__ == "__main__":
    main()
