"""Keys for the encrypted blob store: a master key, wrapped by a passphrase-derived key.

A locker has one random 256-bit *master key*. It never touches the disk in the clear: the
keyring file holds it wrapped (AES-256-GCM) by a key derived from the user's passphrase with
Argon2id (default) or scrypt. Every blob has its own data key, wrapped by the master key (see
``blobs.py``). Changing the passphrase rewrites only the keyring, never the blobs.

An installation that keeps its master key elsewhere (a key file, a secrets manager) builds a
``MasterKey`` from the 32 raw bytes and skips the keyring.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .folder import atomic_write

__all__ = [
    "KEYRING_FORMAT",
    "KdfParams",
    "KeyringError",
    "MasterKey",
    "WrongKeyError",
    "change_passphrase",
    "create_keyring",
    "unlock_keyring",
]

KEYRING_FORMAT = "prytulak-keyring/1"
KEY_BYTES = 32
NONCE_BYTES = 12
_KEYRING_AAD = b"prytulak-keyring-v1"


class KeyringError(Exception):
    """The keyring is missing or unreadable; the message says what to do."""


class WrongKeyError(KeyringError):
    """The passphrase or key does not open this locker."""


@dataclass(frozen=True)
class KdfParams:
    """How the passphrase becomes a key. Stored in the keyring beside the wrapped master key."""

    name: Literal["argon2id", "scrypt"] = "argon2id"
    salt: bytes = field(default_factory=lambda: os.urandom(16))
    memory_kib: int = 65536  # argon2id: 64 MiB
    iterations: int = 3  # argon2id
    lanes: int = 4  # argon2id
    log2_n: int = 17  # scrypt: N = 2**17 (128 MiB with r=8)
    r: int = 8
    p: int = 1

    @classmethod
    def light(cls, name: Literal["argon2id", "scrypt"] = "argon2id") -> KdfParams:
        """Cheap parameters for tests and throwaway demo lockers; never for real cases."""
        return cls(name=name, memory_kib=8192, iterations=1, lanes=1, log2_n=12)

    def derive(self, passphrase: str) -> bytes:
        secret = passphrase.encode("utf-8")
        if self.name == "argon2id":
            return Argon2id(
                salt=self.salt,
                length=KEY_BYTES,
                iterations=self.iterations,
                lanes=self.lanes,
                memory_cost=self.memory_kib,
            ).derive(secret)
        return Scrypt(
            salt=self.salt, length=KEY_BYTES, n=2**self.log2_n, r=self.r, p=self.p
        ).derive(secret)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["salt"] = _b64(self.salt)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        values = dict(data)
        values["salt"] = _unb64(str(values["salt"]))
        if values.get("name") not in ("argon2id", "scrypt"):
            raise KeyringError(f"unknown key derivation {values.get('name')!r} in the keyring")
        return cls(**values)


class MasterKey:
    """A 256-bit key that wraps and unwraps the per-blob data keys (AES-256-GCM)."""

    def __init__(self, raw: bytes) -> None:
        if len(raw) != KEY_BYTES:
            raise ValueError(f"a master key is {KEY_BYTES} bytes, not {len(raw)}")
        self._aead = AESGCM(raw)

    @classmethod
    def generate(cls) -> MasterKey:
        return cls(AESGCM.generate_key(bit_length=256))

    def wrap(self, secret: bytes, context: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, secret, context)

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes:
        try:
            return self._aead.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], context)
        except InvalidTag:
            raise WrongKeyError(
                "this data was encrypted with a different master key (or has been altered)"
            ) from None

    def __repr__(self) -> str:
        return "MasterKey(<hidden>)"


def create_keyring(path: Path, passphrase: str, params: KdfParams | None = None) -> MasterKey:
    """Make a new master key and write it, wrapped by the passphrase, to ``path``."""
    if not passphrase:
        raise KeyringError("the passphrase is empty; choose one and keep it safe")
    params = params or KdfParams()
    master_raw = AESGCM.generate_key(bit_length=256)
    _write_keyring(path, params, passphrase, master_raw)
    return MasterKey(master_raw)


def unlock_keyring(path: Path, passphrase: str) -> MasterKey:
    """Open the keyring with the passphrase; ``WrongKeyError`` when it is not the right one."""
    params, wrapped = _read_keyring(path)
    kek = AESGCM(params.derive(passphrase))
    try:
        raw = kek.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _KEYRING_AAD)
    except InvalidTag:
        raise WrongKeyError(
            "the passphrase does not open this evidence locker; check PRYTULAK_PASSPHRASE "
            "(or what you typed), including keyboard layout (Latin/Cyrillic)"
        ) from None
    return MasterKey(raw)


def change_passphrase(path: Path, old: str, new: str, params: KdfParams | None = None) -> MasterKey:
    """Re-wrap the same master key under a new passphrase; the blobs stay as they are."""
    if not new:
        raise KeyringError("the new passphrase is empty")
    old_params, wrapped = _read_keyring(path)
    kek = AESGCM(old_params.derive(old))
    try:
        raw = kek.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _KEYRING_AAD)
    except InvalidTag:
        raise WrongKeyError("the old passphrase does not open this evidence locker") from None
    _write_keyring(path, params or KdfParams(name=old_params.name), new, raw)
    return MasterKey(raw)


def _write_keyring(path: Path, params: KdfParams, passphrase: str, master_raw: bytes) -> None:
    kek = AESGCM(params.derive(passphrase))
    nonce = os.urandom(NONCE_BYTES)
    wrapped = nonce + kek.encrypt(nonce, master_raw, _KEYRING_AAD)
    document = {
        "format": KEYRING_FORMAT,
        "kdf": params.to_json(),
        "wrapped_master_key": _b64(wrapped),
        "written": datetime.now(UTC).isoformat(timespec="seconds"),
        "note": "The master key is encrypted with a key derived from your passphrase. "
        "Without the passphrase the evidence cannot be read: keep a copy of it somewhere safe.",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(document, indent=2).encode("utf-8"))


def _read_keyring(path: Path) -> tuple[KdfParams, bytes]:
    if not path.is_file():
        raise KeyringError(f"no keyring at {path}; the evidence locker has not been created")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != KEYRING_FORMAT:
            raise KeyringError(f"{path} is not a Prytulak keyring ({KEYRING_FORMAT})")
        return KdfParams.from_json(document["kdf"]), _unb64(document["wrapped_master_key"])
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyringError(
            f"the keyring {path} is damaged ({exc}); restore it from a backup of the case folder"
        ) from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
