"""The database: SQLite in the data directory, or PostgreSQL when ``DATABASE_URL`` is set."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .paths import DATA_DIR

__all__ = ["DATABASES", "DEFAULT_AUTO_FIELD", "database_from_url"]


def database_from_url(url: str) -> dict[str, Any]:
    """``postgresql://user:password@host:port/name`` → a Django DATABASES entry."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ImproperlyConfigured(
            f"DATABASE_URL scheme {parts.scheme!r} is not supported; use "
            "postgresql://user@host:5432/dbname, or unset DATABASE_URL for SQLite"
        )
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or "prytulak",
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": 60,
    }


def _sqlite() -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "prytulak.sqlite3",
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
        # Each server thread keeps its connection (waitress has a fixed pool of threads), so
        # a page does not open the file and run the PRAGMAs again.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
    }


_URL = os.environ.get("DATABASE_URL", "").strip()
DATABASES = {"default": database_from_url(_URL) if _URL else _sqlite()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
