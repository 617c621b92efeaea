"""Exhibit bundle benchmark: N-page bundle from 100 input PDFs vs plain ``qpdf`` concatenation.

    uv run python bench/bundle_bench.py            # 1,000 and 2,000 pages
    uv run python bench/bundle_bench.py --pages 1000

Prytulak's bundle adds a cover, index, a tab page per exhibit, a stamped page number on every page
and a bookmark per tab; ``qpdf --empty --pages … --`` only concatenates, so it is the floor.
Each run is a fresh child process; peak memory is that child's maximum resident set size.
Target (issue 4): at most 3x qpdf's time, under 500 MB, memory flat as pages grow.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILES = 100
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def make_inputs(folder: Path, pages_per_file: int) -> list[Path]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("BenchSans", FONT))
    paths = []
    for n in range(FILES):
        path = folder / f"B{n:03d}.pdf"
        canvas = Canvas(str(path))
        for page in range(pages_per_file):
            canvas.setFont("BenchSans", 11)
            for line in range(40):
                canvas.drawString(
                    60,
                    760 - line * 17,
                    f"Документ {n}, страница {page + 1}, "
                    f"строка {line + 1}: протокол обыска, text layer kept.",
                )
            canvas.showPage()
        canvas.save()
        paths.append(path)
    return paths


def make_case(folder: Path, paths: list[Path]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from prytulak.case import EvidenceRef, dump_case, load_case

    demo = Path(__file__).resolve().parents[1] / "src/prytulak/demo/cases/protester"
    case = load_case(demo)
    bench = [
        EvidenceRef(id=p.stem, title=f"Bench document {p.stem}", language="en", file=p.name)
        for p in paths
    ]
    # the demo's own items have no files: they are listed as not included, not bundled
    case = case.model_copy(update={"evidence": [*bench, *case.evidence]})
    (folder / "case.yaml").write_text(dump_case(case), encoding="utf-8")


CHILD = """
import sys, time
from pathlib import Path
from prytulak.case import load_case
from prytulak.filing.exhibits import build_bundle
folder = Path(sys.argv[1])
start = time.perf_counter()
bundle = build_bundle(load_case(folder), folder, folder / "out")
print(time.perf_counter() - start, bundle.total_pages)
"""


WRAP = """
import resource, subprocess, sys
out = subprocess.run(sys.argv[1:], capture_output=True, text=True)
if out.returncode:
    sys.exit(out.stderr)
print(out.stdout.strip(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


# As a user runs it: with bytecode caches (some shells set PYTHONDONTWRITEBYTECODE, which makes
# every start recompile the imported modules and inflates start-up by about a second).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_child(command: list[str]) -> tuple[float, float, str]:
    """Wall time and the child's own peak RSS (MB), measured by a fresh wrapper process."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", WRAP, *command], capture_output=True, text=True, env=CHILD_ENV
    )
    wall = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"{command[0]} failed: {result.stderr[-2000:]}")
    *out, peak_kb = result.stdout.split()
    return wall, int(peak_kb) / 1024, " ".join(out)


def bench(pages: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "evidence").mkdir()
        paths = make_inputs(folder / "evidence", pages // FILES)
        make_case(folder, paths)
        qpdf = ["qpdf", "--empty", "--pages", *map(str, paths), "--", str(folder / "cat.pdf")]
        q_wall, q_mem, _ = run_child(qpdf)
        p_wall, p_mem, out = run_child([sys.executable, "-c", CHILD, str(folder)])
        inner, total = out.split()
        return {
            "pages_in": pages,
            "bundle_pages": int(total),
            "qpdf_s": q_wall,
            "qpdf_peak_mb": q_mem,
            "prytulak_s": p_wall,
            "prytulak_build_s": float(inner),
            "prytulak_peak_mb": p_mem,
            "ratio": p_wall / q_wall,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[1000, 2000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [bench(n) for n in args.pages]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        f"{'input pages':>11} {'bundle':>7} | {'qpdf s':>7} {'qpdf MB':>8} | "
        f"{'prytulak s':>10} {'(build)':>8} {'MB':>7} | {'x qpdf':>6}"
    )
    for r in rows:
        print(
            f"{r['pages_in']:>11} {r['bundle_pages']:>7} | {r['qpdf_s']:>7.2f} "
            f"{r['qpdf_peak_mb']:>8.1f} | {r['prytulak_s']:>10.2f} {r['prytulak_build_s']:>8.2f} "
            f"{r['prytulak_peak_mb']:>7.1f} | {r['ratio']:>6.1f}"
        )
    print("prytulak s includes interpreter start-up and imports; (build) is build_bundle alone.")


if __name__ == "__main__":
    main()
