"""Encryption at rest: AES-256-GCM blobs under per-blob keys wrapped by a passphrase's key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prytulak.evidence import EvidenceError, Locker
from prytulak.store.blobs import BlobError, BlobState, BlobStore
from prytulak.store.keys import (
    KdfParams,
    MasterKey,
    WrongKeyError,
    change_passphrase,
    create_keyring,
    unlock_keyring,
)

from .conftest import PASSPHRASE


@pytest.mark.parametrize("kdf", ["argon2id", "scrypt"])
def test_passphrase_opens_the_keyring_and_a_wrong_one_says_so(tmp_path: Path, kdf: str) -> None:
    path = tmp_path / "keyring.json"
    key = create_keyring(path, "пароль-1", KdfParams.light(kdf))  # type: ignore[arg-type]
    store = BlobStore(tmp_path / "blobs", key)
    sha = store.put_bytes("Пастанова суда".encode()).sha256
    reopened = BlobStore(tmp_path / "blobs", unlock_keyring(path, "пароль-1"))
    assert reopened.read(sha).decode() == "Пастанова суда"
    with pytest.raises(WrongKeyError, match="the passphrase does not open this evidence locker"):
        unlock_keyring(path, "пароль-2")


def test_files_on_disk_are_ciphertext(tmp_path: Path) -> None:
    store = BlobStore(tmp_path, MasterKey.generate())
    secret = "Казлоў Яўген, затрыманы на Акрэсціна".encode() * 50
    sha = store.put_bytes(secret).sha256
    on_disk = store.path_for(sha).read_bytes()
    assert secret[:40] not in on_disk
    assert "Акрэсціна".encode() not in on_disk


def test_same_content_is_stored_once(tmp_path: Path) -> None:
    store = BlobStore(tmp_path, MasterKey.generate())
    first = store.put_bytes(b"summons")
    second = store.put_bytes(b"summons")
    assert first.sha256 == second.sha256 and first.new and not second.new
    assert list(store.hashes()) == [first.sha256]


def test_a_changed_byte_and_a_swapped_blob_are_detected(tmp_path: Path) -> None:
    store = BlobStore(tmp_path, MasterKey.generate())
    one = store.put_bytes(os.urandom(5000)).sha256
    two = store.put_bytes(os.urandom(5000)).sha256
    path = store.path_for(one)
    data = bytearray(path.read_bytes())
    data[2000] ^= 0x01
    path.write_bytes(bytes(data))
    assert store.check(one) is BlobState.ALTERED
    with pytest.raises(BlobError, match="has been altered"):
        store.read(one)
    store.path_for(one).write_bytes(store.path_for(two).read_bytes())
    with pytest.raises(BlobError, match="does not match its hash"):
        store.read(one)


def test_a_blob_under_another_master_key_is_reported_as_such(tmp_path: Path) -> None:
    sha = BlobStore(tmp_path, MasterKey.generate()).put_bytes(b"x" * 100).sha256
    other = BlobStore(tmp_path, MasterKey.generate())
    assert other.check(sha) is BlobState.WRONG_KEY
    with pytest.raises(WrongKeyError, match="different master key"):
        other.read(sha)


def test_changing_the_passphrase_keeps_every_blob_readable(tmp_path: Path) -> None:
    path = tmp_path / "keyring.json"
    store = BlobStore(tmp_path / "b", create_keyring(path, "old", KdfParams.light()))
    sha = store.put_bytes(b"ruling").sha256
    change_passphrase(path, "old", "new", KdfParams.light())
    assert BlobStore(tmp_path / "b", unlock_keyring(path, "new")).read(sha) == b"ruling"
    with pytest.raises(WrongKeyError):
        unlock_keyring(path, "old")


def test_locker_with_the_wrong_passphrase_gives_a_clear_error(locker: Locker) -> None:
    with pytest.raises(WrongKeyError, match="PRYTULAK_PASSPHRASE"):
        Locker.open(locker.case_folder, PASSPHRASE + "!")
    assert Locker.open(locker.case_folder, PASSPHRASE).items() == []


def test_a_case_without_a_locker_says_how_to_start_one(tmp_path: Path) -> None:
    with pytest.raises(EvidenceError, match="prytulak evidence add"):
        Locker(tmp_path, None)
