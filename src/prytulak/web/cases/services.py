"""The one place the web app calls Prytulak's domain verbs.

Each function calls a verb if its package is importable and returns ``Unavailable`` otherwise,
so a page shows "not available yet" instead of failing while a package is still being built.
No legal or review logic lives here: only calls, caching and language selection.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.utils.translation import get_language, gettext_lazy

from prytulak.case import CaseFile

from .memo import memo

__all__ = [
    "AssessmentRow",
    "BlockingLine",
    "DeadlineLine",
    "Overview",
    "Unavailable",
    "assessment_rows",
    "build_package",
    "country_profiles",
    "overview",
    "screening_hits",
    "warm_up",
]

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Unavailable:
    """A verb that is not installed yet, or failed; ``reason`` is shown to the user."""

    feature: str
    reason: str

    def __bool__(self) -> bool:
        return False


@dataclass(frozen=True)
class DeadlineLine:
    day: date
    title: dict[str, str]
    kind: str
    to_verify: bool = False
    latest: date | None = None
    """The last possible day, when the deadline counts from an approximate date (an arrival
    in 2025-11: the one-year deadline is 2026-11-01 … 2026-11-30); None for one known day."""

    def label(self) -> str:
        lang = (get_language() or "en")[:2]
        return self.title.get(lang) or self.title.get("en") or self.kind

    @property
    def last_day(self) -> date:
        return self.latest or self.day

    @property
    def ranged(self) -> bool:
        return self.latest is not None and self.latest != self.day

    def state(self, today: date) -> str:
        """``missed`` (even its last possible day is past), ``closing`` (its earliest possible
        day is past but not its last: may still be timely, file now) or ``open``."""
        if self.last_day < today:
            return "missed"
        return "closing" if self.day < today else "open"


@dataclass(frozen=True)
class BlockingLine:
    text: dict[str, str]
    source: str

    def label(self) -> str:
        lang = (get_language() or "en")[:2]
        return self.text.get(lang) or self.text.get("en") or self.source


@dataclass(frozen=True)
class Overview:
    """What the dashboard and the case page show: deadlines, blocking findings, both reports."""

    deadlines: tuple[DeadlineLine, ...]
    blocking: tuple[BlockingLine, ...]
    assessment: Any
    review: Any
    problems: tuple[str, ...] = field(default=())

    def shown(self, today: date) -> tuple[tuple[DeadlineLine, str], ...]:
        """Every deadline with its state on ``today`` (see ``DeadlineLine.state``)."""
        return tuple((d, d.state(today)) for d in self.deadlines)

    def next_deadlines(self, today: date, count: int = 3) -> tuple[tuple[DeadlineLine, str], ...]:
        """The missed deadlines (kept in view, marked), then the next ``count`` still open."""
        shown = self.shown(today)
        missed = tuple(row for row in shown if row[1] == "missed")
        return missed + tuple(row for row in shown if row[1] != "missed")[:count]


def _verb(module: str, name: str, feature: str) -> Callable[..., Any] | Unavailable:
    try:
        found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return Unavailable(feature, "not available yet")
    return found


def _call(feature: str, function: Callable[..., T] | Unavailable, *args: Any, **kw: Any) -> Any:
    if isinstance(function, Unavailable):
        return function
    try:
        return function(*args, **kw)
    except Exception as error:  # one failing verb must not take the page down
        log.warning("%s failed: %s", feature, type(error).__name__)
        return Unavailable(feature, f"failed: {type(error).__name__}")


def _hearing(case: CaseFile) -> DeadlineLine | None:
    hearing = case.travel.court.next_hearing
    if hearing is None:
        return None
    title = {"en": "Next hearing", "ru": "Следующее заседание", "be": "Наступнае паседжанне"}
    return DeadlineLine(hearing.earliest, title, "hearing")


def _overview(case: CaseFile, today: date) -> Overview:
    assessment = _call("assessment", _verb("prytulak.law", "assess", "assessment"), case, today)
    report = _call("review", _verb("prytulak.review", "review", "review"), case, today=today)
    deadlines: list[DeadlineLine] = []
    blocking: list[BlockingLine] = []
    if assessment:
        for d in assessment.deadlines():
            deadlines.append(DeadlineLine(d.day, dict(d.title), d.id, d.to_verify, d.latest))
        blocking += [BlockingLine(dict(f.title), "law") for f in assessment.blocking]
    if report:
        blocking += [BlockingLine({"en": f.message}, "review") for f in report.blocking]
    if (hearing := _hearing(case)) is not None:
        deadlines.append(hearing)
    deadlines.sort(key=lambda d: d.day)
    return Overview(tuple(deadlines), tuple(blocking), assessment, report)


def overview(case: CaseFile, key: str, today: date) -> Overview:
    """The overview of one case version on one day, computed once per process (memo.py)."""
    return memo.get(("overview", key, today), lambda: _overview(case, today))


def _country_profiles(case: CaseFile) -> Any:
    get_pack = _verb("prytulak.country", "get_pack", "country conditions")
    select = _verb("prytulak.country", "select_profiles", "country conditions")
    pack = _call("country conditions", get_pack, "BY")
    if not pack:
        return pack
    return _call("country conditions", select, case, pack)


def country_profiles(case: CaseFile, key: str | None = None) -> Any:
    """The country profiles that match the case; once per case version when ``key`` is given."""
    if key is None:
        return _country_profiles(case)
    found = memo.get(("profiles", key), lambda: _country_profiles(case))
    if isinstance(found, Unavailable):
        memo.forget(("profiles", key))  # asked again next time: a pack being fixed shows up soon
    return found


def screening_hits(case: CaseFile) -> Any:
    index_file = Path(settings.DATA_DIR) / "screening" / "index.sqlite"
    if not index_file.exists():
        return Unavailable("screening", "no sanctions list imported (prytulak screening import)")
    open_index = _verb("prytulak.screening", "open_index", "screening")
    screen = _verb("prytulak.screening", "screen_case", "screening")
    index = _call("screening", open_index, Path(settings.DATA_DIR))
    if not index:
        return index
    try:
        return _call("screening", screen, case, index)
    finally:
        index.close()


def build_package(
    case: CaseFile,
    folder: Path,
    out: Path,
    today: date,
    progress: Callable[[str], None],
    remedies: Any = None,
) -> Any:
    """The filing package (``prytulak.filing.build_package``) written to ``out``.

    ``folder`` is the case's folder (the one that holds its evidence locker). A damaged
    evidence file is left out with a warning rather than stopping the build; the package is
    returned, or ``Unavailable`` with the verb's own message (it names the problem and the fix).
    ``remedies`` words the fixes its warnings give (``prytulak.filing.exhibits.remedies``).
    """
    build = _verb("prytulak.filing", "build_package", "filing package")
    options = _verb("prytulak.filing", "BundleOptions", "filing package")
    if isinstance(build, Unavailable) or isinstance(options, Unavailable):
        return Unavailable("filing package", "not available yet")
    try:
        return build(
            case,
            folder,
            out,
            options=options(on_bad_evidence="skip", remedies=remedies),
            today=today,
            progress=progress,
            locker=_case_locker(folder),
            library=_library(),
        )
    except Exception as error:  # the verb's message says what to fix; never a traceback
        log.warning("filing package failed: %s", type(error).__name__)
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return Unavailable("filing package", first[:400] or type(error).__name__)


def _library() -> Any:
    """The installation's country-report library for the memo's passages; None while empty."""
    from prytulak.web.library.store import library_file, open_library

    return open_library() if library_file().exists() else None


def _case_locker(folder: Path) -> Any:
    """The case's evidence locker, opened with the installation's secret; None without one."""
    evidence = _verb("prytulak.evidence", "Locker", "evidence locker")
    if isinstance(evidence, Unavailable) or not evidence.exists(folder):
        return None
    from .lockers import installation_passphrase

    return evidence.open(folder, installation_passphrase())


@dataclass(frozen=True)
class AssessmentRow:
    title: str
    status: str
    text: str
    citations: tuple[str, ...]

    @property
    def status_label(self) -> str:
        """The status in the interface language (the CSS class keeps the code)."""
        return str(STATUS_LABELS.get(self.status, self.status))


STATUS_LABELS = {
    "met": gettext_lazy("met"),
    "not_met": gettext_lazy("not met"),
    "at_risk": gettext_lazy("at risk"),
    "unknown": gettext_lazy("unknown"),
}


def assessment_rows(assessment: Any) -> list[AssessmentRow]:
    """The assessment's findings in the interface language (English where not translated)."""
    if not assessment:
        return []
    lang = (get_language() or "en")[:2]
    return [
        AssessmentRow(
            f.title.get(lang) or f.title["en"], str(f.status), f.text(lang), tuple(f.citations)
        )
        for f in assessment.findings
    ]


def warm_up() -> None:
    """Load the rulebook and the country pack once, so the first page is not the slow one."""
    _call("assessment", _verb("prytulak.law", "load_rulebook", "assessment"))
    _call("country conditions", _verb("prytulak.country", "get_pack", "country"), "BY")
