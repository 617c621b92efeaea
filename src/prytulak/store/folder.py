"""A case is a folder: ``case.yaml`` plus ``evidence/``.

Saves are atomic: the new text goes to a temporary file in the same folder, is flushed and
fsync'd, and then renamed over ``case.yaml`` (and the folder fsync'd), so a crash at any moment
leaves either the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prytulak.case import CaseFile, dump_case, load_case, parse_case_text

__all__ = ["CaseFolder", "atomic_write", "create_case_folder", "save_case"]

CASE_FILE = "case.yaml"
EVIDENCE_DIR = "evidence"


@dataclass(frozen=True)
class CaseFolder:
    path: Path

    @property
    def case_file(self) -> Path:
        return self.path / CASE_FILE

    @property
    def evidence_dir(self) -> Path:
        return self.path / EVIDENCE_DIR

    def load(self, today: date | None = None) -> CaseFile:
        return load_case(self.case_file, today)

    def save(self, case: CaseFile, today: date | None = None) -> None:
        save_case(self.path, case, today)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new bytes, never a mix."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_case(folder: Path, case: CaseFile, today: date | None = None) -> Path:
    """Write ``case.yaml``; an existing file is edited in place, so its comments and layout
    stay and only what changed is rewritten (``prytulak.case.dump_case``).

    Nothing is written unless the text would load back as a valid case (the model and the
    integrity checks, as of ``today``): otherwise ``CaseFileError`` lists every problem and
    the file on disk, and the folder, stay as they were."""
    folder = Path(folder)
    target = folder / CASE_FILE
    try:
        previous: str | None = target.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        previous = None
    text = dump_case(case, over=previous).encode("utf-8")
    parse_case_text(text, str(target), today)  # raises CaseFileError: nothing written
    folder.mkdir(parents=True, exist_ok=True)
    (folder / EVIDENCE_DIR).mkdir(exist_ok=True)
    atomic_write(target, text)
    return target


def create_case_folder(folder: Path, case: CaseFile, today: date | None = None) -> CaseFolder:
    """Make a new case folder; refuse to overwrite an existing case (``FileExistsError``) or
    to write one that is not valid (``CaseFileError``)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise FileExistsError(f"{folder} is a file, not a folder; choose another folder")
    if (folder / CASE_FILE).exists():
        raise FileExistsError(
            f"{folder / CASE_FILE} already exists; choose another folder or edit that case"
        )
    save_case(folder, case, today)
    return CaseFolder(folder)
