"""Long work (OCR, translation) as resumable jobs with progress.

A job is a named list of units (item ids). Its state file (``locker/jobs/<name>.json``) records
which units are done; it is rewritten atomically after each unit, so a killed job picks up
where it stopped. Within a unit, OCR results are cached per page by content hash, so even a
half-finished item does not redo its finished pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from prytulak.store.blobs import BlobError
from prytulak.store.folder import atomic_write

from .errors import EvidenceError, unreadable_file
from .locker import Locker
from .records import now_utc

__all__ = ["JobObserver", "JobReport", "JobState", "pending_job", "run_job"]


class JobObserver:
    """Receives progress; the command line draws Rich progress bars from it."""

    def started(self, total: int, already_done: int) -> None: ...

    def unit_started(self, unit: str) -> None: ...

    def unit_progress(self, unit: str, done: int, total: int) -> None: ...

    def unit_finished(self, unit: str, error: str | None) -> None: ...


@dataclass
class JobReport:
    name: str
    done: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


Work = Callable[[str, Callable[[int, int], None]], None]
"""Does one unit; reports (done, total) of its own steps through the callback."""


@dataclass
class JobState:
    units: list[str]
    done: list[str] = field(default_factory=list)
    started: str = field(default_factory=now_utc)
    updated: str = field(default_factory=now_utc)


def run_job(
    locker: Locker, name: str, units: list[str], work: Work, observer: JobObserver | None = None
) -> JobReport:
    observer = observer or JobObserver()
    path = locker.jobs_dir / f"{name}.json"
    state = _load(path, units)
    report = JobReport(name, resumed=[u for u in units if u in state.done])
    observer.started(len(units), len(report.resumed))
    for unit in units:
        if unit in state.done:
            continue
        observer.unit_started(unit)

        def report_steps(done: int, total: int, unit: str = unit) -> None:
            observer.unit_progress(unit, done, total)

        try:
            try:
                work(unit, report_steps)
            except BlobError as error:  # missing or altered: this unit fails, the rest go on
                raise unreadable_file("", error, locker.case_folder) from error  # unit named
        except EvidenceError as error:
            report.failed[unit] = str(error)
            observer.unit_finished(unit, str(error))
            continue
        state.done.append(unit)
        state.updated = now_utc()
        _save(path, state)
        report.done.append(unit)
        observer.unit_finished(unit, None)
    if not report.failed:
        path.unlink(missing_ok=True)
    return report


def pending_job(locker: Locker, name: str) -> JobState | None:
    """The state of an unfinished job, if one was interrupted."""
    path = locker.jobs_dir / f"{name}.json"
    return _load(path, None) if path.is_file() else None


def _load(path: Path, units: list[str] | None) -> JobState:
    if path.is_file():
        try:
            state = JobState(**json.loads(path.read_text(encoding="utf-8")))
            if units is None or state.units == units:
                return state
        except (ValueError, TypeError):
            pass
    return JobState(units=units or [])


def _save(path: Path, state: JobState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(asdict(state), ensure_ascii=False).encode("utf-8"))
