"""Where the library lives: ``$PRYTULAK_DATA_DIR/library/``, else the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["DATA_DIR_ENV", "data_dir", "library_path"]

DATA_DIR_ENV = "PRYTULAK_DATA_DIR"


def data_dir() -> Path:
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("prytulak", appauthor=False))


def library_path() -> Path:
    return data_dir() / "library" / "library.sqlite3"
