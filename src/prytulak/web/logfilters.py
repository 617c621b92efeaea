"""Server log filters: a refused request (403) is one line, not a traceback."""

from __future__ import annotations

import logging

__all__ = ["OneLineRefusals"]


class OneLineRefusals(logging.Filter):
    """Drop the traceback of ``Forbidden (Permission denied)`` records (they are expected:
    every refusal is also in the audit log); the one-line message stays."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
