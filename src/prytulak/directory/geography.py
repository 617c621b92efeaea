"""US states and territories: two-letter codes and names (data/us_states.yaml)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from ruamel.yaml import YAML

__all__ = ["state_code", "state_name", "states"]


@cache
def states() -> dict[str, str]:
    """Two-letter code → name, in the order of the data file."""
    text = (resources.files("prytulak.directory") / "data" / "us_states.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text)
    return {str(code): str(name) for code, name in data["states"].items()}


@cache
def _by_name() -> dict[str, str]:
    return {name.lower(): code for code, name in states().items()}


def state_code(value: str) -> str | None:
    """'IL', 'il', 'Illinois' → 'IL'; None when it is not a state."""
    text = value.strip().rstrip(".")
    if text.upper() in states():
        return text.upper()
    return _by_name().get(text.lower())


def state_name(code: str) -> str:
    return states().get(code.upper(), code)
