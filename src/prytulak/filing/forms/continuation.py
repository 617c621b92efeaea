"""Text that continues on a supplement page because the form box or table is full."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Continuation"]


@dataclass(frozen=True)
class Continuation:
    """One answer continued on Supplement B (I-589) or Part 6 (I-765)."""

    part: str
    """As written in the supplement's "Part" box, e.g. ``B`` or ``A.III``."""
    question: str
    """As written in the "Question" box, e.g. ``1.A`` or ``2``."""
    title: str
    """The heading above the text, e.g. ``Part B, Question 1.A (continued)``."""
    text: str
