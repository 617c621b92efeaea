"""Checks for the paths a command writes to (``--out`` and the like), before any work is done.

Every command that writes a file or a folder checks its target here first, so a target that
cannot be used (a file where a folder is wanted, a folder where a file is wanted, a place the
user may not write to) ends in one clear sentence naming the problem and the fix, never in a
traceback, and never after minutes of work have been thrown away.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import NoReturn

from ._output import EXIT_USAGE, fail

__all__ = [
    "OutputPathError",
    "check_output_file",
    "check_output_folder",
    "fail_output",
    "output_file",
    "output_folder",
    "write_bytes",
    "write_failed",
    "write_text",
]


class OutputPathError(Exception):
    """A path the command was asked to write to cannot be used; the message says the fix."""


def _existing_ancestor(path: Path) -> Path:
    """The nearest part of ``path`` (itself or a parent) that exists as anything."""
    for candidate in (path, *path.parents):
        if os.path.lexists(candidate):
            return candidate
    return Path(".")


def _not_a_folder(path: Path, flag: str) -> OutputPathError:
    return OutputPathError(f"{path} is a file, not a folder; choose another {flag}")


def _permission(path: Path) -> OutputPathError:
    return OutputPathError(
        f"cannot write to {path} (permission denied); choose a folder you can write to"
    )


def write_failed(path: Path, error: OSError, flag: str = "--out") -> OutputPathError:
    """The clear message for an ``OSError`` met while creating or writing ``path``."""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _permission(path)
    if error.errno == errno.EISDIR:
        return OutputPathError(f"{path} is a folder; give a file name such as {path / 'output'}")
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        blocker = _existing_ancestor(path)
        return _not_a_folder(blocker if blocker.is_file() else path, flag)
    if error.errno == errno.ENOSPC:
        return OutputPathError(f"cannot write to {path}: the disk is full; free some space")
    reason = error.strerror or type(error).__name__
    return OutputPathError(
        f"cannot write to {path} ({reason.lower()}); choose another {flag} in a folder you "
        "can write to"
    )


def check_output_folder(path: Path, flag: str = "--out", *, create: bool = True) -> Path:
    """``path`` as a folder to write into: made when missing (with ``create``), or
    ``OutputPathError`` when it or a parent is a file, or it cannot be written to."""
    path = Path(path)
    existing = _existing_ancestor(path)
    if existing.exists() and not existing.is_dir():
        raise _not_a_folder(existing, flag)
    if not os.access(existing, os.W_OK | os.X_OK):
        raise _permission(existing if existing != path else path)
    if create:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise write_failed(path, error, flag) from None
    return path


def check_output_file(
    path: Path, flag: str = "--out", *, example: str | None = None, create_parent: bool = True
) -> Path:
    """``path`` as a file to write: not a folder, and in a folder that exists (made when
    missing) and can be written to; else ``OutputPathError`` naming the fix."""
    path = Path(path)
    if path.is_dir():
        name = example or "output"
        raise OutputPathError(f"{path} is a folder; give a file name such as {path / name}")
    if os.path.lexists(path) and not os.access(path, os.W_OK):
        raise _permission(path)
    check_output_folder(path.parent, flag, create=create_parent)
    return path


def fail_output(error: OutputPathError) -> NoReturn:
    fail(str(error), EXIT_USAGE)


def output_file(path: Path, flag: str = "--out", *, example: str | None = None) -> Path:
    """``check_output_file``, ending the command with the message when the path is unusable."""
    try:
        return check_output_file(path, flag, example=example)
    except OutputPathError as error:
        fail_output(error)


def output_folder(path: Path, flag: str = "--out") -> Path:
    """``check_output_folder``, ending the command with the message when it is unusable."""
    try:
        return check_output_folder(path, flag)
    except OutputPathError as error:
        fail_output(error)


def write_bytes(path: Path, data: bytes, flag: str = "--out") -> None:
    """Write ``data`` to ``path``; an ``OSError`` ends the command with a clear message."""
    try:
        path.write_bytes(data)
    except OSError as error:
        fail_output(write_failed(path, error, flag))


def write_text(path: Path, text: str, flag: str = "--out") -> None:
    write_bytes(path, text.encode("utf-8"), flag)
