"""Date arithmetic for deadlines: anniversaries, business days, day counts.

US federal holidays come from the ``holidays`` package (category ``public``): the days 5 U.S.C.
6103 lists, with Saturday holidays observed on Friday and Sunday holidays on Monday.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays as holiday_calendars
from dateutil.relativedelta import relativedelta

__all__ = ["add_months", "add_years", "is_business_day", "roll_back", "roll_forward"]


def add_years(day: date, years: int) -> date:
    """Same calendar day ``years`` later; 29 February becomes 28 February (the earlier day)."""
    result: date = day + relativedelta(years=years)
    return result


def add_months(day: date, months: int) -> date:
    result: date = day + relativedelta(months=months)
    return result


@lru_cache(maxsize=64)
def _federal_holidays(year: int) -> frozenset[date]:
    calendar = holiday_calendars.country_holidays("US", years=year, categories=("public",))
    return frozenset(calendar.keys())


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _federal_holidays(day.year)


def roll_forward(day: date) -> date:
    """The day itself, or the next day that is not a weekend or federal holiday."""
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def roll_back(day: date) -> date:
    """The day itself, or the previous day that is not a weekend or federal holiday."""
    while not is_business_day(day):
        day -= timedelta(days=1)
    return day
