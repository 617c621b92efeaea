"""Old case files are upgraded before validation; files from the future are refused."""

from __future__ import annotations

from typing import Any

import pytest

from prytulak.case import migrations
from prytulak.case.migrations import MigrationError, migrate


def test_current_version_passes_through() -> None:
    data = {"schema_version": 1, "id": "x"}
    assert migrate(dict(data)) == data


def test_steps_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    def one_to_two(data: Any) -> Any:
        data["applicant"] = {"name": data.pop("applicant_name")}
        return data

    def two_to_three(data: Any) -> Any:
        data["applicant"]["renamed"] = True
        return data

    monkeypatch.setattr(migrations, "MIGRATIONS", {1: one_to_two, 2: two_to_three})
    out = migrate({"schema_version": 1, "applicant_name": "A"}, target=3)
    assert out == {"schema_version": 3, "applicant": {"name": "A", "renamed": True}}


def test_missing_step_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    with pytest.raises(MigrationError, match="no upgrade from version 1"):
        migrate({"schema_version": 1}, target=2)


@pytest.mark.parametrize("bad", ["one", 0, True, 1.5])
def test_nonsense_version(bad: object) -> None:
    with pytest.raises(MigrationError, match="is not a schema version"):
        migrate({"schema_version": bad})
