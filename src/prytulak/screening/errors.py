"""Problems with a list file or the screening index, phrased for the person at the keyboard."""

from __future__ import annotations

__all__ = ["ListFileError", "NetworkDisabledError", "ScreeningIndexError"]


class ListFileError(ValueError):
    """A sanctions-list file cannot be read; the message names the file, the problem and the fix."""


class ScreeningIndexError(RuntimeError):
    """The local screening index is missing or unreadable."""


class NetworkDisabledError(PermissionError):
    """A download was asked for without turning network use on."""
