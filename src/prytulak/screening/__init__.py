"""Screening named persecutors against sanctions lists (OFAC SDN, EU FSF, UK Sanctions List).

Public verbs: ``import_list`` (a downloaded file into the local index), ``screen_case`` (every
named actor of a case), ``screen_name``; ``open_index`` opens the index in the data directory.
Hits are possible matches with a score, for the attorney to confirm; never certain.
"""

from pathlib import Path

from .datadir import ENV_VAR, data_dir, index_path
from .download import OFFICIAL_SOURCES, download_list
from .errors import ListFileError, NetworkDisabledError, ScreeningIndexError
from .formats import ListFormat, detect_format, get_format, list_formats
from .importing import ImportResult, import_list, read_list
from .index import ScreeningIndex, StoredList
from .records import ListedName, ListEntry, ListInfo, ParsedList
from .screen import (
    NO_HIT_NOTE,
    REVIEW_NOTE,
    ScreeningHit,
    ScreeningReport,
    SurnameOnly,
    screen_case,
    screen_name,
    surname_entries,
)


def open_index(data_directory: Path | None = None) -> ScreeningIndex:
    """The index in the data directory (explicit, else $PRYTULAK_DATA_DIR, else the user's)."""
    return ScreeningIndex(index_path(data_directory))


__all__ = [
    "ENV_VAR",
    "NO_HIT_NOTE",
    "OFFICIAL_SOURCES",
    "REVIEW_NOTE",
    "ImportResult",
    "ListEntry",
    "ListFileError",
    "ListFormat",
    "ListInfo",
    "ListedName",
    "NetworkDisabledError",
    "ParsedList",
    "ScreeningHit",
    "ScreeningIndex",
    "ScreeningIndexError",
    "ScreeningReport",
    "StoredList",
    "SurnameOnly",
    "data_dir",
    "detect_format",
    "download_list",
    "get_format",
    "import_list",
    "index_path",
    "list_formats",
    "open_index",
    "read_list",
    "screen_case",
    "screen_name",
    "surname_entries",
]
