"""Where an installation lives: one data directory holds the database, blobs and keys."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

__all__ = ["BASE_DIR", "BLOB_DIR", "DATA_DIR", "STATIC_ROOT", "STATIC_URL"]

BASE_DIR = Path(__file__).resolve().parent.parent
"""The ``prytulak/web`` package: templates, static files, locale."""

DATA_DIR = Path(os.environ.get("PRYTULAK_DATA_DIR") or user_data_dir("prytulak", appauthor=False))
"""``PRYTULAK_DATA_DIR`` or the platform's user data dir (``~/.local/share/prytulak``)."""

BLOB_DIR = DATA_DIR / "blobs"
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
