"""Entry point: builds the Typer app from the command modules in this package."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import typer

import prytulak.cli as cli_package

app = typer.Typer(
    name="prytulak",
    help="Prytulak: asylum case workbench for people fleeing Belarus and their attorneys. "
    "Outputs are drafts for an attorney's review, not legal advice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def command_modules() -> list[ModuleType]:
    """Every public module of ``prytulak.cli`` except this one, in name order."""
    modules = []
    for info in sorted(pkgutil.iter_modules(cli_package.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "main":
            continue
        modules.append(importlib.import_module(f"prytulak.cli.{info.name}"))
    return modules


for _module in command_modules():
    _module.register(app)


def run() -> None:
    app()
