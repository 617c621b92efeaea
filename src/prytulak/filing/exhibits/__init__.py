"""The exhibit bundle built from the case's evidence (see ``sources`` for where files come from)."""

from .bundle import Bundle, Volume, build_bundle
from .pages import IndexRow
from .plan import BundleOptions, tab_letter
from .sources import EvidenceFileError

__all__ = [
    "Bundle",
    "BundleOptions",
    "EvidenceFileError",
    "IndexRow",
    "Volume",
    "build_bundle",
    "tab_letter",
]
