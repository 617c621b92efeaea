"""One exhibit from the evidence locker, as bundle parts: its tab page, each item (each
foreign-language item followed by its certified English translation), then one translator's
certificate per translator listing the translations it covers.

An item that has only a machine draft (or a translation nobody certified) stops the build with
a message naming the item and the fix; with ``--on-bad-evidence skip`` the original stays in and a
"CERTIFIED ENGLISH TRANSLATION REQUIRED" page takes the translation's place, with a warning
(decision 0204). The draft itself is never put in the bundle.
"""

from __future__ import annotations

from typing import Any

import pikepdf

from prytulak.case import CaseFile
from prytulak.evidence.translation import LANGUAGE_NAMES

from .locker_source import (
    LockerDocument,
    LockerExhibit,
    LockerTranslation,
    TranslationGap,
    certified_translations,
    item_label,
    load_documents,
    refusal,
)
from .plan import (
    BundleOptions,
    Deferred,
    Exhibit,
    Part,
    deferred_part,
    generated_part,
    open_pdf,
)
from .sources import EvidenceFileError
from .translation_pages import certificate_pdf, translation_pdf, translator_phone

__all__ = ["locker_exhibit_parts"]


def locker_exhibit_parts(
    deferred: Deferred,
    case: CaseFile,
    found: LockerExhibit,
    tab: str,
    header: str,
    keep: list[pikepdf.Pdf],
    warnings: list[str],
    options: BundleOptions,
) -> Exhibit:
    ref = found.ref
    translations, gaps = certified_translations(found)
    for gap in gaps:
        if gap.drafts and options.on_bad_evidence == "stop":
            raise refusal(options.remedies_for(found.locker.case_folder), ref, gap)
    documents = load_documents(found)
    exhibit = Exhibit(tab, ref)
    language = LANGUAGE_NAMES.get(ref.language or "", ref.language or "foreign-language")
    note = ""
    if found.foreign:
        follows = "English translation follows" if translations else "English translation"
        note = f"{language} original; {follows}" + ("" if translations else " not yet provided")
    exhibit.parts.append(deferred_part("tab", (tab, ref.title, note), deferred))
    by_item = {t.item.id: t for t in translations}
    missing = {g.item.id: g for g in gaps}
    several = len(documents) > 1
    for document in documents:
        exhibit.parts.append(_document_part(document, keep, several))
        if document.item_id in by_item:
            exhibit.parts.append(_translation_part(by_item[document.item_id], tab, found, keep))
        elif document.item_id in missing:
            gap = missing[document.item_id]
            exhibit.parts.append(_gap_part(gap, tab, deferred))
            warnings.append(_gap_warning(tab, found, gap, options))
    for part in _certificate_parts(case, tab, found, translations, header, keep, warnings):
        exhibit.parts.append(part)
    exhibit.index_note = _index_note(documents, translations, gaps)
    exhibit.record = _record(documents, translations, gaps)
    return exhibit


def _document_part(document: LockerDocument, keep: list[pikepdf.Pdf], several: bool) -> Part:
    pdf = open_pdf(document.pdf, f"evidence locker item {document.item_id} ({document.name})")
    keep.append(pdf)
    if len(pdf.pages) == 0:
        raise EvidenceFileError(
            f"evidence locker item {document.item_id} ({document.name})",
            "the PDF has no pages",
            "add a re-exported copy to the locker",
        )
    bookmark = f"{document.item_id}: {document.name}" if several else None
    return Part(document.item_id, list(pdf.pages), len(document.pdf), bookmark)


def _translation_part(
    translation: LockerTranslation, tab: str, found: LockerExhibit, keep: list[pikepdf.Pdf]
) -> Part:
    item = translation.item
    data = translation_pdf(
        tab, found.ref, item.id, item.original_name, translation.record, translation.text
    )
    several = len(found.foreign) > 1
    bookmark = "English translation" + (f" of {item.id}" if several else "")
    return generated_part(data, "translation", keep, bookmark)


def _gap_part(gap: TranslationGap, tab: str, deferred: Deferred) -> Part:
    title = "CERTIFIED ENGLISH TRANSLATION REQUIRED — not yet provided"
    return deferred_part(
        "translation missing",
        (tab, title, gap.short()),
        deferred,
        "English translation (missing)",
    )


def _gap_warning(
    tab: str, found: LockerExhibit, gap: TranslationGap, options: BundleOptions
) -> str:
    remedies = options.remedies_for(found.locker.case_folder)
    if gap.drafts:
        fix = remedies.certify_draft(gap.item.id, gap.drafts[-1].id)
    else:
        fix = remedies.add_translation(gap.item.id)
    return (
        f"Tab {tab} ({found.ref.id}): {item_label(gap.item)} has {gap.describe()}; a "
        f"'TRANSLATION REQUIRED' page stands in its place; {fix}"
    )


def _certificate_parts(
    case: CaseFile,
    tab: str,
    found: LockerExhibit,
    translations: list[LockerTranslation],
    header: str,
    keep: list[pikepdf.Pdf],
    warnings: list[str],
) -> list[Part]:
    groups: dict[str, list[LockerTranslation]] = {}
    for translation in translations:
        assert translation.record.certificate is not None
        groups.setdefault(translation.record.certificate.name, []).append(translation)
    parts = []
    for name, members in groups.items():
        covered = [
            f"{n}. English translation {t.record.id} of evidence locker item {t.item.id} "
            f"({t.item.original_name}), from "
            f"{LANGUAGE_NAMES.get(t.record.source_language or '', 'the original language')}"
            for n, t in enumerate(members, start=1)
        ]
        data = certificate_pdf(case, tab, found.ref, members[-1].record, covered, header)
        bookmark = "Translator's certificate" + (f" ({name})" if len(groups) > 1 else "")
        parts.append(generated_part(data, "certificate", keep, bookmark))
        if translator_phone(case, name) is None:
            warnings.append(
                f"Tab {tab} ({found.ref.id}): the telephone of translator {name} is not in the "
                "case (representation.translators, or the interpreter's record when the "
                "interpreter translated); the certificate leaves it blank"
            )
    return parts


def _index_note(
    documents: list[LockerDocument],
    translations: list[LockerTranslation],
    gaps: list[TranslationGap],
) -> str:
    versions = "; ".join(f"{d.item_id}: {d.short}" for d in documents)
    note = f" [locker {versions}]"
    if gaps:
        return (
            " (CERTIFIED ENGLISH TRANSLATION MISSING for "
            + ", ".join(g.item.id for g in gaps)
            + ")"
            + note
        )
    if translations:
        return " (with certified English translation and translator's certificate)" + note
    return note


def _record(
    documents: list[LockerDocument],
    translations: list[LockerTranslation],
    gaps: list[TranslationGap],
) -> dict[str, Any]:
    return {
        "source": "evidence locker",
        "items": [
            {
                "item": d.item_id,
                "original_name": d.name,
                "sha256_original": d.original_sha256,
                "included": d.included,
                "included_note": d.note,
                "sha256_included": d.included_sha256,
                "metadata_removed": list(d.metadata_removed),
            }
            for d in documents
        ],
        "translations": [
            {
                "item": t.item.id,
                "translation": t.record.id,
                "kind": t.record.kind.value,
                "sha256": t.record.sha256,
                "translator": t.record.certificate.name if t.record.certificate else None,
                "certified_on": t.record.certificate.signed_on if t.record.certificate else None,
            }
            for t in translations
        ],
        "translation_missing": [
            {"item": g.item.id, "reason": g.describe(), "uncertified": [d.id for d in g.drafts]}
            for g in gaps
        ],
    }
