"""Reading the package's name data (YAML) and checking it against its JSON Schema."""

from __future__ import annotations

import io
import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from ruamel.yaml import YAML

__all__ = ["NameDataError", "data_names", "load_data", "load_schema"]

_DATA = "prytulak.names"


class NameDataError(ValueError):
    """A data file of the names package is broken (a bug in the package, not in a case)."""


def _data_root() -> Any:
    return resources.files(_DATA) / "data"


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = (_data_root() / name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def data_names(folder: str) -> list[str]:
    """File names (``*.yaml``) in a data folder, sorted."""
    root = _data_root() / folder
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".yaml"))


def load_data(path: str, schema_name: str) -> Any:
    """Load ``data/<path>`` and validate it; raise ``NameDataError`` naming the file and field."""
    text = (_data_root() / path).read_text(encoding="utf-8")
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load(io.StringIO(text))
    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise NameDataError(f"names/data/{path}: {where}: {first.message}")
    return data
