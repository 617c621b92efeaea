"""The stored directory: atomic per-source index, collapse guard, damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest

from prytulak.directory import DirectoryStore, ImportResult, StoreError


def test_save_and_load_round_trip(tmp_path: Path, probono: ImportResult) -> None:
    store = DirectoryStore(tmp_path)
    store.save(probono)
    assert store.providers() == probono.providers
    assert store.load_source("eoir-probono").result.edition.edition == "Updated April 2025"


def test_an_import_that_collapses_is_refused(tmp_path: Path, probono: ImportResult) -> None:
    store = DirectoryStore(tmp_path)
    store.save(probono)
    shrunk = probono.model_copy(update={"providers": probono.providers[:10]})
    with pytest.raises(StoreError, match="--force"):
        store.save(shrunk)
    assert len(store.providers()) == 153
    store.save(shrunk, force=True)
    assert len(store.providers()) == 10


def test_damaged_index_names_the_fix(tmp_path: Path) -> None:
    store = DirectoryStore(tmp_path)
    store.root.mkdir(parents=True)
    store.path_for("eoir-probono").write_text("{not json", "utf-8")
    with pytest.raises(StoreError, match="import the eoir-probono file again"):
        store.providers()
