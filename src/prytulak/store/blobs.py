"""Encrypted, content-addressed blob store.

A blob is stored under the SHA-256 of its *plaintext* (``ab/abcdef…``), so the same bytes are
stored once and any change is visible as a hash mismatch. On disk each blob is::

    MAGIC (8) | wrapped data key (12 nonce + 32 key + 16 tag) | data nonce (12)
    | ciphertext | tag (16)

The data key is random per blob and wrapped by the master key (AES-256-GCM, see ``keys.py``);
the data is AES-256-GCM with the header as associated data. Writing streams through one pass
(hash + encrypt) into a temporary file that is fsync'd and renamed into place, so a crash leaves
either no blob or a complete one. Reading checks the GCM tag *and* re-hashes the plaintext.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from .keys import KEY_BYTES, NONCE_BYTES, MasterKey, WrongKeyError

__all__ = ["BlobError", "BlobInfo", "BlobMissing", "BlobState", "BlobStore", "sha256_file"]

MAGIC = b"PRYBLOB1"
_DEK_CONTEXT = b"prytulak-blob-data-key-v1"
_WRAPPED_BYTES = NONCE_BYTES + KEY_BYTES + 16
_HEADER_BYTES = len(MAGIC) + _WRAPPED_BYTES + NONCE_BYTES
_TAG_BYTES = 16
CHUNK = 1 << 20


class BlobError(Exception):
    """A blob is missing, altered, or not readable with this key."""


class BlobMissing(BlobError):
    """The blob's file is not in the store (deleted, or the folder was copied incompletely)."""


class BlobState(Enum):
    OK = "ok"
    MISSING = "missing"
    ALTERED = "altered"
    WRONG_KEY = "wrong key"


@dataclass(frozen=True)
class BlobInfo:
    sha256: str
    size: int
    new: bool


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    """Blobs under ``root``, encrypted with data keys wrapped by ``key``."""

    def __init__(self, root: Path, key: MasterKey) -> None:
        self.root = Path(root)
        self._key = key

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise BlobError(f"{sha256!r} is not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for blob in sorted(sub.iterdir()):
                    if len(blob.name) == 64:
                        yield blob.name

    def remove(self, sha256: str) -> None:
        """Delete a blob (no error if it is not there). Blobs are shared by content: the
        caller must know nothing else refers to it."""
        self.path_for(sha256).unlink(missing_ok=True)

    def put_bytes(self, data: bytes) -> BlobInfo:
        return self._put_stream(_BytesReader(data))

    def put_file(self, path: Path) -> BlobInfo:
        with open(path, "rb") as handle:
            return self._put_stream(handle)

    def read(self, sha256: str) -> bytes:
        """The plaintext; ``BlobError`` when missing, altered or under another key."""
        parts: list[bytes] = []
        self._decrypt(sha256, parts.append)  # raises before returning anything unverified
        return b"".join(parts)

    def write_to(self, sha256: str, target: Path) -> None:
        """Decrypt into ``target`` (atomically; nothing is left behind if the check fails)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                self._decrypt(sha256, out.write)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def check(self, sha256: str) -> BlobState:
        """Decrypt and re-hash without keeping the plaintext."""
        try:
            self._decrypt(sha256, lambda _chunk: None)
        except WrongKeyError:
            return BlobState.WRONG_KEY
        except BlobMissing:
            return BlobState.MISSING
        except BlobError:
            return BlobState.ALTERED
        return BlobState.OK

    def _put_stream(self, source: BinaryIO | _BytesReader) -> BlobInfo:
        self.root.mkdir(parents=True, exist_ok=True)
        data_key = os.urandom(KEY_BYTES)
        nonce = os.urandom(NONCE_BYTES)
        header = MAGIC + self._key.wrap(data_key, _DEK_CONTEXT) + nonce
        encryptor = Cipher(algorithms.AES(data_key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(header)
        digest = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(header)
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(encryptor.update(chunk))
                out.write(encryptor.finalize() + encryptor.tag)
                out.flush()
                os.fsync(out.fileno())
            return self._commit(Path(tmp), digest.hexdigest(), size)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def _commit(self, tmp: Path, sha256: str, size: int) -> BlobInfo:
        target = self.path_for(sha256)
        if target.is_file() and self.check(sha256) is BlobState.OK:
            tmp.unlink()
            return BlobInfo(sha256, size, new=False)
        target.parent.mkdir(exist_ok=True)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
        return BlobInfo(sha256, size, new=True)

    def _decrypt(self, sha256: str, sink: Callable[[bytes], object]) -> None:
        path = self.path_for(sha256)
        try:
            handle = open(path, "rb")  # noqa: SIM115  (closed by the with below)
        except (FileNotFoundError, NotADirectoryError):
            raise BlobMissing(
                f"blob {sha256[:12]}… is missing from the locker (deleted or not copied)"
            ) from None
        except OSError as error:
            raise BlobError(
                f"blob {sha256[:12]}… cannot be read ({error.strerror or error})"
            ) from None
        with handle:
            total = os.fstat(handle.fileno()).st_size
            header = handle.read(_HEADER_BYTES)
            if total < _HEADER_BYTES + _TAG_BYTES or not header.startswith(MAGIC):
                raise BlobError(f"blob {sha256[:12]}… is not a Prytulak blob (damaged or replaced)")
            wrapped = header[len(MAGIC) : len(MAGIC) + _WRAPPED_BYTES]
            data_key = self._key.unwrap(wrapped, _DEK_CONTEXT)
            handle.seek(total - _TAG_BYTES)
            tag = handle.read(_TAG_BYTES)
            handle.seek(_HEADER_BYTES)
            nonce = header[-NONCE_BYTES:]
            decryptor = Cipher(algorithms.AES(data_key), modes.GCM(nonce, tag)).decryptor()
            decryptor.authenticate_additional_data(header)
            digest = hashlib.sha256()
            remaining = total - _HEADER_BYTES - _TAG_BYTES
            while remaining > 0:
                chunk = decryptor.update(handle.read(min(CHUNK, remaining)))
                remaining -= CHUNK
                digest.update(chunk)
                sink(chunk)  # callers discard everything unless the checks below pass
            try:
                decryptor.finalize()
            except InvalidTag:
                raise BlobError(
                    f"blob {sha256[:12]}… has been altered (authentication failed)"
                ) from None
        if digest.hexdigest() != sha256:
            raise BlobError(f"blob {sha256[:12]}… does not match its hash (swapped or altered)")


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._view = memoryview(data)
        self._pos = 0

    def read(self, size: int) -> bytes:
        chunk = bytes(self._view[self._pos : self._pos + size])
        self._pos += len(chunk)
        return chunk


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
