"""Checks register themselves here; the engine runs every registered check.

A check is a function ``(ReviewInput) -> Iterable[Finding]`` decorated with ``@check``. Modules
in ``prytulak.review.checks`` are imported by discovery, so adding a module adds its checks.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .findings import Finding
from .inputs import ReviewInput

__all__ = ["CHECKS", "Check", "all_checks", "check"]

CheckFunction = Callable[[ReviewInput], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    codes: tuple[str, ...]
    function: CheckFunction

    @property
    def name(self) -> str:
        return self.function.__name__


CHECKS: list[Check] = []


def check(*codes: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check and the finding codes it can produce (for the docs and tests)."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS.append(Check(codes, function))
        return function

    return register


def all_checks() -> list[Check]:
    from . import checks as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
    return list(CHECKS)
