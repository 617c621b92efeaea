"""Read a pack's YAML files, check each against its JSON Schema, and say what is wrong where."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

__all__ = ["PACK_FILES", "PackDataError", "load_pack_file", "schema_for"]

PACK_FILES = ("pack", "facts", "profiles", "articles", "glossary")
"""The data files of a pack, each ``<name>.yaml`` checked by ``schemas/<name>.schema.json``."""


class PackDataError(Exception):
    """A pack's data file that does not validate; ``problems`` names each place and the fix."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s)\n{lines}")


@cache
def schema_for(name: str) -> dict[str, Any]:
    text = (resources.files("prytulak.country") / "schemas" / f"{name}.schema.json").read_text(
        encoding="utf-8"
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


def load_pack_file(folder: Traversable, name: str) -> Any:
    """The parsed content of ``<folder>/<name>.yaml``, validated against its schema."""
    source = f"{folder.name}/{name}.yaml"
    entry = folder / f"{name}.yaml"
    if not entry.is_file():
        raise PackDataError(source, [f"the file is missing; a pack needs {', '.join(PACK_FILES)}"])
    try:
        data = YAML(typ="safe").load(entry.read_text(encoding="utf-8"))
    except YAMLError as error:
        raise PackDataError(source, [f"is not valid YAML: {error}"]) from error
    problems = validation_problems(data, name)
    if problems:
        raise PackDataError(source, problems)
    return data


def validation_problems(data: Any, name: str) -> list[str]:
    validator = Draft202012Validator(schema_for(name))
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        where = "/".join(str(p) for p in error.path) or "(top level)"
        problems.append(f"{where}: {error.message}")
    return problems
