"""Adds files one by one, printing each id as soon as it is added (for the kill -9 test)."""

from __future__ import annotations

import sys
from pathlib import Path

from prytulak.evidence import Locker, add_file

case, inbox = Path(sys.argv[1]), Path(sys.argv[2])
locker = Locker.open(case, sys.argv[3])
for path in sorted(inbox.iterdir()):
    result = add_file(locker, path, actor="worker")
    assert result.item is not None
    print(result.item.id, result.item.sha256, flush=True)
