"""Upgrading case files written by older versions of Prytulak.

Each step takes the raw mapping of version ``n`` and returns version ``n + 1``. Steps are pure
functions on plain data (never on models), so an old file is upgraded before it is validated.
Register a step with ``@step(n)`` when ``SCHEMA_VERSION`` goes from ``n`` to ``n + 1``.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from .model import SCHEMA_VERSION
from .problems import Problem

__all__ = ["MIGRATIONS", "migrate", "step"]

RawCase = MutableMapping[str, Any]
Migration = Callable[[RawCase], RawCase]

MIGRATIONS: dict[int, Migration] = {}
"""Version ``n`` -> the function that turns a version-``n`` mapping into version ``n + 1``."""


def step(from_version: int) -> Callable[[Migration], Migration]:
    def register(func: Migration) -> Migration:
        MIGRATIONS[from_version] = func
        return func

    return register


_FIRST = " (fix schema_version first: the rest of the file is checked once it is right)"


class MigrationError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def migrate(data: RawCase, target: int = SCHEMA_VERSION) -> RawCase:
    """Bring ``data`` up to ``target``; say clearly when that is impossible."""
    version = data.get("schema_version")
    if version is None:
        raise MigrationError(
            Problem(
                "schema_version", f"is missing; add 'schema_version: {target}' at the top" + _FIRST
            )
        )
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise MigrationError(
            Problem(
                "schema_version", f'"{version}" is not a schema version; write {target}' + _FIRST
            )
        )
    if version > target:
        raise MigrationError(
            Problem(
                "schema_version",
                f"{version} is newer than this Prytulak understands ({target}); "
                "upgrade Prytulak to open this case (nothing in the file was changed)",
            )
        )
    while version < target:
        upgrade = MIGRATIONS.get(version)
        if upgrade is None:
            raise MigrationError(
                Problem("schema_version", f"no upgrade from version {version} is known" + _FIRST)
            )
        data = upgrade(data)
        version += 1
        data["schema_version"] = version
    return data
