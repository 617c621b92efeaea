"""Today's date for the web app: ``PRYTULAK_TODAY`` (tests, demos) or the local date."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone

__all__ = ["today"]


def today() -> date:
    fixed = getattr(settings, "PRYTULAK_TODAY", None)
    return date.fromisoformat(fixed) if fixed else timezone.localdate()
