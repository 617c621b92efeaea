"""Shared fixtures: the demo cases, loaded fresh for each test."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

from prytulak.case import CaseFile, load_case

# Rich decides the width of the command line's console when it is created; tests read the
# output as text, so make it the same wide width whichever test imports the CLI first.
os.environ["COLUMNS"] = "200"
# Never the developer's own data (their library, keys, screening lists): a fresh folder per
# test process; tests that need their own set PRYTULAK_DATA_DIR themselves.
os.environ["PRYTULAK_DATA_DIR"] = tempfile.mkdtemp(prefix="prytulak-test-data-")

DEMO_ROOT = Path(__file__).resolve().parents[1] / "src" / "prytulak" / "demo" / "cases"
DEMO_NAMES = ("protester", "journalist", "lgbt-believer")
TODAY = date(2026, 11, 26)
"""The 'today' the tests run on, so results do not drift with the calendar."""


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture(params=DEMO_NAMES)
def demo_name(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def demo_case(demo_name: str) -> CaseFile:
    return load_case(DEMO_ROOT / demo_name, today=TODAY)


def load_demo(name: str) -> CaseFile:
    return load_case(DEMO_ROOT / name, today=TODAY)


@pytest.fixture
def demo_folder(tmp_path: Path, demo_name: str) -> Path:
    """A writable copy of a demo case folder."""
    target = tmp_path / demo_name
    shutil.copytree(DEMO_ROOT / demo_name, target)
    return target


APT_HINT = {
    "tesseract": "tesseract-ocr tesseract-ocr-rus tesseract-ocr-bel tesseract-ocr-eng",
    "qpdf": "qpdf",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
}


def require_tools(*names: str) -> None:
    """Skip (on a developer's machine) or fail (in CI) when a system program is missing.

    CI installs every program the tests need (`.ci/run`), so there a missing one is an error;
    elsewhere the test says what to install instead of failing with a traceback."""
    missing = [n for n in names if not (found := shutil.which(n)) or not os.access(found, os.X_OK)]
    if not missing:
        return
    packages = " ".join(APT_HINT.get(n, n) for n in missing)
    message = f"needs {', '.join(missing)}: apt-get install {packages} (.ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers(name="needs_tools"):
        require_tools(*marker.args)
