"""``prytulak serve``: the web workbench on this machine (SQLite + encrypted blobs by default)."""

from __future__ import annotations

import getpass
import ipaddress
import os
import secrets
import sys
from pathlib import Path
from typing import Annotated

import typer

from ._output import EXIT_USAGE, console, fail

FIRST_ORGANIZATION = "My organization"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def _django(data_dir: Path | None) -> None:
    if data_dir is not None:
        os.environ["PRYTULAK_DATA_DIR"] = str(data_dir.expanduser().resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prytulak.web.settings.main")
    import django

    django.setup()


def prepare() -> None:
    """Migrate the database and compile the interface translations."""
    from django.conf import settings
    from django.core.management import call_command

    from prytulak.web.catalogues import compile_catalogues

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    compile_catalogues()


def _ask_password() -> str:
    while True:
        first = getpass.getpass("Password (12 characters or more): ")
        if len(first) < 12:
            console.print("Too short; use at least 12 characters.")
        elif first != getpass.getpass("Same password again: "):
            console.print("The two passwords differ; try again.")
        else:
            return first


def create_first_admin(interactive: bool, username: str = "admin") -> str | None:
    """Create the first administrator if there is none; returns a one-time password if made."""
    from prytulak.web.accounts.models import Organization, Role, User

    if User.objects.filter(is_superuser=True).exists():
        return None
    organization = FIRST_ORGANIZATION
    if interactive:
        username = input(f"Administrator's username [{username}]: ").strip() or username
        organization = input(f"Organization [{organization}]: ").strip() or organization
        password, one_time = _ask_password(), None
    else:
        password = one_time = secrets.token_urlsafe(12)
    org, _ = Organization.objects.get_or_create(name=organization)
    User.objects.create_superuser(
        username=username,
        password=password,
        email="",
        organization=org,
        role=Role.ATTORNEY,
        must_change_password=one_time is not None,
    )
    return one_time


def _serve_banner(host: str, port: int) -> None:
    from django.conf import settings

    console.print(f"Prytulak web workbench on http://{host}:{port}/  (data: {settings.DATA_DIR})")
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        console.print(
            "[yellow]Listening beyond this machine: put it behind HTTPS (a reverse proxy) and "
            "set PRYTULAK_HTTPS=1 and PRYTULAK_ALLOWED_HOSTS.[/]"
        )
    console.print(
        "Stop with Ctrl+C. Outputs are drafts for an attorney's review, not legal advice."
    )


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Data directory (default: PRYTULAK_DATA_DIR or user data dir)"),
    ] = None,
    threads: Annotated[int, typer.Option(help="Worker threads of the WSGI server")] = 8,
    setup_only: Annotated[
        bool, typer.Option("--setup-only", help="Migrate and create the administrator, then exit")
    ] = False,
) -> None:
    """Start the web workbench: migrate, create the first administrator, serve (waitress)."""
    if not 0 < port < 65536:
        fail(f"--port {port} is not a port number; use 1 to 65535, e.g. 8000", EXIT_USAGE)
    _django(data_dir)
    prepare()
    one_time = create_first_admin(interactive=sys.stdin.isatty() and not setup_only)
    if one_time:
        console.print(
            "First administrator created: username [bold]admin[/], one-time password "
            f"[bold]{one_time}[/] (shown only now; you will choose a new one and set up "
            "two-factor login at first login)."
        )
    if setup_only:
        return
    import threading

    from waitress import serve as waitress_serve

    from prytulak.web.cases.services import warm_up
    from prytulak.web.wsgi import application

    threading.Thread(target=warm_up, name="prytulak-warm-up", daemon=True).start()
    _serve_banner(host, port)
    waitress_serve(application, host=host, port=port, threads=threads, ident="prytulak")
