"""The evidence locker: intake, custody, encrypted storage, extraction, OCR, translation, export.

Public verbs (the rest is internal)::

    locker = Locker.open_or_create(case_folder, passphrase)
    add_files(locker, [path, ...], actor="attorney")     # intake: sniff, check, hash, encrypt
    process_item(locker, "F001", actor)                  # text layer / OCR, language, suggestions
    add_human_translation(...), machine_draft(...), certify_translation(...)
    verify_locker(locker)                                # re-hash everything, check custody
    export_bag(locker, out, actor)                       # BagIt bag for the attorney

The verbs are imported on first use, so a command pays only for what it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prytulak.lazy import lazy_exports

if TYPE_CHECKING:
    from .custody import CustodyEntry, CustodyLog
    from .engines import (
        EngineError,
        LibreTranslateEngine,
        LocalModelEngine,
        TranslationEngine,
        load_engine,
    )
    from .errors import EvidenceError, IntakeRefused, LockerBusy, NotFound
    from .export import ExportResult, export_bag
    from .glossary import glossary_misses, load_glossary, terms_in
    from .inspection import IntakeLimits
    from .intake import AddResult, add_file, add_files, describe_item, split_known
    from .jobs import JobObserver, JobReport, pending_job, run_job
    from .language import detect_language
    from .locker import Locker, locker_path
    from .ocr import OcrSettings
    from .processing import process_item, read_extraction
    from .records import Acquisition, ExtractedText, Item, Provenance, TranslationRecord
    from .sniff import FileKind
    from .translation import (
        add_human_translation,
        certify_translation,
        machine_draft,
        needs_translation,
        render_translation,
    )
    from .verify import Finding, VerifyReport, verify_locker

_HOME = {
    "Acquisition": ".records",
    "AddResult": ".intake",
    "CustodyEntry": ".custody",
    "CustodyLog": ".custody",
    "EngineError": ".engines",
    "EvidenceError": ".errors",
    "ExportResult": ".export",
    "ExtractedText": ".records",
    "FileKind": ".sniff",
    "Finding": ".verify",
    "IntakeLimits": ".inspection",
    "IntakeRefused": ".errors",
    "Item": ".records",
    "JobObserver": ".jobs",
    "JobReport": ".jobs",
    "LibreTranslateEngine": ".engines",
    "LocalModelEngine": ".engines",
    "Locker": ".locker",
    "LockerBusy": ".errors",
    "NotFound": ".errors",
    "OcrSettings": ".ocr",
    "Provenance": ".records",
    "TranslationEngine": ".engines",
    "TranslationRecord": ".records",
    "VerifyReport": ".verify",
    "add_file": ".intake",
    "add_files": ".intake",
    "add_human_translation": ".translation",
    "certify_translation": ".translation",
    "describe_item": ".intake",
    "detect_language": ".language",
    "export_bag": ".export",
    "glossary_misses": ".glossary",
    "load_engine": ".engines",
    "load_glossary": ".glossary",
    "locker_path": ".locker",
    "machine_draft": ".translation",
    "needs_translation": ".translation",
    "pending_job": ".jobs",
    "process_item": ".processing",
    "read_extraction": ".processing",
    "render_translation": ".translation",
    "run_job": ".jobs",
    "split_known": ".intake",
    "terms_in": ".glossary",
    "verify_locker": ".verify",
}

__all__ = [
    "Acquisition",
    "AddResult",
    "CustodyEntry",
    "CustodyLog",
    "EngineError",
    "EvidenceError",
    "ExportResult",
    "ExtractedText",
    "FileKind",
    "Finding",
    "IntakeLimits",
    "IntakeRefused",
    "Item",
    "JobObserver",
    "JobReport",
    "LibreTranslateEngine",
    "LocalModelEngine",
    "Locker",
    "LockerBusy",
    "NotFound",
    "OcrSettings",
    "Provenance",
    "TranslationEngine",
    "TranslationRecord",
    "VerifyReport",
    "add_file",
    "add_files",
    "add_human_translation",
    "certify_translation",
    "describe_item",
    "detect_language",
    "export_bag",
    "glossary_misses",
    "load_engine",
    "load_glossary",
    "locker_path",
    "machine_draft",
    "needs_translation",
    "pending_job",
    "process_item",
    "read_extraction",
    "render_translation",
    "run_job",
    "split_known",
    "terms_in",
    "verify_locker",
]

__getattr__ = lazy_exports(__name__, _HOME)
