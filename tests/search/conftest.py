"""A library in a temporary data directory, with the labeled cross-language set indexed once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from prytulak.search import Library, Passage, ReportInfo

DATA = Path(__file__).parent / "data"


def labeled_set() -> dict[str, dict[str, dict[str, str]]]:
    data: dict[str, dict[str, dict[str, str]]] = YAML(typ="safe").load(
        (DATA / "crosslingual.yaml").read_text(encoding="utf-8")
    )
    return data


def add_labeled_set(library: Library) -> None:
    data = labeled_set()
    for group in ("topics", "distractors"):
        for topic, texts in data[group].items():
            for language, text in texts.items():
                info = ReportInfo(f"{topic}-{language}", "Test publisher", "2025-01")
                library.add_passages(info, [Passage(1, 1, text, language)])


@pytest.fixture(scope="session")
def crosslingual_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The labeled set with e5 vectors for every passage."""
    library = Library(tmp_path_factory.mktemp("xl") / "library.sqlite3")
    add_labeled_set(library)
    library.embed_missing()
    yield library
    library.close()


@pytest.fixture(scope="session")
def static_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The labeled set as it is the moment it is added: full text and static vectors only."""
    library = Library(tmp_path_factory.mktemp("xl-static") / "library.sqlite3")
    add_labeled_set(library)
    yield library
    library.close()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()
