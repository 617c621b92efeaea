"""Reading dates and durations in Russian, Belarusian and English text (documents, narratives)."""

from .dates import FoundDate, find_dates
from .durations import FoundDuration, find_durations
from .ranges import FoundRange, find_date_ranges, find_release_dates

__all__ = [
    "FoundDate",
    "FoundDuration",
    "FoundRange",
    "find_date_ranges",
    "find_dates",
    "find_durations",
    "find_release_dates",
]
