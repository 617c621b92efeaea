"""Profile selection from Russian and Belarusian free text, as an applicant writes it."""

from __future__ import annotations

import pytest

from prytulak.case import CaseFile, PartialDate
from prytulak.country import get_pack, select_profiles
from tests.conftest import load_demo

PACK = get_pack("BY")


def bare_case() -> CaseFile:
    """The protester case with nothing that selects a profile: no events, no characteristics."""
    case = load_demo("protester")
    claim = case.claim.model_copy(
        update={"events": [], "activities_abroad": [], "family_harm": [], "political_opinion": None}
    )
    history = case.history.model_copy(update={"employment": []})
    return case.model_copy(update={"claim": claim, "history": history})


def with_event(summary: str, narrative: str | None = None, date: str = "2020-08-10") -> CaseFile:
    case = load_demo("protester")
    event = case.claim.events[0].model_copy(
        update={
            "date": PartialDate.parse(date),
            "end": None,
            "summary": summary,
            "narrative": narrative,
            "stated_reason": None,
            "charges": [],
            "harms": [],
            "actors": [],
        }
    )
    bare = bare_case()
    return bare.model_copy(update={"claim": bare.claim.model_copy(update={"events": [event]})})


def profiles(case: CaseFile) -> dict[str, tuple[str, ...]]:
    return {m.profile.id: m.reasons for m in select_profiles(case, PACK)}


def test_the_bare_case_selects_nothing() -> None:
    assert profiles(bare_case()) == {}
    assert profiles(with_event("Поездка по маршруту Минск - Гродно")) == {}


@pytest.mark.parametrize(
    ("summary", "keyword"),
    [
        ("Меня задержали на мирном митинге у Стелы", "митинг"),
        ("Избили в изоляторе на Окрестина", "окрестин"),
        ("Мяне затрымалі на пратэсце ля Стэлы", "пратэсц"),  # ст -> сц before е
        ("Тры дні трымалі на Акрэсціне", "акрэсцін"),
        ("Три дни трымали на Акрэсцине", "акрэсцін"),  # Belarusian typed without і
    ],
)
def test_a_russian_or_belarusian_account_of_a_2020_protest_selects_protesters(
    summary: str, keyword: str
) -> None:
    reasons = profiles(with_event(summary))["protesters_2020"]
    assert reasons == (f"event 'protest-2020-08-09' (2020-08-10) mentions '{keyword}': {summary}",)


def test_the_narrative_counts_and_the_protest_window_still_applies() -> None:
    narrative = "Я участвовал в шествии, меня задержал ОМОН."
    assert "protesters_2020" in profiles(with_event("Задержание", narrative))
    assert "protesters_2020" not in profiles(with_event("Задержание", narrative, "2023-03-01"))


def test_every_word_of_a_phrase_may_inflect() -> None:
    case = with_event("Обыск", "Нашли у меня экстремистские материалы и возбудили дело.")
    assert "donors_and_subscribers" in profiles(case)
    be = with_event("Ператрус", "Знайшлі экстрэмісцкія матэрыялы ў тэлефоне.")
    assert "donors_and_subscribers" in profiles(be)


def test_a_trial_in_absentia_in_russian_selects_returnees() -> None:
    reasons = profiles(with_event("Заочно осуждён по ст. 361-1", date="2024-05-02"))
    assert any("'заочн'" in r for r in reasons["returnees_and_abroad"])


def with_applicant(**fields: object) -> CaseFile:
    case = bare_case()
    return case.model_copy(update={"applicant": case.applicant.model_copy(update=fields)})


def believer(religion: str) -> CaseFile:
    case = with_applicant(religion=religion)
    return case.model_copy(
        update={"claim": case.claim.model_copy(update={"grounds": ["religion"]})}
    )


def test_a_catholic_written_in_russian_or_belarusian_is_a_religious_minority() -> None:
    assert "religious_minorities" in profiles(believer("католик"))
    assert "religious_minorities" in profiles(believer("каталічка"))
    assert "religious_minorities" not in profiles(with_applicant(religion="католик"))  # no ground


def test_employment_and_social_group_in_russian() -> None:
    case = bare_case()
    job = load_demo("journalist").history.employment[0]
    history = case.history.model_copy(
        update={"employment": [job.model_copy(update={"occupation": "журналистка"})]}
    )
    claim = case.claim.model_copy(update={"social_groups": ["геи в Беларуси"]})
    selected = profiles(case.model_copy(update={"history": history, "claim": claim}))
    assert selected["journalists"][0].startswith("employment mentions 'журналист'")
    assert selected["lgbtq"] == ("particular social group mentions 'геи': геи в Беларуси",)


def test_english_reasons_come_first_and_are_unchanged_for_english_text() -> None:
    reasons = profiles(with_event("Detained at a protest near the Stela"))["protesters_2020"]
    assert reasons == (
        "event 'protest-2020-08-09' (2020-08-10) mentions 'protest': "
        "Detained at a protest near the Stela",
    )


def test_native_keywords_are_in_the_pack_languages_and_lower_case() -> None:
    for profile in PACK.profiles:
        rule = profile.selected_when
        for table in (rule.native_keywords, rule.native_event_keywords):
            assert set(table) <= set(PACK.languages), profile.id
            for words in table.values():
                assert all(w == w.lower() and w.strip() == w for w in words), profile.id
