"""A real ``prytulak serve`` in a subprocess, on a free loopback port, with its own data dir."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRYTULAK = str(Path(sys.executable).parent / "prytulak")
"""The installed console script, as a user runs it."""


@dataclass
class Served:
    url: str
    data_dir: Path
    seed: dict[str, object]
    output: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, PRYTULAK_DATA_DIR=str(data_dir), PRYTULAK_TODAY="2026-11-26")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def prytulak(*args: str, data_dir: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    command = [PRYTULAK, *args]
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        command,
        cwd=ROOT,
        env=environment(data_dir),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        **kwargs,
    )


def _wait(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("prytulak serve exited early")
        try:
            urllib.request.urlopen(url + "accounts/login/", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer")


@contextmanager
def served(data_dir: Path, seed: bool = True) -> Iterator[Served]:
    setup = prytulak("serve", "--setup-only", data_dir=data_dir)
    assert setup.returncode == 0, setup.stderr
    seeded: dict[str, object] = {}
    if seed:
        made = subprocess.run(
            [sys.executable, "-m", "tests.web.seed"],
            cwd=ROOT,
            env=environment(data_dir),
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        seeded = json.loads(made.stdout.strip().splitlines()[-1])
    port = free_port()
    log = data_dir / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [PRYTULAK, "serve", "--port", str(port)],
            cwd=ROOT,
            env=environment(data_dir),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait(url, process)
        yield Served(url, data_dir, seeded, log)
    finally:
        process.terminate()
        process.wait(timeout=20)
