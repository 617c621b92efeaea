"""Filing-package builds in the background, kept encrypted, downloaded whole or file by file.

A build runs in the in-process worker (``worker.py``) and records its progress on its
``PackageBuild`` row, which the page polls. ``prytulak.filing`` writes the package to a
temporary folder; every file then goes into an encrypted blob store in the data directory
(``packages/``, the same AES-256-GCM store as the evidence lockers) and the folder is deleted,
so no plaintext package stays on disk. The zip is assembled when it is downloaded. Each case
keeps its newest ``PRYTULAK_PACKAGE_KEEP`` finished builds (5); a new build deletes older
ones and the files no other build uses.
"""

from __future__ import annotations

import io
import logging
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from prytulak.store.blobs import BlobError, BlobStore
from prytulak.store.keys import create_keyring, unlock_keyring
from prytulak.web.accounts.models import User

from . import lockers, services, worker
from .clock import today
from .models import Case, PackageBuild
from .remedies import WorkbenchRemedies

__all__ = ["package_file", "package_zip", "prune_builds", "start_build", "zip_name"]

log = logging.getLogger(__name__)
_STORE: list[BlobStore] = []
_LOCK = threading.Lock()
NOTICE = (
    "Draft prepared with Prytulak. Not legal advice: the attorney must review every document "
    "before filing.\n"
)


def _store() -> BlobStore:
    """The installation's package store, unlocked once per process."""
    with _LOCK:
        if not _STORE:
            root = Path(settings.DATA_DIR) / "packages"
            root.mkdir(parents=True, exist_ok=True)
            keyring = root / "keyring.json"
            secret = lockers.installation_passphrase()
            if keyring.is_file():
                key = unlock_keyring(keyring, secret)
            else:
                key = create_keyring(keyring, secret)
            _STORE.append(BlobStore(root / "blobs", key))
        return _STORE[0]


def start_build(case: Case, user: User) -> PackageBuild:
    """Queue a build of the case as it is now; the worker fills in the row."""
    build = PackageBuild.objects.create(case=case, user=user, case_version=case.version)
    worker.submit(_build, build.pk)
    return build


def _update(build_pk: int, **values: Any) -> None:
    PackageBuild.objects.filter(pk=build_pk).update(**values)


def _build(build_pk: int) -> None:
    build = PackageBuild.objects.select_related("case").get(pk=build_pk)
    _update(build_pk, state=PackageBuild.State.RUNNING, progress=2, step="starting")
    try:
        case_file = build.case.case_file(today())
        total = len(case_file.evidence) + 3
        done = [0]

        def progress(label: str) -> None:
            done[0] += 1
            share = 2 + int(88 * min(done[0], total) / total)
            _update(build_pk, progress=share, step=label[:100])

        with tempfile.TemporaryDirectory(prefix="prytulak-package-") as folder:
            out = Path(folder) / "package"
            made = services.build_package(
                case_file,
                lockers.case_folder(build.case_id),
                out,
                today(),
                progress,
                WorkbenchRemedies(build.case_id),
            )
            if isinstance(made, services.Unavailable):
                raise RuntimeError(made.reason)
            _update(build_pk, progress=92, step="storing")
            files = _keep(made, out)
    except Exception as error:  # recorded on the row and shown on the page, never a traceback
        log.warning("package build failed: %s", type(error).__name__)
        message = " ".join(line.strip() for line in str(error).splitlines())[:500]
        _update(
            build_pk,
            state=PackageBuild.State.FAILED,
            message=message or type(error).__name__,
            finished=timezone.now(),
        )
        return
    _update(
        build_pk,
        state=PackageBuild.State.DONE,
        progress=100,
        step="",
        files=files,
        warnings=[str(w) for w in made.warnings],
        review_notes=[str(n) for n in made.review_notes],
        finished=timezone.now(),
    )
    prune_builds(build.case_id)


def prune_builds(case_pk: int) -> int:
    """Keep the newest ``PRYTULAK_PACKAGE_KEEP`` finished builds of a case; delete older rows
    and the encrypted files no remaining build of any case uses. Returns the rows deleted."""
    keep = max(1, int(getattr(settings, "PRYTULAK_PACKAGE_KEEP", 5)))
    finished = PackageBuild.objects.filter(
        case_id=case_pk, state__in=(PackageBuild.State.DONE, PackageBuild.State.FAILED)
    ).order_by("-created", "-pk")
    old = list(finished[keep:])
    if not old:
        return 0
    hashes = {f["sha256"] for b in old for f in b.files if f.get("sha256")}
    PackageBuild.objects.filter(pk__in=[b.pk for b in old]).delete()
    used = {
        f["sha256"]
        for files in PackageBuild.objects.values_list("files", flat=True)
        for f in files or []
        if f.get("sha256")
    }
    store = _store()
    for digest in hashes - used:
        store.remove(digest)
    return len(old)


def _keep(made: Any, out: Path) -> list[dict[str, Any]]:
    """Every file of the package (and its manifest) into the encrypted store."""
    store = _store()
    entries = [
        {"path": f.path, "role": f.role, "bytes": f.bytes, "pages": f.pages} for f in made.files
    ]
    if made.manifest is not None:
        entries.append({"path": "manifest.json", "role": "manifest", "pages": None})
    kept = []
    for entry in entries:
        path = out / entry["path"]
        if not path.is_file():
            continue
        info = store.put_file(path)
        kept.append({**entry, "sha256": info.sha256, "bytes": info.size})
    return kept


def package_file(build: PackageBuild, path: str) -> bytes | None:
    """One document of a finished build, or None when there is no such file."""
    entry = build.file(path)
    if entry is None:
        return None
    try:
        return _store().read(entry["sha256"])
    except (BlobError, OSError):  # missing or altered: the caller says so
        return None


def zip_name(build: PackageBuild) -> str:
    stamp = timezone.localtime(build.finished or build.created).strftime("%Y%m%d-%H%M")
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in build.case.case_id)
    return f"{safe}-package-{stamp}.zip"


def package_zip(build: PackageBuild) -> bytes | None:
    """The whole package as a zip (files under one folder), or None if a file is missing."""
    buffer = io.BytesIO()
    root = zip_name(build).removesuffix(".zip")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{root}/NOT-LEGAL-ADVICE.txt", NOTICE)
        for entry in build.files:
            data = package_file(build, entry["path"])
            if data is None:
                return None
            archive.writestr(f"{root}/{entry['path']}", data)
    return buffer.getvalue()
