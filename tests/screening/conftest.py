from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from prytulak.screening import ScreeningIndex, import_list

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def index(tmp_path: Path) -> Iterator[ScreeningIndex]:
    with ScreeningIndex(tmp_path / "index.sqlite") as opened:
        yield opened


@pytest.fixture
def full_index(index: ScreeningIndex) -> ScreeningIndex:
    for name in ("sdn.csv", "eu_fsf.xml", "uk_sanctions.xml"):
        import_list(index, FIXTURES / name)
    return index
