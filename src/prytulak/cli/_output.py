"""Shared rendering for the command line: one console, problems, exit codes."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

from prytulak.case import CaseFileError

# soft_wrap: messages stay on one line when piped or redirected, so they can be searched
console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK = 0
EXIT_INVALID = 1  # invalid input or blocking findings
EXIT_USAGE = 2


def fail_with_problems(error: CaseFileError) -> NoReturn:
    err_console.print(f"[bold red]✗ {error.source}[/]: {len(error.problems)} problem(s)")
    for problem in error.problems:
        err_console.print(f"  • {problem}", markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_INVALID)


def fail(message: str, code: int = EXIT_INVALID) -> NoReturn:
    err_console.print(f"[bold red]✗[/] {message}", soft_wrap=True)
    raise typer.Exit(code)
