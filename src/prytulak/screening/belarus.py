"""Which list entries concern Belarus (reference: evidence_sanctions_translit.md §2.1-2.3)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["OFAC_BELARUS_PROGRAMS", "is_belarus_program"]

OFAC_BELARUS_PROGRAMS = frozenset({"BELARUS", "BELARUS-EO14038"})
"""EO 13405 (2006) and EO 14038 (2021); 31 CFR part 548."""
EU_BELARUS_PROGRAMMES = frozenset({"BLR"})
"""Council Regulation (EC) No 765/2006 and Decision 2012/642/CFSP."""


def is_belarus_program(programs: Iterable[str]) -> bool:
    """True for OFAC BELARUS / BELARUS-EO14038, EU BLR, or a UK regime naming Belarus."""
    for program in programs:
        value = program.strip()
        if value.upper() in OFAC_BELARUS_PROGRAMS | EU_BELARUS_PROGRAMMES:
            return True
        if "belarus" in value.lower():
            return True
    return False
