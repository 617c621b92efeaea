"""Long jobs resume where they stopped; failures are reported per item, not fatal."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from prytulak.evidence import EvidenceError, Locker, load_glossary, pending_job, run_job


class Interrupted(Exception):
    """Stands in for the process being killed."""


def test_an_interrupted_job_resumes_without_redoing_finished_units(locker: Locker) -> None:
    calls: list[str] = []

    def work(unit: str, step: Callable[[int, int], None]) -> None:
        if unit == "F003" and "F003" not in calls:
            calls.append(unit)
            raise Interrupted
        calls.append(unit)
        step(1, 1)

    units = ["F001", "F002", "F003", "F004"]
    with pytest.raises(Interrupted):
        run_job(locker, "ocr", units, work)
    state = pending_job(locker, "ocr")
    assert state is not None and state.done == ["F001", "F002"]
    report = run_job(locker, "ocr", units, work)
    assert report.resumed == ["F001", "F002"] and report.done == ["F003", "F004"]
    assert calls == ["F001", "F002", "F003", "F003", "F004"]
    assert pending_job(locker, "ocr") is None


def test_a_failing_unit_is_reported_and_the_rest_still_run(locker: Locker) -> None:
    def work(unit: str, _step: Callable[[int, int], None]) -> None:
        if unit == "F002":
            raise EvidenceError("tesseract could not read a page", "rescan it")

    report = run_job(locker, "ocr", ["F001", "F002", "F003"], work)
    assert report.done == ["F001", "F003"]
    assert report.failed == {"F002": "tesseract could not read a page; rescan it"}


def test_every_glossary_term_has_english_and_a_source() -> None:
    terms = load_glossary()
    assert len(terms) >= 40
    assert all(t.en and len(t.source) > 4 and (t.ru or t.be) for t in terms)
