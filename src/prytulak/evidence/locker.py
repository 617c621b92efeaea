"""The evidence locker of one case: ``<case>/evidence/locker/``.

Layout (see docs/evidence.md)::

    evidence/locker/
      LOCKER.txt        what this folder is, in plain words
      keyring.json      master key, wrapped by the passphrase (Argon2id or scrypt)
      blobs/ab/<sha256> encrypted, content-addressed files (originals and derived files)
      items/F001.json   one record per item: provenance, derived files, extraction, translations
      custody/F001.log  hash-chained custody log of that item (JSON lines)
      cache/ocr/<key>   OCR results by content hash (points at an encrypted blob)
      jobs/<name>.json  progress of long jobs, for resuming
      quarantine/       refused files kept on request, encrypted, with the reason
      .lock             held while a process changes the locker

Every write is atomic (temporary file, fsync, rename) or an fsync'd append, so killing the
process at any moment leaves every completed item intact.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

from prytulak.store.blobs import BlobStore
from prytulak.store.folder import atomic_write
from prytulak.store.keys import KdfParams, MasterKey, create_keyring, unlock_keyring

from .custody import CustodyEntry, CustodyLog, genesis_hash
from .errors import EvidenceError, LockerBusy, NotFound
from .records import Item, now_utc

__all__ = ["LOCKER_DIR", "Locker", "locker_path"]

LOCKER_DIR = Path("evidence") / "locker"
ITEM_ID = re.compile(r"^F(\d{3,})$")
_README = """This folder is a Prytulak evidence locker.
The files in blobs/ are encrypted (AES-256-GCM); they open only with the case passphrase.
Do not edit anything here by hand: run `prytulak evidence verify` to check it.
"""


def locker_path(case_folder: Path) -> Path:
    return Path(case_folder) / LOCKER_DIR


class Locker:
    """Records, custody logs and encrypted blobs of one case. ``key`` None: records only."""

    def __init__(self, case_folder: Path, key: MasterKey | None) -> None:
        self.case_folder = Path(case_folder)
        self.root = locker_path(case_folder)
        self._key = key
        if not (self.root / "keyring.json").is_file():
            raise EvidenceError(
                f"{self.case_folder} has no evidence locker yet",
                f"add a file with `prytulak evidence add {self.case_folder} FILE`",
            )

    @classmethod
    def create(cls, case_folder: Path, passphrase: str, kdf: KdfParams | None = None) -> Locker:
        root = locker_path(case_folder)
        if (root / "keyring.json").exists():
            raise EvidenceError(f"{root} already exists", "open it with its passphrase instead")
        root.mkdir(parents=True, exist_ok=True)
        key = create_keyring(root / "keyring.json", passphrase, kdf)
        (root / "LOCKER.txt").write_text(_README, encoding="utf-8")
        return cls(case_folder, key)

    @classmethod
    def open(cls, case_folder: Path, passphrase: str) -> Locker:
        return cls(
            case_folder, unlock_keyring(locker_path(case_folder) / "keyring.json", passphrase)
        )

    @classmethod
    def open_or_create(
        cls, case_folder: Path, passphrase: str, kdf: KdfParams | None = None
    ) -> Locker:
        if (locker_path(case_folder) / "keyring.json").is_file():
            return cls.open(case_folder, passphrase)
        return cls.create(case_folder, passphrase, kdf)

    @staticmethod
    def exists(case_folder: Path) -> bool:
        return (locker_path(case_folder) / "keyring.json").is_file()

    @property
    def blobs(self) -> BlobStore:
        if self._key is None:
            raise EvidenceError("this needs the locker's passphrase", "set PRYTULAK_PASSPHRASE")
        return BlobStore(self.root / "blobs", self._key)

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    @property
    def jobs_dir(self) -> Path:
        return self.root / "jobs"

    @contextlib.contextmanager
    def lock(self, wait_s: float = 30.0) -> Iterator[None]:
        """Hold the locker for a change; other processes wait up to ``wait_s`` seconds."""
        fd = os.open(self.root / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + wait_s
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise LockerBusy(
                            "another Prytulak process is changing this evidence locker",
                            "wait for it to finish and try again",
                        ) from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(fd)

    # --- items -------------------------------------------------------------------------------

    def items(self) -> list[Item]:
        folder = self.root / "items"
        if not folder.is_dir():
            return []
        paths = [p for p in folder.glob("F*.json") if ITEM_ID.match(p.stem)]
        return [self._read_item(p) for p in sorted(paths, key=lambda p: int(p.stem[1:]))]

    def item(self, item_id: str) -> Item:
        path = self.root / "items" / f"{item_id}.json"
        if not ITEM_ID.match(item_id) or not path.is_file():
            known = ", ".join(i.id for i in self.items()[:12]) or "none yet"
            raise NotFound(f"no evidence item {item_id!r}", f"known items: {known}")
        return self._read_item(path)

    def find_by_hash(self, sha256: str) -> Item | None:
        return next((i for i in self.items() if i.sha256 == sha256), None)

    def custody(self, item_id: str) -> CustodyLog:
        return CustodyLog(self.root / "custody" / f"{item_id}.log", item_id)

    def create_item(self, item: Item, actor: str, detail: str) -> Item:
        """Give ``item`` the next free id, start its custody log, save it. Hold ``lock()``."""
        (self.root / "custody").mkdir(parents=True, exist_ok=True)
        number = self._next_number()
        while True:
            item_id = f"F{number:03d}"
            entry = CustodyEntry(
                seq=1,
                actor=actor,
                action="added",
                after=item.sha256,
                detail=detail,
                state=item.model_copy(update={"id": item_id}).state_hash(),
                prev=genesis_hash(item_id),
            )
            entry = entry.model_copy(update={"hash": entry.computed_hash()})
            try:
                fd = os.open(
                    self.custody(item_id).path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600
                )
            except FileExistsError:
                number += 1
                continue
            try:
                os.write(
                    fd,
                    (
                        json.dumps(entry.model_dump(), ensure_ascii=False, sort_keys=True) + "\n"
                    ).encode(),
                )
                os.fsync(fd)
            finally:
                os.close(fd)
            created = item.model_copy(
                update={"id": item_id, "custody_head": entry.hash, "custody_count": 1}
            )
            self.save_item(created)
            return created

    def record(
        self,
        item: Item,
        actor: str,
        action: str,
        *,
        before: str | None = None,
        after: str | None = None,
        detail: str | None = None,
    ) -> Item:
        """Log an action on ``item`` and save the item's new state. Hold ``lock()``."""
        entry = self.custody(item.id).append(
            actor, action, before=before, after=after, detail=detail, state=item.state_hash()
        )
        updated = item.model_copy(update={"custody_head": entry.hash, "custody_count": entry.seq})
        self.save_item(updated)
        return updated

    def save_item(self, item: Item) -> None:
        folder = self.root / "items"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(item.model_dump(mode="json"), ensure_ascii=False, indent=2)
        atomic_write(folder / f"{item.id}.json", data.encode("utf-8"))

    def quarantine(self, path: Path, code: str, reason: str, actor: str) -> str:
        """Keep a refused file, encrypted, outside the evidence list; returns its SHA-256."""
        info = self.blobs.put_file(path)
        record = {
            "sha256": info.sha256,
            "name": path.name,
            "size": info.size,
            "code": code,
            "reason": reason,
            "at": now_utc(),
            "by": actor,
        }
        folder = self.root / "quarantine"
        folder.mkdir(exist_ok=True)
        atomic_write(
            folder / f"{info.sha256}.json", json.dumps(record, ensure_ascii=False).encode()
        )
        return info.sha256

    def quarantined(self) -> list[dict[str, object]]:
        folder = self.root / "quarantine"
        if not folder.is_dir():
            return []
        return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]

    def _next_number(self) -> int:
        numbers = [0]
        for folder, suffix in (("items", ".json"), ("custody", ".log")):
            for path in (self.root / folder).glob(f"F*{suffix}"):
                match = ITEM_ID.match(path.stem)
                if match:
                    numbers.append(int(match.group(1)))
        return max(numbers) + 1

    def _read_item(self, path: Path) -> Item:
        try:
            return Item.model_validate_json(path.read_bytes())
        except ValueError as exc:
            raise EvidenceError(
                f"the item record {path.name} is damaged ({str(exc).splitlines()[0]})",
                "restore the case folder from a backup; "
                "`prytulak evidence verify` shows what else changed",
            ) from None
