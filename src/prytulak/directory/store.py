"""The directory on disk: one JSON index per source under ``<data dir>/directory/``.

The data directory is ``$PRYTULAK_DATA_DIR`` when set, else the user data directory that
platformdirs gives for 'prytulak'. Importing a source replaces that source's index in one atomic
rename; an import that finds far fewer providers than the last one is refused unless forced, so
a changed layout cannot silently empty the directory.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import BaseModel, ConfigDict, ValidationError

from prytulak.store import atomic_write

from .model import ImportResult, Provider

__all__ = ["DirectoryStore", "StoreError", "StoredSource", "data_dir"]

DATA_DIR_ENV = "PRYTULAK_DATA_DIR"
COLLAPSE_RATIO = 0.5  # refuse an import that keeps less than half the previous providers


class StoreError(Exception):
    """The index cannot be written or read; the message says what to do."""


class StoredSource(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    imported_at: datetime
    result: ImportResult


def data_dir() -> Path:
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured) if configured else Path(user_data_dir("prytulak", appauthor=False))


class DirectoryStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or data_dir()) / "directory"

    def path_for(self, source: str) -> Path:
        return self.root / f"{source}.json"

    def save(self, result: ImportResult, force: bool = False) -> Path:
        """Write the source's index; refuse a collapsed yield unless ``force``."""
        source = result.edition.source
        previous = self.load_source(source) if self.path_for(source).exists() else None
        if previous and not force:
            before, after = len(previous.result.providers), len(result.providers)
            if after < before * COLLAPSE_RATIO:
                raise StoreError(
                    f"this import of {source} found {after} providers, the stored one has "
                    f"{before}; the file or its layout may have changed. Check the file, or "
                    "import with --force to replace the stored directory anyway"
                )
        stored = StoredSource(imported_at=datetime.now(UTC), result=result)
        self.root.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path_for(source), stored.model_dump_json(indent=1).encode("utf-8"))
        return self.path_for(source)

    def load_source(self, source: str) -> StoredSource:
        path = self.path_for(source)
        try:
            return StoredSource.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            raise StoreError(
                f"{source} has not been imported; run 'prytulak directory import'"
            ) from None
        except (ValidationError, ValueError):
            raise StoreError(
                f"the directory index {path} is damaged or from another version; "
                f"import the {source} file again to rebuild it"
            ) from None

    def sources(self) -> list[StoredSource]:
        if not self.root.is_dir():
            return []
        return [self.load_source(p.stem) for p in sorted(self.root.glob("*.json"))]

    def providers(self) -> list[Provider]:
        return [p for stored in self.sources() for p in stored.result.providers]
