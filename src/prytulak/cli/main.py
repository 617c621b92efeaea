"""Entry point: the ``prytulak`` command, built from the command modules in this package.

Command modules are discovered, not listed: every public module of ``prytulak.cli`` defines
``register(app)``. They are imported only when one of their commands runs, so ``prytulak
evidence add`` does not pay for the web application, OCR or the search index. Which module
holds which command is read from the source of each ``register`` function (its
``app.command("name")`` and ``app.add_typer(..., name="name")`` calls), without importing it.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import typer
from typer.core import TyperGroup

import prytulak.cli as cli_package

HELP = (
    "Prytulak: asylum case workbench for people fleeing Belarus and their attorneys. "
    "Outputs are drafts for an attorney's review, not legal advice."
)


def _module_names() -> list[str]:
    names = (info.name for info in pkgutil.iter_modules(cli_package.__path__))
    return sorted(n for n in names if not n.startswith("_") and n != "main")


def _registered_names(source: str) -> list[str]:
    """Command names a module's ``register(app)`` adds, read from its source."""
    tree = ast.parse(source)
    register = next(
        (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "register"), None
    )
    if register is None:
        return []
    names = []
    for node in ast.walk(register):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr == "command" and node.args:
            names.append(ast.literal_eval(node.args[0]))
        elif node.func.attr == "add_typer":
            names += [ast.literal_eval(k.value) for k in node.keywords if k.arg == "name"]
    return names


@cache
def command_index() -> dict[str, str]:
    """Command name -> the module that registers it."""
    index: dict[str, str] = {}
    folder = Path(cli_package.__path__[0])
    for module in _module_names():
        for name in _registered_names((folder / f"{module}.py").read_text("utf-8")):
            index[name] = module
    return index


def command_modules() -> list[ModuleType]:
    """Every command module, imported (``prytulak demo`` runs their demo steps)."""
    return [importlib.import_module(f"prytulak.cli.{name}") for name in _module_names()]


def _commands_of(module_name: str) -> TyperGroup:
    module = importlib.import_module(f"prytulak.cli.{module_name}")
    holder = typer.Typer()
    holder.callback()(lambda: None)  # always a group, so commands are found by name
    module.register(holder)
    group = typer.main.get_command(holder)
    assert isinstance(group, TyperGroup)
    return group


class LazyCommands(TyperGroup):
    """Lists every command without importing it; imports a module when its command runs."""

    def list_commands(self, ctx: Any) -> list[str]:
        return sorted(command_index())

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module = command_index().get(cmd_name)
        if module is None:
            return None
        return _commands_of(module).commands.get(cmd_name)


app = typer.Typer(
    name="prytulak",
    cls=LazyCommands,
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """Prytulak: asylum case workbench. Outputs are drafts for an attorney's review."""


def run() -> None:
    app()


if __name__ == "__main__":
    run()
