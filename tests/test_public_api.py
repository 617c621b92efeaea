"""The verbs exported from the package root resolve, and cost nothing until used."""

from __future__ import annotations

import subprocess
import sys

import prytulak
from tests.conftest import TODAY, load_demo


def test_every_exported_verb_resolves() -> None:
    for name in prytulak.__all__:
        assert getattr(prytulak, name) is not None, name


def test_load_assess_review_through_the_root() -> None:
    case = load_demo("protester")
    assessment = prytulak.assess(case, as_of=TODAY)
    report = prytulak.review_case(case, today=TODAY)
    assert "one_year" in {d.id for d in assessment.deadlines()}
    assert report.blocking == ()


def test_the_review_verb_survives_importing_the_review_subpackage() -> None:
    import prytulak.review

    assert callable(prytulak.review_case)


def test_importing_the_package_imports_no_domain_module() -> None:
    code = (
        "import sys, prytulak; print(sorted(m for m in sys.modules if m.startswith('prytulak.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['prytulak.lazy']"
