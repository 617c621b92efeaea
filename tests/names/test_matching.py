"""Cross-script matching: known pairs match, unrelated names do not, and scores explain."""

from __future__ import annotations

import pytest

from prytulak.names import DEFAULT_THRESHOLD, compare_names, name_key

SAME_PERSON = [
    ("NAUMAU, Uladzimir Uladzimiravich", "Uladzimir Uladzimiravich NAVUMAU"),  # OFAC vs EU
    ("Навумаў Уладзімір", "Наумов Владимир"),
    ("Навумаў Уладзімір Уладзіміравіч", "Vladimir Vladimirovich NAUMOV"),
    ("Аляксандр Лукашэнка", "Alexander Lukashenko"),
    ("Александр Лукашенко", "LUKASHENKA, Alyaksandr Ryhorovich"),
    ("Дмитрий Балаба", "Dzmitry Balaba"),
    ("Іван Кубракоў", "Ivan Kubrakov"),
    ("Юрий Караев", "Yury Karayeu"),
    ("Сяргей Хоменка", "Sergei Khomenko"),
    ("Лукашэвіч Уладзімір", "Lukashevich Vladimir"),
    ("SIARHEI NAVITSKI", "Сергей Навицкий"),
    ("Sviatlana Tsikhanouskaya", "Светлана Тихановская"),
    ("Aliaksandr Vasilevich", "Александр Василевич"),
    ("Dzianis Hrynkevich", "Денис Гринкевич"),
    ("PAULICHENKA, Dzmitry Valeryevich", "Павличенко Дмитрий Валерьевич"),
    ("Yauhen Kazlou", "Евгений Козлов"),
]
DIFFERENT_PEOPLE = [
    ("Аляксандр Лукашэнка", "Dzmitry Balaba"),
    ("Aliaksandr Vasilevich", "Aliaksandr Lukashenka"),
    ("Aliaksandr Vasilevich", "Andrei Piatrovich Vasilenka"),
    ("Uladzimir Navumau", "Uladzimir Makei"),
    ("Łukaszewicz Włodzimierz", "Лукашэвіч Уладзімір"),
    ("Ivan Petrov", "Petr Ivanov"),
    ("Dzianis Hrynkevich", "Dzmitry Valeryevich Paulichenka"),
    ("Sviatlana Tsikhanouskaya", "Sviatlana Aliaksandrauna Kazlova"),
]


@pytest.mark.parametrize(("left", "right"), SAME_PERSON)
def test_known_cross_script_pairs_match(left: str, right: str) -> None:
    match = compare_names(left, right)
    assert match.score >= DEFAULT_THRESHOLD, match.explanation()


@pytest.mark.parametrize(("left", "right"), DIFFERENT_PEOPLE)
def test_unrelated_names_do_not_match(left: str, right: str) -> None:
    match = compare_names(left, right)
    assert match.score < DEFAULT_THRESHOLD, match.explanation()


def test_comparison_is_symmetric_enough() -> None:
    a, b = "NAUMAU Uladzimir", "Владимир Наумов"
    assert abs(compare_names(a, b).score - compare_names(b, a).score) <= 5


def test_explanation_names_the_variant_that_met() -> None:
    match = compare_names("Уладзімір Навумаў", "Vladimir Naumov")
    text = " ".join(match.explanation())
    assert "Russian form Владимир" in text or "Belarusian form Уладзімір" in text
    assert "same key" in text
    assert match.matched_variant


def test_missing_surname_caps_the_score() -> None:
    match = compare_names("Aliaksandr", "Aliaksandr Lukashenka")
    assert match.score <= 60
    assert "only one name part" in " ".join(match.notes)


def test_empty_name_scores_zero() -> None:
    assert compare_names("", "Aliaksandr").score == 0


@pytest.mark.parametrize(
    "spellings",
    [
        ("ALIAKSANDR", "Alyaksandr", "Aljaksandr", "Аляксандр"),
        ("Lukashenka", "Lukashenko", "Лукашэнка", "Лукашенко"),
        ("Siarhei", "Syarhyey", "Siarhej"),
        ("Dmitrii", "Dmitriy", "Dmitry"),
        ("Natallia", "Natal’ya", "Natallya"),
    ],
)
def test_systems_fold_to_one_key(spellings: tuple[str, ...]) -> None:
    assert len({name_key(s) for s in spellings}) == 1
