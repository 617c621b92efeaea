"""``prytulak demo``: write the demo cases and show what Prytulak does with them."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.rule import Rule

from prytulak.case import CaseFileError, load_case

from ._output import console, fail_with_problems
from ._paths import output_folder
from .case import render_case_summary

DEMO_CASES = ("protester", "journalist", "lgbt-believer")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo_case_folders() -> list[Path]:
    root = resources.files("prytulak.demo") / "cases"
    return [Path(str(root / name)) for name in DEMO_CASES if (root / name / "case.yaml").is_file()]


def write_demo_cases(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in demo_case_folders():
        target = out / source.name
        shutil.copytree(source, target, dirs_exist_ok=True)
        written.append(target)
    return written


def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo cases")] = Path(
        "prytulak-demo"
    ),
) -> None:
    """Write the fictional demo cases to a folder and run every feature on them."""
    from .main import command_modules

    folders = write_demo_cases(output_folder(out))
    console.print(f"Wrote {len(folders)} fictional demo cases to {out}/\n")
    steps = [m.demo_step for m in command_modules() if hasattr(m, "demo_step")]
    for folder in folders:
        try:
            case = load_case(folder)
        except CaseFileError as error:
            fail_with_problems(error)
        console.print(Rule(f"{folder.name}: {case.applicant.name.full()}"))
        render_case_summary(case)
        for step in steps:
            step(folder, case, console)
    console.print("\nEverything above is a draft for an attorney's review; it is not legal advice.")
