"""English translations of foreign-language items: by a person, or as a machine draft.

USCIS (8 CFR 103.2(b)(3)) and the immigration courts (8 CFR 1003.33) require a full English
translation of each foreign-language document with the translator's certificate that they are
competent to translate and that the translation is complete and accurate. A machine draft stays
a DRAFT until a person reviews it and signs that certificate.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .engines import TranslationEngine
from .errors import EvidenceError, NotFound
from .glossary import glossary_misses
from .locker import Locker
from .processing import require_text
from .records import Item, TranslationKind, TranslationRecord, TranslatorCertificate

__all__ = [
    "LANGUAGE_NAMES",
    "add_human_translation",
    "certificate_statement",
    "certify_translation",
    "machine_draft",
    "needs_translation",
    "render_translation",
]

LANGUAGE_NAMES = {
    "ru": "Russian",
    "be": "Belarusian",
    "uk": "Ukrainian",
    "pl": "Polish",
    "lt": "Lithuanian",
    "en": "English",
}
DRAFT_BANNER = (
    "DRAFT MACHINE TRANSLATION — NOT CERTIFIED. A qualified translator must review and correct "
    "it and sign the certificate before it is filed."
)


def certificate_statement(name: str, source_language: str | None) -> str:
    language = LANGUAGE_NAMES.get(source_language or "", source_language or "the source language")
    return (
        f"I, {name}, certify that I am competent to translate from {language} into English, and "
        f"that the attached English translation of the {language} document is complete and "
        "accurate to the best of my knowledge and ability."
    )


def needs_translation(item: Item) -> bool:
    """Foreign-language items without a certified English translation."""
    language = item.extraction.language if item.extraction else None
    if language in (None, "en"):
        return False
    return not any(t.certified for t in item.translations)


def add_human_translation(
    locker: Locker,
    item_id: str,
    text: str,
    actor: str,
    *,
    translator: str | None = None,
    address: str | None = None,
    signed_on: date | None = None,
) -> TranslationRecord:
    """Store a person's translation; it is certified when name and address are given."""
    if not text.strip():
        raise EvidenceError("the translation is empty", "type or load the English text")
    item = locker.item(item_id)
    language = item.extraction.language if item.extraction else None
    certificate = None
    if translator:
        certificate = _certificate(translator, address, language, signed_on)
    source_text = _source_text(locker, item)
    return _store(
        locker,
        item,
        text,
        actor,
        TranslationKind.HUMAN,
        None,
        certificate,
        glossary_misses(source_text, text) if source_text else [],
    )


def machine_draft(
    locker: Locker,
    item_id: str,
    engine: TranslationEngine,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
) -> TranslationRecord:
    """Translate the item's extracted text paragraph by paragraph; the result is a DRAFT."""
    item = locker.item(item_id)
    content = require_text(locker, item)
    language = item.extraction.language if item.extraction else None
    if language is None or language == "en":
        raise EvidenceError(
            f"{item.id} is in English or its language is unknown",
            "nothing to translate; if the language is wrong, re-run OCR or type a translation",
        )
    segments = [p for page in content.pages for p in page.text.split("\n") if p.strip()]
    translated: list[str] = []
    step = 16
    for start in range(0, len(segments), step):
        translated.extend(engine.translate(segments[start : start + step], language, "en"))
        if progress:
            progress(len(translated), len(segments))
    text = "\n".join(translated)
    misses = glossary_misses(content.full_text(), text)
    return _store(
        locker, item, text, actor, TranslationKind.MACHINE_DRAFT, engine.name, None, misses
    )


def certify_translation(
    locker: Locker,
    item_id: str,
    translation_id: str,
    actor: str,
    *,
    translator: str,
    address: str,
    signed_on: date | None = None,
) -> TranslationRecord:
    """A person signs the certificate for a translation they made or reviewed."""
    with locker.lock():
        item = locker.item(item_id)
        record = _find(item, translation_id)
        language = item.extraction.language if item.extraction else None
        certified = record.model_copy(
            update={"certificate": _certificate(translator, address, language, signed_on)}
        )
        translations = [certified if t.id == record.id else t for t in item.translations]
        locker.record(
            item.model_copy(update={"translations": translations}),
            actor,
            "certified",
            after=record.sha256,
            detail=f"translation {record.id} certified by {translator}",
        )
    return certified


def render_translation(locker: Locker, item: Item, record: TranslationRecord) -> str:
    """The translation as a document: heading, draft banner or certificate, then the text."""
    text = locker.blobs.read(record.sha256).decode("utf-8")
    language = LANGUAGE_NAMES.get(record.source_language or "", record.source_language or "?")
    lines = [
        f"English translation of exhibit item {item.id} ({item.original_name}), from {language}",
        "",
    ]
    if record.certificate is None:
        lines += [
            DRAFT_BANNER if record.kind is TranslationKind.MACHINE_DRAFT else "NOT YET CERTIFIED",
            "",
        ]
    lines += [text, ""]
    if record.certificate is not None:
        cert = record.certificate
        if record.kind is TranslationKind.MACHINE_DRAFT:
            lines += [
                "(Prepared from a machine draft that the translator reviewed and corrected.)",
                "",
            ]
        lines += [
            "CERTIFICATE OF TRANSLATION",
            cert.statement,
            "",
            f"Signature: ______________________   Date: {cert.signed_on}",
            f"Name: {cert.name}",
            f"Address: {cert.address}",
        ]
    return "\n".join(lines) + "\n"


def _certificate(
    name: str, address: str | None, language: str | None, signed_on: date | None
) -> TranslatorCertificate:
    if not name.strip() or not (address or "").strip():
        raise EvidenceError(
            "a certified translation needs the translator's name and address",
            "pass --translator NAME --address 'street, city, state ZIP'",
        )
    return TranslatorCertificate(
        name=name.strip(),
        address=(address or "").strip(),
        statement=certificate_statement(name.strip(), language),
        signed_on=(signed_on or date.today()).isoformat(),
    )


def _source_text(locker: Locker, item: Item) -> str:
    if item.extraction is None:
        return ""
    return require_text(locker, item).full_text()


def _find(item: Item, translation_id: str) -> TranslationRecord:
    for record in item.translations:
        if record.id == translation_id:
            return record
    known = ", ".join(t.id for t in item.translations) or "none"
    raise NotFound(f"{item.id} has no translation {translation_id!r}", f"its translations: {known}")


def _store(
    locker: Locker,
    item: Item,
    text: str,
    actor: str,
    kind: TranslationKind,
    engine: str | None,
    certificate: TranslatorCertificate | None,
    misses: list[str],
) -> TranslationRecord:
    blob = locker.blobs.put_bytes(text.encode("utf-8"))
    with locker.lock():
        item = locker.item(item.id)
        record = TranslationRecord(
            id=f"{item.id}-T{len(item.translations) + 1}",
            kind=kind,
            sha256=blob.sha256,
            source_language=item.extraction.language if item.extraction else None,
            engine=engine,
            certificate=certificate,
            glossary_misses=misses,
        )
        locker.record(
            item.model_copy(update={"translations": [*item.translations, record]}),
            actor,
            "translated",
            before=item.extraction.sha256 if item.extraction else item.sha256,
            after=blob.sha256,
            detail=f"{record.id}: {kind.value}" + (f" ({engine})" if engine else ""),
        )
    return record
