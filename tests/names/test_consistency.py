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


def test_belarusian_declined_forms_with_the_u_short_alternation_are_not_reported() -> None:
    case = load_demo("protester")
    texts = {
        "E05": "Пратакол: Яўгена Казлова; Казлову Яўгену; з Казловым Яўгенам.",
        "E06": "Абвінавачаны Казлоў Я.П.",
    }
    assert check_name_consistency(case, texts) == []


def test_u_short_alternation_only_for_declined_forms() -> None:
    from prytulak.names.consistency import PersonNames, _is_recorded, _recorded_words

    known = _recorded_words(PersonNames("x", "x", ("Навумаў Уладзімір",)))
    assert _is_recorded("Навумава", known) and _is_recorded("Навумаву", known)
    assert not _is_recorded("Навумов", known)  # the bare Russian-like form is another spelling


def test_a_title_before_the_name_is_not_part_of_the_spelling_found() -> None:
    case = load_demo("protester")
    assert check_name_consistency(case, {"E09": "Обвиняемый Козлов Е.П. признан виновным"}) == []
    findings = check_name_consistency(case, {"E09": "Обвиняемый Kozlov Evgeny P."})
    (finding,) = findings
    assert [f.text for f in finding.found] == ["Kozlov Evgeny"]
