"""How long one assessment takes (target: under 50 ms), next to the obvious baselines.

Run: uv run python bench/assess_bench.py
Prints the one-off cost of loading and validating the rule files, then per-assessment timings
for each demo case, next to the cost of just loading the case file (the floor a user already pays).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from prytulak.case import load_case
from prytulak.law import assess, render
from prytulak.law.rulebook import build_rulebook, iter_rule_files

DEMO = Path(__file__).resolve().parents[1] / "src" / "prytulak" / "demo" / "cases"
AS_OF = date(2026, 11, 26)
RUNS = 200


def _median_ms(action: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    start = time.perf_counter()
    build_rulebook(iter_rule_files())
    cold = (time.perf_counter() - start) * 1000
    print(f"rule files: load + schema-validate once {cold:7.1f} ms (once per process)")
    assess(load_case(DEMO / "protester"), AS_OF)  # warm the cache
    head = f"{'case':15} {'load case.yaml':>16} {'assess':>16} {'assess+render':>16}"
    print(head + "   (median / p95 ms)")
    for folder in sorted(p for p in DEMO.iterdir() if (p / "case.yaml").is_file()):
        case = load_case(folder)
        load = _median_ms(lambda f=folder: load_case(f), 50)  # type: ignore[misc]
        one = _median_ms(lambda c=case: assess(c, AS_OF))  # type: ignore[misc]
        full = _median_ms(lambda c=case: render(assess(c, AS_OF), "text", "ru"))  # type: ignore[misc]
        cells = [f"{m:6.2f} / {p:6.2f}" for m, p in (load, one, full)]
        print(f"{folder.name:15} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16}")
    print("target: one assessment < 50 ms")


if __name__ == "__main__":
    main()
