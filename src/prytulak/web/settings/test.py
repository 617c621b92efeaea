"""Settings for the test suite: a temporary data directory, fast hashing, same apps.

``PRYTULAK_TEST_POSTGRES=1`` runs the same suite on PostgreSQL (127.0.0.1:5432, db ``test``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Each test process gets its own data directory (never the user's, never shared between
# pytest-xdist workers, whose cases get the same primary keys and so the same locker folders).
os.environ["PRYTULAK_DATA_DIR"] = tempfile.mkdtemp(prefix="prytulak-web-test-")

from .database import database_from_url
from .main import *  # noqa: F403
from .paths import DATA_DIR

# Argon2 is what production uses (tests check it); the suite hashes fast.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
BLOB_DIR = Path(DATA_DIR) / "blobs"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PRYTULAK_WORKER_SYNC = True
"""Background jobs run inline in tests, so their results can be asserted at once."""

if os.environ.get("PRYTULAK_TEST_POSTGRES") == "1":
    _user = os.environ.get("PGUSER", "postgres")
    DATABASES = {
        "default": database_from_url(
            os.environ.get("DATABASE_URL") or f"postgresql://{_user}@127.0.0.1:5432/test"
        )
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

PRYTULAK_TODAY = "2026-11-26"
"""The suite's fixed 'today' (as tests/conftest.py TODAY), so deadlines do not drift."""
(Path(DATA_DIR) / "static").mkdir(parents=True, exist_ok=True)
