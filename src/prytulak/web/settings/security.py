"""Passwords, sessions, two-factor login, throttling and the secret key."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .paths import DATA_DIR

__all__ = [
    "ALLOWED_HOSTS",
    "AUTH_PASSWORD_VALIDATORS",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "DEBUG",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_FAILURE_WINDOW_SECONDS",
    "MESSAGE_STORAGE",
    "OTP_TOTP_ISSUER",
    "PASSWORD_HASHERS",
    "SECRET_KEY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SESSION_COOKIE_AGE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_SECURE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SESSION_RENEW_SECONDS",
    "SESSION_SAVE_EVERY_REQUEST",
    "X_FRAME_OPTIONS",
]


def _secret_key(path: Path) -> str:
    """``PRYTULAK_SECRET_KEY``, or a random key kept in the data directory (mode 0600)."""
    if os.environ.get("PRYTULAK_SECRET_KEY"):
        return os.environ["PRYTULAK_SECRET_KEY"]
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key)
    return key


SECRET_KEY = _secret_key(DATA_DIR / "secret.key")
DEBUG = os.environ.get("PRYTULAK_DEBUG") == "1"
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("PRYTULAK_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Session timeout: 30 idle minutes, and gone when the browser closes. Activity renews it, but
# the session row is written at most once a minute (IdleSessionMiddleware), not on every page:
# on SQLite each write takes the database's one write lock.
SESSION_COOKIE_AGE = int(os.environ.get("PRYTULAK_SESSION_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
_HTTPS = os.environ.get("PRYTULAK_HTTPS") == "1"
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Messages stay on the server (in the session), not in a cookie the browser keeps and sends.
# Secrets (one-time passwords, API tokens) are never put in a message at all: they are shown
# once in the answer to the request that made them.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Login throttling: this many failures for one username or one address within the window.
LOGIN_FAILURE_LIMIT = 5
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60

OTP_TOTP_ISSUER = "Prytulak"
