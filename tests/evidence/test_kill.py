"""Killing the process (kill -9) in the middle of intake loses nothing already added."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from prytulak.evidence import Locker, add_file, verify_locker

from .conftest import PASSPHRASE

WORKER = Path(__file__).with_name("kill_worker.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_kill_9_during_intake_keeps_every_added_item_and_the_rest_can_be_added(
    locker: Locker, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(60):
        (inbox / f"doc-{n:03d}.txt").write_bytes(
            f"Протокол {n}\n".encode() + base64.b64encode(os.urandom(40_000))
        )
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(locker.case_folder), str(inbox), PASSPHRASE],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert worker.stdout is not None
    reported = [worker.stdout.readline().decode().split() for _ in range(5)]
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    reported += [line.decode().split() for line in worker.stdout.readlines() if line.strip()]

    reopened = Locker.open(locker.case_folder, PASSPHRASE)
    items = {i.id: i for i in reopened.items()}
    for item_id, sha in reported:
        assert items[item_id].sha256 == sha
        assert reopened.blobs.read(sha)[:9] == "Протокол".encode()[:9]
    assert len(items) < 60, "the worker finished before it was killed; make it slower"
    report = verify_locker(reopened)
    assert report.intact, report.findings

    for path in sorted(inbox.iterdir()):
        add_file(reopened, path, actor="again")
    assert len(reopened.items()) == 60
    assert verify_locker(reopened).intact
