"""Background work in-process: one worker thread, progress kept on the Upload row.

The embedded default (``prytulak serve``) needs no queue server. Tests set
``PRYTULAK_WORKER_SYNC`` so jobs run inline and their results can be asserted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.db import close_old_connections

__all__ = ["submit"]

log = logging.getLogger(__name__)
_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prytulak-worker")


def _run(job: Callable[..., Any], *args: Any) -> None:
    try:
        job(*args)
    except Exception as error:  # the job records its own failure; never kill the worker
        log.warning("background job %s failed: %s", job.__name__, type(error).__name__)
    finally:
        close_old_connections()


def submit(job: Callable[..., Any], *args: Any) -> None:
    if getattr(settings, "PRYTULAK_WORKER_SYNC", False):
        job(*args)
        return
    _POOL.submit(_run, job, *args)
