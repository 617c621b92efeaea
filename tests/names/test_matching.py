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


@pytest.mark.parametrize(
    ("left", "right", "reason"),
    [
        ("Иванов Иван Иванович", "Иванов Иван Петрович", "different patronymics"),
        ("Иванов Иван Иванович", "Иванов Иван Ивановна", "a son's and a daughter's patronymic"),
        ("Ivanov Ivan", "Ivanova Ivanna", "masculine and feminine surname forms"),
        ("Ivanou Aleh", "Ivanova Olga", "masculine and feminine surname forms"),
        ("Tsikhanouski Siarhei", "Tsikhanouskaya Siarhei", "masculine and feminine surname"),
        ("Navitskii Siarhei", "Navitskaia Siarhei", "masculine and feminine surname forms"),
        ("Василевич Алексей", "Alexander Nikolaevich VASILEVICH", "different given names"),
    ],
)
def test_conflicting_parts_cap_the_score_with_the_reason(
    left: str, right: str, reason: str
) -> None:
    for a, b in ((left, right), (right, left)):
        match = compare_names(a, b)
        assert match.score < DEFAULT_THRESHOLD, match.explanation()
        assert any(reason in line for line in match.explanation()), match.explanation()


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Vasilevich Aliaksandr", "Василевич Александра"),  # -ich is the same for women and men
        ("Иванов Иван Иванович", "IVANOV, Ivan Ivanovich"),
        ("Лукашенко Александр Григорьевич", "LUKASHENKA, Alyaksandr Ryhorovich"),
        ("Kalesnikava Maryia", "Колесникова Мария"),
    ],
)
def test_no_conflict_between_forms_of_one_name(left: str, right: str) -> None:
    match = compare_names(left, right)
    assert not any("different" in n or "masculine" in n for n in match.notes), match.notes


def test_two_initials_are_read_in_order_given_name_then_patronymic() -> None:
    listed = "Aliaksandr Mikalaevich VASILEVICH"
    right_order = compare_names("Василевич А.Н.", listed)
    assert right_order.score >= DEFAULT_THRESHOLD, right_order.explanation()
    assert "initial of the given name" in " ".join(right_order.explanation())
    swapped = compare_names("Василевич Н.А.", listed)
    assert swapped.score < DEFAULT_THRESHOLD, swapped.explanation()
    assert "read in order" in " ".join(swapped.explanation())
    assert compare_names("А.Н. Василевич", listed).score >= DEFAULT_THRESHOLD
    assert compare_names("Н.А. Василевич", listed).score < DEFAULT_THRESHOLD


def test_a_single_initial_still_meets_the_given_name() -> None:
    assert compare_names("Василевич А.", "Aliaksandr Mikalaevich VASILEVICH").score >= 85


@pytest.mark.parametrize(
    ("belarusian", "russian"),
    [("Падабед", "Подобед"), ("Зянковіч", "Зенкович"), ("Калеснікава", "Колесникова")],
)
def test_akanne_and_yakanne_give_russian_candidates(belarusian: str, russian: str) -> None:
    from prytulak.names import analyze_name
    from prytulak.names.forms import other_language_form, russian_candidates

    assert russian in russian_candidates(belarusian)
    assert other_language_form(belarusian, "be") != russian  # a candidate, not the conversion
    assert russian in analyze_name(belarusian).tokens[0].forms["ru"]


def test_adjectival_ending_is_not_turned_into_o() -> None:
    from prytulak.names.forms import russian_candidates

    assert all(c.endswith("ская") for c in russian_candidates("Ціханоўская"))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Юрый Падабед", "PODOBED, Yury Nikolaevich"),
        ("Зянковіч Уладзімір", "Зенкович Владимир"),
        ("Калеснікава Марыя", "KOLESNIKOVA Maria"),
    ],
)
def test_akanne_pairs_match(left: str, right: str) -> None:
    match = compare_names(left, right)
    assert match.score >= DEFAULT_THRESHOLD, match.explanation()
