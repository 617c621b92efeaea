"""Names in evidence text against the case record."""

from __future__ import annotations

from prytulak.names.consistency import case_people, check_name_consistency
from tests.conftest import load_demo


def test_differing_spellings_are_reported_with_their_evidence() -> None:
    case = load_demo("protester")
    texts = {
        "E02": "Arrival record: Evgeny Kozlov, arrived 02 March 2026.",
        "E05": "Сведения о задержанном: Казлоў Яўгеній.",
    }
    findings = check_name_consistency(case, texts)
    applicant = next(f for f in findings if f.person_id == "applicant")
    found = {(f.evidence_id, f.text) for f in applicant.found}
    assert ("E02", "Evgeny Kozlov") in found
    assert ("E05", "Казлоў Яўгеній") in found
    assert "E02" in applicant.message()


def test_recorded_spellings_and_declined_forms_are_not_reported() -> None:
    case = load_demo("protester")
    texts = {
        "E01": "Passport: KAZLOU YAUHEN PIATROVICH",
        "E09": "в отношении Козлова Евгения Петровича, судья Василевич",
        "E08": "Гражданину Козлову Евгению Петровичу явиться к следователю Гринкевичу Денису",
    }
    assert check_name_consistency(case, texts) == []


def test_unrelated_names_in_text_are_ignored() -> None:
    case = load_demo("protester")
    texts = {"E10": "Viasna lists Ales Bialiatski and Maria Kalesnikava as political prisoners."}
    assert check_name_consistency(case, texts) == []


def test_people_include_family_and_named_actors_only() -> None:
    people = {p.person_id for p in case_people(load_demo("protester"))}
    assert {"applicant", "mother", "sister", "judge", "investigator"} <= people
    assert "omon" not in people
