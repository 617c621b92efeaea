"""What can go wrong in the evidence locker, each with a message that names the fix."""

from __future__ import annotations

from pathlib import Path

__all__ = ["EvidenceError", "IntakeRefused", "LockerBusy", "NotFound", "unreadable_file"]


class EvidenceError(Exception):
    """A problem the user can fix; ``str()`` is the message to show (problem, then fix)."""

    def __init__(self, problem: str, fix: str = "") -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(f"{problem}; {fix}" if fix else problem)


class IntakeRefused(EvidenceError):
    """A file that the locker will not take, with a stable ``code`` (e.g. 'encrypted-pdf')."""

    def __init__(self, code: str, problem: str, fix: str = "") -> None:
        self.code = code
        super().__init__(problem, fix)


class NotFound(EvidenceError):
    """No item, page or translation with that id."""


class LockerBusy(EvidenceError):
    """Another Prytulak process is changing this locker right now."""


def unreadable_file(what: str, error: Exception, case_folder: Path | str = "CASE") -> EvidenceError:
    """A locker file that is missing, altered or under another key (``error`` is the
    ``BlobError``), as a message naming ``what`` (e.g. "F002 (statement.txt)"; empty where the
    caller names the item itself) and the fix."""
    problem = f"its file cannot be read from the locker ({error})"
    return EvidenceError(
        f"{what}: {problem}" if what else problem,
        f"run `prytulak evidence verify {case_folder}` to see what changed, "
        "and restore the case folder from a backup",
    )
