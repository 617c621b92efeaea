"""Reading dates and durations in Russian, Belarusian and English text (documents, narratives)."""

from .dates import FoundDate, find_dates
from .durations import FoundDuration, find_durations

__all__ = ["FoundDate", "FoundDuration", "find_dates", "find_durations"]
