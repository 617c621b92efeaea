"""Directory fixtures: the real April 2025 EOIR pro bono list, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from prytulak.case import CaseFile
from prytulak.directory import ImportResult, Provider
from prytulak.directory.sources.eoir_probono import SOURCE as PROBONO
from tests.conftest import load_demo

DATA = Path(__file__).parent / "data"
PROBONO_PDF = DATA / "eoir_pro_bono_2025-04.pdf"


@pytest.fixture(scope="session")
def probono() -> ImportResult:
    return PROBONO.read(PROBONO_PDF)


@pytest.fixture(scope="session")
def by_name(probono: ImportResult) -> dict[str, Provider]:
    return {p.name: p for p in probono.providers}


def with_court(case: CaseFile, court: str | None, detained: bool = False) -> CaseFile:
    """The demo case, heard at another court."""
    court_data = case.travel.court.model_copy(update={"court": court, "detained": detained})
    return case.model_copy(update={"travel": case.travel.model_copy(update={"court": court_data})})


@pytest.fixture
def protester() -> CaseFile:
    return load_demo("protester")


@pytest.fixture
def journalist() -> CaseFile:
    return load_demo("journalist")
