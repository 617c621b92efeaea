"""Where the screening index lives: the installation's data directory.

Order: the folder passed explicitly, else ``$PRYTULAK_DATA_DIR``, else the platform's user data
folder (``platformdirs.user_data_dir('prytulak')``). Pointing at another folder gives another,
isolated installation.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

__all__ = ["ENV_VAR", "data_dir", "index_path"]

ENV_VAR = "PRYTULAK_DATA_DIR"


def data_dir(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return Path(explicit)
    if value := os.environ.get(ENV_VAR):
        return Path(value)
    return Path(user_data_dir("prytulak", appauthor=False))


def index_path(explicit: Path | None = None) -> Path:
    return data_dir(explicit) / "screening" / "index.sqlite"
