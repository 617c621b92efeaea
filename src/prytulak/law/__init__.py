"""US asylum law as dated data, evaluated on a case file into an Assessment.

Public verbs: ``assess`` (case → Assessment), ``deadline_summary`` (short lines for
``prytulak case show``), ``calendar_ics`` (deadlines as .ics), ``render`` (text/json/html).
Rules live in ``rules/`` as YAML checked against ``schemas/``; see docs/law.md.
"""

from .assessment import Assessment, DatedDeadline, Finding, Kind, Status, UsedValue
from .calendar import calendar_ics
from .engine import assess, known_changes
from .report import headline, render
from .rulebook import Rulebook, RuleFileError, load_rulebook
from .summary import deadline_summary

__all__ = [
    "Assessment",
    "DatedDeadline",
    "Finding",
    "Kind",
    "RuleFileError",
    "Rulebook",
    "Status",
    "UsedValue",
    "assess",
    "calendar_ics",
    "deadline_summary",
    "headline",
    "known_changes",
    "load_rulebook",
    "render",
]
