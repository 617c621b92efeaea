"""Adding files to the locker: hash, check, encrypt, record, start the custody log."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from prytulak.store.blobs import sha256_file

from .errors import EvidenceError, IntakeRefused
from .inspection import Inspected, IntakeLimits, inspect_file
from .locker import Locker
from .records import Derived, DerivedKind, Item, Provenance

__all__ = ["AddResult", "add_file", "add_files", "describe_item", "split_known"]


@dataclass(frozen=True)
class AddResult:
    path: Path
    item: Item | None = None
    duplicate: bool = False
    refused: IntakeRefused | None = None
    quarantined: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


def add_file(
    locker: Locker,
    path: Path,
    *,
    actor: str,
    provenance: Provenance | None = None,
    limits: IntakeLimits | None = None,
    pdf_password: str | None = None,
) -> AddResult:
    """Add one file. Raises ``IntakeRefused`` for files the locker will not take, including
    one that disappears, cannot be read or changes while it is being added (nothing of it is
    kept then)."""
    path = Path(path)
    if not path.is_file():
        raise IntakeRefused("not-found", f"{path} is not a file", "check the path")
    try:
        sha = sha256_file(path)
        existing = locker.find_by_hash(sha)
        if existing is not None:
            return AddResult(path, existing, duplicate=True)
        inspected = inspect_file(path, limits or IntakeLimits(), pdf_password)
        with locker.lock():
            existing = locker.find_by_hash(sha)  # another process may have added it meanwhile
            if existing is not None:
                return AddResult(path, existing, duplicate=True)
            item = _store(locker, path, sha, inspected, actor, provenance or Provenance())
    except OSError as error:
        raise _os_problem(path, error) from error
    return AddResult(path, item, warnings=inspected.warnings)


_LOCKER_SIDE = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
NOT_KEPT = frozenset({"empty", "not-found", "unreadable", "changed", "not-added"})
"""Refusal codes for which there is nothing (or nothing trustworthy) to keep in quarantine."""


def _os_problem(path: Path, error: OSError) -> EvidenceError:
    if error.errno in _LOCKER_SIDE:
        return EvidenceError(
            f"the evidence locker cannot be written ({error.strerror or error})",
            "free some disk space (or make the case folder writable) and add the file again",
        )
    if isinstance(error, FileNotFoundError) and not path.exists():
        return IntakeRefused(
            "not-found",
            f"{path} disappeared while it was being added (moved or deleted)",
            "check where it went and add it again",
        )
    return IntakeRefused(
        "unreadable",
        f"{path} cannot be read ({error.strerror or error})",
        "check that you may read it (or copy it to a folder of your own) and add it again",
    )


def add_files(
    locker: Locker,
    paths: list[Path],
    *,
    actor: str,
    provenance: Provenance | None = None,
    limits: IntakeLimits | None = None,
    pdf_password: str | None = None,
    quarantine: bool = False,
) -> list[AddResult]:
    """Add several files; a refused file is reported (and kept if ``quarantine``), not fatal."""
    results = []
    for path in _expand(paths):
        try:
            results.append(
                add_file(
                    locker,
                    path,
                    actor=actor,
                    provenance=provenance,
                    limits=limits,
                    pdf_password=pdf_password,
                )
            )
        except IntakeRefused as refusal:
            kept = None
            if quarantine and path.is_file() and refusal.code not in NOT_KEPT:
                try:
                    with locker.lock():
                        kept = locker.quarantine(path, refusal.code, str(refusal), actor)
                except (OSError, EvidenceError):
                    kept = None  # the refusal is still reported; nothing half-kept matters
            results.append(AddResult(path, refused=refusal, quarantined=kept))
        except EvidenceError as error:  # e.g. the locker is busy or full: this file, not all
            failed = IntakeRefused("not-added", error.problem, error.fix)
            results.append(AddResult(path, refused=failed))
    return results


def split_known(locker: Locker, paths: list[Path]) -> tuple[list[AddResult], list[Path]]:
    """Files already in the locker (found by hash, no passphrase needed) and the rest."""
    by_hash = {item.sha256: item for item in locker.items()}
    known, rest = [], []
    for path in _expand(paths):
        try:
            item = by_hash.get(sha256_file(path)) if path.is_file() else None
        except OSError:  # gone or unreadable: add_files says so
            item = None
        if item is not None:
            known.append(AddResult(path, item, duplicate=True))
        else:
            rest.append(path)
    return known, rest


def describe_item(locker: Locker, item_id: str, actor: str, **changes: object) -> Item:
    """Change provenance fields (``description=…``, ``events=[…]``); logged in custody."""
    with locker.lock():
        item = locker.item(item_id)
        unknown = set(changes) - set(Provenance.model_fields)
        if unknown:
            raise EvidenceError(f"unknown provenance field(s): {', '.join(sorted(unknown))}")
        merged = item.provenance.model_dump() | {k: v for k, v in changes.items() if v is not None}
        provenance = Provenance.model_validate(merged)
        if provenance == item.provenance:
            return item
        changed = ", ".join(sorted(k for k, v in changes.items() if v is not None))
        item = item.model_copy(update={"provenance": provenance})
        return locker.record(item, actor, "described", detail=f"changed: {changed}")


def _store(
    locker: Locker, path: Path, sha: str, inspected: Inspected, actor: str, provenance: Provenance
) -> Item:
    info = locker.blobs.put_file(path)
    if info.sha256 != sha:
        if info.new:  # what was stored is not what was checked: keep nothing of it
            locker.blobs.remove(info.sha256)
        raise IntakeRefused(
            "changed",
            f"{path.name} changed while it was being added",
            "wait until it is completely copied or saved, then add it again",
        )
    derived = []
    if inspected.decrypted_pdf is not None:
        unlocked = locker.blobs.put_bytes(inspected.decrypted_pdf)
        derived.append(
            Derived(
                kind=DerivedKind.UNLOCKED_PDF,
                sha256=unlocked.sha256,
                media_type="application/pdf",
                tool="pikepdf",
                note="working copy with the password removed; the original is unchanged",
            )
        )
    item = Item(
        id="F000",
        sha256=sha,
        size=info.size,
        kind=inspected.kind,
        media_type=inspected.kind.media_type,
        original_name=path.name,
        added_by=actor,
        pages=inspected.pages,
        intake_notes=list(inspected.warnings),
        provenance=provenance,
        derived=derived,
        custody_head="",
        custody_count=0,
    )
    detail = f"received as {path.name!r}: {inspected.kind.value}, {info.size} bytes"
    created = locker.create_item(item, actor, detail)
    if derived:
        created = locker.record(
            created,
            actor,
            "unlocked",
            before=sha,
            after=derived[0].sha256,
            detail="password removed in a working copy",
        )
    return created


def _expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders become their files (recursively, hidden files skipped)."""
    out: list[Path] = []
    for path in paths:
        if Path(path).is_dir():
            out.extend(
                p
                for p in sorted(Path(path).rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            out.append(Path(path))
    return out
