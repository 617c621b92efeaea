"""Dates with their precision, and messages that say how to write them."""

from __future__ import annotations

from datetime import date

import pytest

from prytulak.case import Precision, parse_partial_date


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2020-08-10", Precision.DAY, date(2020, 8, 10), date(2020, 8, 10)),
        ("2020-08", Precision.MONTH, date(2020, 8, 1), date(2020, 8, 31)),
        ("2024-02", Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29)),
        ("2020", Precision.YEAR, date(2020, 1, 1), date(2020, 12, 31)),
        ("2020-08-10/2020-08-25", Precision.RANGE, date(2020, 8, 10), date(2020, 8, 25)),
        ("2020-08/2021", Precision.RANGE, date(2020, 8, 1), date(2021, 12, 31)),
    ],
)
def test_forms(text: str, precision: Precision, earliest: date, latest: date) -> None:
    value = parse_partial_date(text)
    assert (value.precision, value.earliest, value.latest) == (precision, earliest, latest)
    assert str(value) == text


def test_approximate() -> None:
    value = parse_partial_date("~2021-03")
    assert value.approximate and value.precision is Precision.MONTH
    assert value.exact is None
    assert value.describe() == "about March 2021"


def test_only_an_exact_day_is_exact() -> None:
    assert parse_partial_date("2020-08-10").exact == date(2020, 8, 10)
    assert parse_partial_date("2020-08").exact is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("31.02.1990", "write 1990-02-28, or 1990-02 if the day is unknown"),
        ("10.08.2020", "write 2020-08-10 (year-month-day)"),
        ("08/10/2020", "write 2020-08-10 (year-month-day)"),
        ("2020-13", "month from 01 to 12"),
        ("2023-02-29", "write 2023-02-28"),
        ("last summer", "write YYYY-MM-DD"),
        ("2020-08-25/2020-08-10", "ends before it starts"),
        ("March 2021", "write 2021-03 (year-month)"),
        ("about 2022", "write ~2022 (~ marks an approximate date)"),
        ("2021-3", "write 2021-03"),
        ("10 августа 2020", "write 2020-08-10"),
        ("жнівень 2020", "write 2020-08"),
        ("около 10.08.2020", "write ~2020-08-10"),
    ],
)
def test_messages(text: str, says: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_partial_date(text)
    assert says in str(caught.value)


def test_leap_day_is_a_date() -> None:
    assert parse_partial_date("2024-02-29").exact == date(2024, 2, 29)
