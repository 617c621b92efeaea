"""The glossary the translation workflow and the declaration use."""

from __future__ import annotations

from prytulak.country import find_terms, lookup_term


def test_russian_and_belarusian_terms_have_one_english_rendering() -> None:
    assert lookup_term("следователь") == "investigator"
    assert lookup_term("следчы", language="be") == "investigator"
    assert lookup_term("СИЗО") == "pre-trial detention center (SIZO)"
    assert lookup_term("СІЗА") == "pre-trial detention center (SIZO)"


def test_lookup_folds_case_and_yo() -> None:
    assert lookup_term("ПОЛИТЗАКЛЮЧЕННЫЙ") == "political prisoner"


def test_unknown_terms_say_so() -> None:
    assert lookup_term("картофель") is None
    assert lookup_term("следователь", language="be") is None


def test_terms_are_found_in_running_text_in_order() -> None:
    text = "Меня задержал ОМОН, отвезли в ЦИП на Окрестина, потом следователь выдал повестку."
    found = [hit.term.en for hit in find_terms(text)]
    assert found == [
        "riot police (OMON)",
        "Offenders' Isolation Center (TsIP)",
        "investigator",
        "summons",
    ]
