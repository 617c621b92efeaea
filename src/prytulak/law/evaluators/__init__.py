"""Evaluators, one module per area of law, run in this order (relief reads the bars)."""

from __future__ import annotations

from collections.abc import Callable

from ..assessment import Finding
from . import bars, clocks, fear, fees, one_year, refugee, relief, resettlement
from .context import Context

__all__ = ["EVALUATORS", "Context", "Evaluator"]

Evaluator = Callable[[Context], Finding | list[Finding] | None]

EVALUATORS: tuple[Evaluator, ...] = (
    *refugee.RULES,
    *fear.RULES,
    *one_year.RULES,
    *bars.RULES,
    *resettlement.RULES,
    *relief.RULES,
    *clocks.RULES,
    *fees.RULES,
)
