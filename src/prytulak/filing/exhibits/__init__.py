"""The exhibit bundle built from the case's evidence (see ``sources`` for where files come from)."""

from .bundle import Bundle, Volume, build_bundle
from .pages import IndexRow
from .plan import BundleOptions, tab_letter
from .remedies import CommandLineRemedies, Remedies
from .sources import EvidenceFileError

__all__ = [
    "Bundle",
    "BundleOptions",
    "CommandLineRemedies",
    "EvidenceFileError",
    "IndexRow",
    "Remedies",
    "Volume",
    "build_bundle",
    "tab_letter",
]
