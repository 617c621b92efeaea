"""A document stating a detention's span or release day is checked against the event's dates."""

from __future__ import annotations

import json

import pytest

from prytulak.case import CaseFile, dump_case_json, parse_case_text
from prytulak.review import DocumentPage, DocumentText, review
from prytulak.text import find_date_ranges, find_release_dates
from tests.conftest import TODAY, load_demo

# The Okrestina release certificate as OCR'd (Ryabtsau): 12 to 23 May, released on the 23rd.
CERTIFICATE = """ГУ «Центр изоляции правонарушителей
ГУВД Мингорисполкома»
СПРАВКА № 1187
Выдана гражданину Рябцову Дмитрию Александровичу,
14.09.1996 года рождения, в том, что он содержался
в ЦИП с 12.05.2023 по 23.05.2023 во исполнение
постановления суда Партизанского района г. Минска
от 13.05.2023 об административном аресте
сроком на 10 (десять) суток по ч. 2 ст. 19.1 КоАП.

Освобожден 23.05.2023.
"""


def _detention(first: str, last: str) -> CaseFile:
    data = json.loads(dump_case_json(load_demo("protester")))
    data["claim"]["events"][1].update(date=first, end=last)
    return parse_case_text(json.dumps(data).encode(), "case.json", today=TODAY)


def _mismatches(case: CaseFile, text: str) -> list[str]:
    document = DocumentText("E05", "E05.png", (DocumentPage(1, text),))
    report = review(case, today=TODAY, documents=(document,))
    assert report.failed_checks == ()
    found = [f for f in report.findings if f.code == "text.date-mismatch"]
    return [f"{f.location} -> {f.related[0]}" for f in found]


def test_certificate_release_day_one_day_after_the_case_end() -> None:
    found = _mismatches(_detention("2023-05-12", "2023-05-22"), CERTIFICATE)
    assert found == ["evidence E05 (E05.png), page 1, line 6 -> claim.events[1].end"]


def test_certificate_that_agrees_raises_nothing() -> None:
    assert _mismatches(_detention("2023-05-12", "2023-05-23"), CERTIFICATE) == []


def test_first_day_differs_too() -> None:
    found = _mismatches(_detention("2023-05-11", "2023-05-23"), CERTIFICATE)
    assert found == ["evidence E05 (E05.png), page 1, line 6 -> claim.events[1].date"]


@pytest.mark.parametrize(
    "text",
    [
        "з 12.05.2023 па 23.05.2023",
        "с 12 мая 2023 г. по 23 мая 2023 г.",
        "held from May 12, 2023 to May 23, 2023",
        "from 12 May 2023 through 23 May 2023",
    ],
)
def test_ranges_in_three_languages(text: str) -> None:
    (span,) = find_date_ranges(text)
    assert (span.first.value.day, span.last.value.day) == (12, 23)


def test_release_words() -> None:
    texts = ["Освобождена 23.05.2023", "Вызвалены: 23.05.2023", "Released on 23 May 2023"]
    assert [[d.value.day for d in find_release_dates(t)] for t in texts] == [[23], [23], [23]]
    assert find_release_dates("Постановление от 23.05.2023") == []
