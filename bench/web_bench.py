"""Load test of the web workbench on loopback: 50 logged-in users browsing case pages.

Starts a real ``prytulak serve`` (waitress, 8 threads) on 127.0.0.1 with a temporary data
directory, seeds one organization with an attorney (two-factor device; the sessions are made
directly in the database, already verified) and the three demo cases, then runs N concurrent
users. Each user keeps one keep-alive connection and loops: open a case page (4 in 5) or the
dashboard (1 in 5), then think for ``--think`` seconds (randomised ±50 %). The floor is the same
users on ``/healthz``, the smallest Django view, through the same middleware (session, auth,
two-factor) on the same server. Run on SQLite and on PostgreSQL (``--postgres``: a scratch
database created and dropped on 127.0.0.1:5432, user postgres).

    uv run python bench/web_bench.py                       # SQLite and PostgreSQL if reachable
    uv run python bench/web_bench.py --users 50 --seconds 20 --think 1.0
    uv run python bench/web_bench.py --think 0             # saturation: throughput only

Target (issue 9): p95 under 200 ms at 50 users on SQLite.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRYTULAK = str(Path(sys.executable).parent / "prytulak")
PG_URL = "postgresql://postgres@127.0.0.1:5432"


@dataclass
class Result:
    label: str
    latencies_ms: list[float]
    errors: int
    seconds: float

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def row(self) -> str:
        rps = len(self.latencies_ms) / self.seconds if self.seconds else 0.0
        mean = statistics.fmean(self.latencies_ms) if self.latencies_ms else float("nan")
        return (
            f"{self.label:<34} {len(self.latencies_ms):>7} {rps:>8.1f} {mean:>8.1f} "
            f"{self.percentile(0.50):>8.1f} {self.percentile(0.95):>8.1f} "
            f"{self.percentile(0.99):>8.1f} {self.errors:>6}"
        )


HEADER = (
    f"{'run':<34} {'requests':>7} {'req/s':>8} {'mean ms':>8} {'p50 ms':>8} {'p95 ms':>8} "
    f"{'p99 ms':>8} {'errors':>6}"
)


# --- seeding (runs inside the server's environment, in a subprocess) ------------------------


def seed(users: int) -> None:
    """One organization, an attorney with a TOTP device, the demo cases, ``users`` sessions."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prytulak.web.settings.main")
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from prytulak.web.accounts.models import Organization, Role, User
    from prytulak.web.cases.demo import demo_names, load_demo

    org = Organization.objects.create(name="Bench Legal Aid")
    user = User.objects.create_user(
        "bench-attorney",
        password="bench only, not a real account",
        organization=org,
        role=Role.ATTORNEY,
    )
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    cases = [load_demo(name, user).pk for name in demo_names()]
    cookies = []
    for _ in range(users):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session["otp_device_id"] = device.persistent_id
        session.create()
        cookies.append(session.session_key)
    print(json.dumps({"cases": cases, "sessions": cookies}))


# --- the server -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(data_dir: Path, database_url: str | None) -> dict[str, str]:
    env = dict(os.environ, PRYTULAK_DATA_DIR=str(data_dir), PRYTULAK_TODAY="2026-11-26")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _wait(url: str, process: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("prytulak serve exited early; see serve.log in the data dir")
        try:
            urllib.request.urlopen(url + "healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {seconds:.0f} s")


@contextmanager
def served(database_url: str | None, users: int) -> Iterator[tuple[int, dict[str, list]]]:
    with tempfile.TemporaryDirectory(prefix="prytulak-web-bench-") as folder:
        data_dir = Path(folder)
        env = _environment(data_dir, database_url)
        run = dict(cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        setup = subprocess.run([PRYTULAK, "serve", "--setup-only"], **run)  # type: ignore[call-overload]
        if setup.returncode != 0:
            raise RuntimeError(f"setup failed: {setup.stderr[-2000:]}")
        made = subprocess.run(  # type: ignore[call-overload]
            [sys.executable, __file__, "--seed", str(users)], **run
        )
        if made.returncode != 0:
            raise RuntimeError(f"seeding failed: {made.stderr[-2000:]}")
        seeded = json.loads(made.stdout.strip().splitlines()[-1])
        port = _free_port()
        with open(data_dir / "serve.log", "wb") as log:
            process = subprocess.Popen(
                [PRYTULAK, "serve", "--port", str(port)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        try:
            _wait(f"http://127.0.0.1:{port}/", process)
            yield port, seeded
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def scratch_postgres() -> Iterator[str]:
    """A fresh database on the local server, dropped afterwards."""
    import psycopg

    name = f"prytulak_bench_{os.getpid()}"
    with psycopg.connect(f"{PG_URL}/test", autocommit=True, connect_timeout=3) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_URL}/{name}"
    finally:
        with psycopg.connect(f"{PG_URL}/test", autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the users ------------------------------------------------------------------------------


def _user(
    port: int, cookie: str, paths: list[str], stop: float, think: float, out: list[float]
) -> int:
    errors = 0
    rng = random.Random(cookie)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": f"sessionid={cookie}", "Accept-Language": "en"}
    time.sleep(rng.uniform(0, think or 0.05))  # users do not all arrive in the same instant
    while time.monotonic() < stop:
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        elapsed = (time.perf_counter() - started) * 1000
        if ok:
            out.append(elapsed)
        else:
            errors += 1
        if think:
            time.sleep(rng.uniform(0.5 * think, 1.5 * think))
    connection.close()
    return errors


def load(
    label: str, port: int, cookies: list[str], paths: list[str], seconds: float, think: float
) -> Result:
    latencies: list[list[float]] = [[] for _ in cookies]
    errors = [0] * len(cookies)
    stop = time.monotonic() + seconds

    def run(index: int) -> None:
        errors[index] = _user(port, cookies[index], paths, stop, think, latencies[index])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(cookies))]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.monotonic() - started
    return Result(label, [x for xs in latencies for x in xs], sum(errors), elapsed)


def bench(database: str, url: str | None, args: argparse.Namespace) -> list[Result]:
    with served(url, args.users) as (port, seeded):
        cookies = seeded["sessions"]
        case_pages = [f"/cases/{pk}/" for pk in seeded["cases"]]
        browsing = case_pages * 4 + ["/"] * len(case_pages)
        warm = load("warm-up", port, cookies[:4], browsing, min(5.0, args.seconds), 0)
        if warm.errors or not warm.latencies_ms:
            raise RuntimeError(f"the pages do not answer 200 ({warm.errors} errors in warm-up)")
        floor = load(
            f"{database}: /healthz (floor)", port, cookies, ["/healthz"], args.seconds, args.think
        )
        pages = load(
            f"{database}: case pages + dashboard", port, cookies, browsing, args.seconds, args.think
        )
        return [floor, pages]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0, help="per run")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between a user's pages")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed is not None:
        seed(args.seed)
        return
    print(
        f"{args.users} users, {args.seconds:.0f} s per run, think time {args.think:.1f} s "
        f"(±50 %), waitress 8 threads, {os.cpu_count()} CPUs, client and server on one machine"
    )
    print(f"load average at start: {_load()}")
    results = bench("SQLite", None, args)
    if not args.sqlite_only:
        try:
            with scratch_postgres() as url:
                results += bench("PostgreSQL", url, args)
        except Exception as error:  # the PostgreSQL server is optional for this script
            print(f"PostgreSQL skipped: {type(error).__name__}: {error}".splitlines()[0])
    print(f"load average at end: {_load()} (other work on the machine moves every number)")
    print(HEADER)
    for result in results:
        print(result.row())
    sqlite_pages = results[1]
    verdict = "met" if sqlite_pages.percentile(0.95) < 200 else "NOT met"
    print(f"Target p95 < 200 ms on SQLite case pages at {args.users} users: {verdict}")


if __name__ == "__main__":
    main()
