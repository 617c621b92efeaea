"""Each web case's evidence locker (``prytulak.evidence``) under the data directory.

Files uploaded on the web go through the locker's own verbs: intake (sniff, hash, encrypt,
custody), then text extraction, OCR and language detection in the background. The locker's
passphrase is a random installation secret kept in the data directory (mode 0600).
"""

from __future__ import annotations

import importlib
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy

from prytulak.store.blobs import BlobError

from .services import Unavailable

__all__ = [
    "DocumentView",
    "TranslationView",
    "add_certified_translation",
    "case_folder",
    "describe",
    "document_view",
    "extracted_text",
    "installation_passphrase",
    "intake_upload",
    "process_upload",
    "read_original",
]

_OPEN: dict[int, Any] = {}
_LOCK = threading.Lock()


def _evidence() -> Any:
    try:
        return importlib.import_module("prytulak.evidence")
    except ImportError:
        return None


def installation_passphrase() -> str:
    """The random secret that opens this installation's lockers (``locker.key``, 0600)."""
    path = Path(settings.DATA_DIR) / "locker.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text(encoding="ascii").strip()
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(32))
    return path.read_text(encoding="ascii").strip()


def case_folder(case_pk: int) -> Path:
    """The web case's folder: its evidence locker is ``<folder>/evidence/locker``."""
    return Path(settings.DATA_DIR) / "lockers" / str(case_pk)


def _locker(case_pk: int) -> Any:
    evidence = _evidence()
    with _LOCK:
        if case_pk not in _OPEN:
            folder = case_folder(case_pk)
            folder.mkdir(parents=True, exist_ok=True)
            _OPEN[case_pk] = evidence.Locker.open_or_create(folder, installation_passphrase())
        return _OPEN[case_pk]


def intake_upload(case_pk: int, path: Path, actor: str) -> Any:
    """The locker's intake result (``.item``, ``.duplicate``), or ``Unavailable`` / the intake
    refusal as a message."""
    evidence = _evidence()
    if evidence is None:
        return Unavailable("evidence locker", "not available yet")
    try:
        result = evidence.add_file(_locker(case_pk), path, actor=actor)
    except evidence.IntakeRefused as refused:
        code = getattr(refused, "code", "")
        said = REFUSALS.get(code)
        if said and code in ("not-added", "unreadable"):  # the cause (a full disk …) helps
            return Unavailable("evidence locker", f"{said} ({refused.problem})")
        return Unavailable("evidence locker", str(said) if said else str(refused))
    except evidence.EvidenceError as error:  # e.g. the locker is busy or its disk is full
        return Unavailable("evidence locker", str(error))
    except (BlobError, OSError) as error:
        why = getattr(error, "strerror", None) or str(error)
        return Unavailable("evidence locker", f"{REFUSALS['not-added']} ({why})")
    return result


REFUSALS = {
    "empty": gettext_lazy("the file is empty; take the photo or choose the file again"),
    "program": gettext_lazy("this is a program or script, not a document; send a photo or PDF"),
    "macros": gettext_lazy(
        "this office file contains macros; save it as PDF and send the PDF instead"
    ),
    "archive": gettext_lazy("this is an archive (zip); send the documents in it one by one"),
    "damaged-archive": gettext_lazy("this archive is damaged; send the documents one by one"),
    "unknown-type": gettext_lazy("this kind of file cannot be read; send a photo or a PDF"),
    "unsupported-type": gettext_lazy("this kind of file cannot be read; send a photo or a PDF"),
    "encrypted-pdf": gettext_lazy(
        "this PDF is locked with a password; send it without the password, or ask your "
        "attorney's office to add it"
    ),
    "wrong-pdf-password": gettext_lazy("the PDF password does not open this PDF"),
    "damaged-pdf": gettext_lazy("this PDF is damaged; download or scan it again"),
    "damaged-image": gettext_lazy("this picture is damaged; take the photo again"),
    "damaged-docx": gettext_lazy("this Word file is damaged; save it again or send a PDF"),
    "too-large": gettext_lazy("the file is too large; send it in parts"),
    "pixel-limit": gettext_lazy("the picture is too large; take the photo at a lower resolution"),
    "decompression-bomb": gettext_lazy("the picture is too large; take it again at a lower size"),
    "changed": gettext_lazy("the file changed while it was being sent; send it again"),
    "not-found": gettext_lazy("the file did not arrive whole; send it again"),
    "unreadable": gettext_lazy("the file could not be read; send it again"),
    "not-added": gettext_lazy(
        "the file could not be stored just now; send it again in a few minutes, and tell your "
        "attorney's office if it happens again"
    ),
}
"""What the web says for each refusal code of the locker, in the user's language (the locker's
own message names command-line options)."""


def process_upload(
    case_pk: int, item_id: str, actor: str, progress: Callable[[int, int], None]
) -> Any:
    """Extract text, OCR and detect the language; returns the updated locker item."""
    evidence = _evidence()
    return evidence.process_item(_locker(case_pk), item_id, actor, progress=progress)


def describe(case_pk: int, item_id: str, actor: str, **provenance: object) -> None:
    """Say what a locker item is (``evidence_ref=``, ``description=`` …); logged in custody."""
    evidence = _evidence()
    if evidence is None or not item_id:
        return
    evidence.describe_item(_locker(case_pk), item_id, actor, **provenance)


def extracted_text(case_pk: int, item_id: str) -> str | None:
    evidence = _evidence()
    if evidence is None:
        return None
    locker = _locker(case_pk)
    try:
        found = evidence.read_extraction(locker, locker.item(item_id))
    except evidence.EvidenceError:
        return None
    return found.full_text() if found is not None else None


def read_original(case_pk: int, item_id: str) -> bytes | None:
    """The uploaded file's bytes, or None when the locker no longer has it."""
    evidence = _evidence()
    locker = _locker(case_pk)
    try:
        return bytes(locker.blobs.read(locker.item(item_id).sha256))
    except (evidence.EvidenceError, BlobError, OSError):
        return None


@dataclass(frozen=True)
class TranslationView:
    id: str
    status: str
    certified: bool
    machine: bool
    text: str
    """The locker's own rendering: heading, draft banner or certificate, then the text."""
    glossary_misses: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentView:
    """What the document viewer shows: the text, how it was read, and its translations."""

    text: str | None
    language: str | None = None
    languages: tuple[str, ...] = ()
    methods: tuple[tuple[int, str], ...] = ()
    """(page, how its text was read: text layer, OCR, document text, no text)."""
    needs_ocr: tuple[int, ...] = ()
    processed: bool = False
    translations: tuple[TranslationView, ...] = field(default=())
    needs_translation: bool = False


def _translations(evidence: Any, locker: Any, item: Any) -> tuple[TranslationView, ...]:
    found = []
    for record in item.translations:
        try:
            text = evidence.render_translation(locker, item, record)
        except (evidence.EvidenceError, BlobError, UnicodeDecodeError):
            text = ""
        found.append(
            TranslationView(
                record.id,
                record.status,
                record.certified,
                str(record.kind) == "machine draft",
                text,
                tuple(record.glossary_misses),
            )
        )
    return tuple(found)


def add_certified_translation(
    case_pk: int, item_id: str, text: str, actor: str, translator: str, address: str
) -> str | None:
    """A person's English translation, certified with their name and address; returns the
    locker's refusal as a message, or None when it is stored."""
    evidence = _evidence()
    if evidence is None:
        return "the evidence locker is not available"
    try:
        evidence.add_human_translation(
            _locker(case_pk), item_id, text, actor, translator=translator, address=address
        )
    except evidence.EvidenceError as error:
        return str(error)
    return None


def document_view(case_pk: int, item_id: str) -> DocumentView | None:
    """The locker item's text, reading status and translations; None when it has no such item."""
    evidence = _evidence()
    if evidence is None or not item_id:
        return None
    locker = _locker(case_pk)
    try:
        item = locker.item(item_id)
        content = evidence.read_extraction(locker, item)
    except (evidence.EvidenceError, BlobError):
        return None
    extraction = item.extraction
    return DocumentView(
        text=content.full_text() if content is not None else None,
        language=extraction.language if extraction else None,
        languages=tuple(extraction.languages) if extraction else (),
        methods=tuple((p.number, str(p.method)) for p in extraction.pages) if extraction else (),
        needs_ocr=tuple(extraction.needs_ocr) if extraction else (),
        processed=extraction is not None,
        translations=_translations(evidence, locker, item),
        needs_translation=bool(evidence.needs_translation(item)),
    )
