"""Case review: inconsistencies, credibility risks and evidence gaps, before filing.

Under the REAL ID Act an adjudicator may rest an adverse credibility finding on any
inconsistency (INA 208(b)(1)(B)(iii)) and may require reasonably available corroboration
(INA 208(b)(1)(B)(ii)). The review finds both, and points at the exact place to fix.
"""

from .engine import ReviewReport, review
from .findings import Finding, Location, Severity
from .inputs import DocumentPage, DocumentText
from .registry import all_checks

__all__ = [
    "DocumentPage",
    "DocumentText",
    "Finding",
    "Location",
    "ReviewReport",
    "Severity",
    "all_checks",
    "review",
]
