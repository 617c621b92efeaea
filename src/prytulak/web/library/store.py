"""The installation's one library (country reports are public documents, shared by all staff).

It is the same file the command line uses (``$PRYTULAK_DATA_DIR/library/library.sqlite3``).
A ``Library`` holds SQLite connections and a loaded vector index, so each server thread keeps
its own; the models behind it (e5, the static table) are loaded once per process.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings

from prytulak.search import Library

__all__ = ["embed_library", "library_file", "open_library"]

_local = threading.local()


def library_file() -> Path:
    return Path(settings.DATA_DIR) / "library" / "library.sqlite3"


def open_library() -> Library:
    """This thread's library (opened on first use in the thread)."""
    path = library_file()
    library: Library | None = getattr(_local, "library", None)
    if library is None or library.path != path:
        library = Library(path)
        _local.library = library
    return library


def embed_library() -> None:
    """Background job: e5 vectors for every passage still without one (resumable)."""
    open_library().embed_missing()
