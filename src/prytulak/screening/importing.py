"""Importing a downloaded list file into the index: detect or choose the format, parse, store."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .errors import ListFileError
from .formats import detect_format, get_format
from .index import ScreeningIndex, StoredList
from .records import ParsedList

__all__ = ["ImportResult", "import_list", "read_list"]


@dataclass(frozen=True)
class ImportResult:
    stored: StoredList
    replaced: StoredList | None
    warnings: tuple[str, ...]


def read_list(
    path: Path, format_id: str | None = None, list_date: date | None = None
) -> ParsedList:
    """Parse a list file; ``list_date`` overrides the date found in (or guessed for) the file."""
    path = Path(path)
    if not path.is_file():
        raise ListFileError(f"{path}: no such file; give the path of the downloaded list file")
    chosen = get_format(format_id) if format_id else detect_format(path)
    parsed = chosen.read(path)
    if not parsed.entries:
        raise ListFileError(
            f"{path}: read as {chosen.id} but no entries were found; is it the right file?"
        )
    today = date.today()
    if list_date is not None:
        if list_date > today:
            raise ListFileError(
                f"--list-date {list_date.isoformat()} is in the future (today is "
                f"{today.isoformat()}); give the date the list was published"
            )
        parsed.info = replace(parsed.info, list_date=list_date, date_note="given by the user")
    found = parsed.info.list_date
    if found is not None and found > today:
        raise ListFileError(
            f"{path}: the list says it is dated {found.isoformat()} ({parsed.info.date_note}), "
            f"which is in the future (today is {today.isoformat()}); the file is damaged or "
            "not an official list — download it again, or pass --list-date with the date the "
            "list was published"
        )
    return parsed


def import_list(
    index: ScreeningIndex,
    path: Path,
    format_id: str | None = None,
    list_date: date | None = None,
) -> ImportResult:
    parsed = read_list(path, format_id, list_date)
    previous = index.stored_list(parsed.info.source_id)
    warnings = list(parsed.warnings)
    new_date = parsed.info.list_date
    if previous and previous.list_date and new_date and new_date < previous.list_date:
        warnings.append(
            f"the imported list ({new_date}) is older than the one it replaces "
            f"({previous.list_date})"
        )
    stored = index.replace_list(parsed, Path(path))
    return ImportResult(stored, previous, tuple(warnings))
