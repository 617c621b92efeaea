"""Where cases live: case folders on disk (``case.yaml`` + ``evidence/``), saved atomically,
and the encrypted, content-addressed blob store with its keys."""

from .blobs import BlobError, BlobInfo, BlobState, BlobStore, sha256_file
from .folder import CaseFolder, atomic_write, create_case_folder, save_case
from .keys import (
    KdfParams,
    KeyringError,
    MasterKey,
    WrongKeyError,
    change_passphrase,
    create_keyring,
    unlock_keyring,
)

__all__ = [
    "BlobError",
    "BlobInfo",
    "BlobState",
    "BlobStore",
    "CaseFolder",
    "KdfParams",
    "KeyringError",
    "MasterKey",
    "WrongKeyError",
    "atomic_write",
    "change_passphrase",
    "create_case_folder",
    "create_keyring",
    "save_case",
    "sha256_file",
    "unlock_keyring",
]
