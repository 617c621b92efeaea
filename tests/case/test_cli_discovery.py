"""Every command module is found, and its commands are the ones its source declares."""

from __future__ import annotations

import importlib

import typer
from typer.testing import CliRunner

from prytulak.cli.main import _module_names, app, command_index


def test_index_matches_what_register_really_adds() -> None:
    index = command_index()
    for module_name in _module_names():
        module = importlib.import_module(f"prytulak.cli.{module_name}")
        holder = typer.Typer()
        module.register(holder)
        names = {c.name for c in holder.registered_commands}
        names |= {g.name for g in holder.registered_groups}
        assert names == {n for n, m in index.items() if m == module_name}, module_name


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("case", "demo", "review"):
        assert name in result.output


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["frobnicate"])
    assert result.exit_code == 2
