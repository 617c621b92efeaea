"""Explanations read as sentences in every language: no placeholder dashes or empty lists."""

from __future__ import annotations

from datetime import date

import pytest

from prytulak.case import case_from_data
from prytulak.law import assess
from prytulak.law.assessment import LANGUAGES
from tests.law.conftest import BASE_CASE, merged

FEARS_TORTURE_ONLY = {
    "claim": {
        "apply_for_cat": True,
        "actors": [{"id": "kgb", "kind": "kgb"}],
        "fears": [{"harm": "colony", "why": "sentence", "from_whom": ["kgb"], "torture": True}],
    }
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_torture_convention_without_recorded_torture_has_no_placeholder(lang: str) -> None:
    case = case_from_data(
        merged(BASE_CASE, FEARS_TORTURE_ONLY), source="cat", today=date(2026, 11, 26)
    )
    finding = assess(case, date(2026, 11, 26)).finding("relief.cat")
    assert finding is not None
    text = finding.text(lang)
    assert "—" not in text and ": )" not in text and ":)" not in text
    assert {"en": "Torture is feared", "ru": "опасается пыток", "be": "асцерагаецца катаванняў"}[
        lang
    ] in text
