"""Package attributes imported on first use (PEP 562), so a command pays only for what it runs.

A package lists where each public name lives and sets ``__getattr__ = lazy_exports(...)``; type
checkers read the same names from an ``if TYPE_CHECKING:`` block.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, homes: Mapping[str, str], aliases: Mapping[str, str] | None = None
) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``homes[name]`` (relative to ``package``) once;
    ``aliases`` maps an exported name to the attribute's name in its home module."""
    renamed = aliases or {}

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(home, package)
        value = getattr(module, renamed.get(name, name))
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
