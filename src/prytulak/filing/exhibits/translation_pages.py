"""Pages for a certified translation from the evidence locker: the English text, and the
translator's certificate of competence and accuracy (8 CFR 103.2(b)(3); 8 CFR 1003.33) with the
translator's name, address and telephone, the statement they certified, a signature line, and
the documents it covers."""

from __future__ import annotations

from dataclasses import replace

from prytulak.case import CaseFile, EvidenceRef, Translator
from prytulak.evidence import TranslationRecord
from prytulak.evidence.records import TranslationKind
from prytulak.evidence.translation import LANGUAGE_NAMES

from ..document import Block, Document, render_document, render_pdf
from .pages import PACKAGE

__all__ = ["case_translator", "certificate_pdf", "translation_pdf", "translator_phone"]

REVIEWED_DRAFT = (
    "(Prepared from a machine draft that the translator reviewed, corrected and certified.)"
)


def translation_pdf(
    tab: str, ref: EvidenceRef, item_id: str, item_name: str, record: TranslationRecord, text: str
) -> bytes:
    """The English text, a paragraph per line, headed with what it translates."""
    language = LANGUAGE_NAMES.get(record.source_language or "", record.source_language or "?")
    head = (
        f"English translation of Exhibit {tab}: {ref.title} — evidence locker item {item_id} "
        f"({item_name}), from {language}. Translation {record.id}, certified by "
        f"{record.certificate.name if record.certificate else '(not certified)'}."
    )
    blocks = [Block("paragraph", head)]
    if record.kind is TranslationKind.MACHINE_DRAFT:
        blocks.append(Block("paragraph", REVIEWED_DRAFT))
    blocks += [Block("paragraph", line.strip()) for line in text.splitlines() if line.strip()]
    document = Document("English Translation", tuple(blocks), header=item_name, page_numbers=False)
    return render_pdf(document)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def case_translator(case: CaseFile, name: str) -> Translator | None:
    """The case's record of the translator (for the telephone), matched by name."""
    return next((t for t in case.representation.translators if _same_name(t.name, name)), None)


def translator_phone(case: CaseFile, name: str) -> str | None:
    """The translator's telephone: from ``representation.translators``, else from the
    interpreter's record when the interpreter is the same person."""
    known = case_translator(case, name)
    if known is not None and known.phone:
        return known.phone
    interpreter = case.representation.interpreter
    if interpreter is not None and _same_name(interpreter.name, name):
        return interpreter.phone
    return None


def certificate_pdf(
    case: CaseFile,
    tab: str,
    ref: EvidenceRef,
    record: TranslationRecord,
    documents: list[str],
    header: str,
) -> bytes:
    """One translator's certificate for the translations they certified in this exhibit."""
    certificate = record.certificate
    assert certificate is not None, "only certified translations get a certificate"
    context = {
        "statement": certificate.statement,
        "tab": tab,
        "title": ref.title,
        "documents": documents,
        "name": certificate.name,
        "address": certificate.address,
        "phone": translator_phone(case, certificate.name),
        "signed_on": certificate.signed_on,
    }
    document = render_document(PACKAGE, "locker_translator_certificate.en.j2", context, header)
    return render_pdf(replace(document, page_numbers=False))
