"""Name variants for the I-589 'other names used' and for matching."""

from __future__ import annotations

from prytulak.names import analyze_name, name_variants


def _texts(name: str) -> set[str]:
    return {v.text for v in name_variants(name)}


def test_belarusian_name_gets_passport_bgn_and_russian_forms() -> None:
    texts = _texts("Аляксандр Лукашэнка")
    assert "Aliaksandr Lukashenka" in texts  # passport
    assert "Alyaksandr Lukashenka" in texts  # BGN/PCGN, as OFAC writes it
    assert "Александр Лукашенко" in texts  # Russian form
    assert "Aleksandr Lukashenko" in texts  # Russian passport
    assert "Alexander Lukashenko" in texts  # conventional English spelling


def test_russian_name_gets_belarusian_forms_and_patronymic() -> None:
    texts = _texts("Наумов Владимир Владимирович")
    assert "Uladzimir" in " ".join(texts)
    assert "Навумоў Уладзімір Уладзіміравіч" in texts or any("Уладзіміравіч" in t for t in texts)
    assert "Naumov Vladimir Vladimirovich" in texts
    assert "Naumov Vladimir Vladimirovich" in texts


def test_latin_given_name_is_recognized() -> None:
    texts = _texts("Yauhen Kazlou")
    assert "Evgenii Kazlou" in texts  # Russian form of the given name, Russian passport
    assert "Iauhen Kazlou" in texts


def test_each_variant_says_how_it_was_made() -> None:
    for variant in name_variants("Сяргей Навіцкі"):
        assert variant.how


def test_roles_of_tokens() -> None:
    name = analyze_name("Уладзімір Уладзіміравіч Навумаў")
    assert [t.role for t in name.tokens] == ["given", "patronymic", "surname"]
    # a -vich surname after a given name in a two-part name is the surname, not a patronymic
    assert [t.role for t in analyze_name("Aliaksandr Vasilevich").tokens] == ["given", "surname"]


def test_passport_systems_can_be_named_by_a_country_pack() -> None:
    from prytulak.names.analysis import passport_spelling
    from prytulak.names.variants import name_variants

    assert passport_spelling("Сяргей") == "SIARHEI"
    assert passport_spelling("Сергей", "ru-icao") == "SERGEI"
    default = {v.text for v in name_variants("Сяргей Навумаў")}
    without = {v.text for v in name_variants("Сяргей Навумаў", passport_systems=())}
    assert "Sergey Navumau" in default - without  # conventional given name on a be passport
