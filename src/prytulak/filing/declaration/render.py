"""Declaration outputs: DOCX for the attorney to edit, PDF, bilingual review copy, certificate."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.units import inch  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, Spacer  # type: ignore[import-untyped]
from ruamel.yaml import YAML

from prytulak.case import CaseFile, Sex

from ..document import Document, _styles, render_document, render_pdf, two_columns
from ..forms.values import address_line
from .compose import (
    PACKAGE,
    _caption,
    compose_declaration,
    first_person_activities,
    late_filing_notes,
)

__all__ = [
    "DeclarationFiles",
    "interpreter_certificate",
    "render_declaration",
    "review_copy_pdf",
    "to_docx",
]


@dataclass(frozen=True)
class DeclarationFiles:
    document: Document
    docx: bytes
    pdf: bytes
    review_pdf: bytes | None
    review_language: str | None
    untranslated: int
    """Paragraphs the review copy shows without a translation."""
    interpreter_pdf: bytes | None
    notes: tuple[str, ...] = ()
    """What the attorney must check before the applicant signs."""


def to_docx(document: Document) -> bytes:
    """An editable Word file: numbered paragraphs, headings, signature lines, the draft notice."""
    doc = DocxDocument()
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Serif"
    style.font.size = Pt(11)
    doc.sections[0].header.paragraphs[0].text = document.header
    doc.sections[0].footer.paragraphs[0].text = document.notice
    title = doc.add_heading(document.title, level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in document.blocks:
        if block.kind == "heading":
            doc.add_heading(block.text, level=2)
        elif block.kind == "signature":
            doc.add_paragraph("\n" + "_" * 44 + "\n" + block.text)
        else:
            prefix = f"{block.number}. " if block.number else ""
            doc.add_paragraph(prefix + block.text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _strings(language: str) -> dict[str, str]:
    text = (resources.files(PACKAGE) / "templates" / f"review.{language}.yaml").read_text("utf-8")
    data: dict[str, str] = YAML(typ="safe").load(text)
    return data


def _translations(folder: Path | None, language: str) -> dict[str, str]:
    """``translations/declaration.<lang>.yaml`` in the case folder: paragraph id → text."""
    if folder is None:
        return {}
    path = folder / "translations" / f"declaration.{language}.yaml"
    if not path.is_file():
        return {}
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def review_copy_pdf(
    document: Document, language: str, translations: dict[str, str]
) -> tuple[bytes, int]:
    """English beside the translation, paragraph by paragraph; returns (pdf, untranslated)."""
    strings = _strings(language)
    left, right = [strings["column_en"]], [strings["column_translation"]]
    missing = 0
    for block in document.blocks:
        number = f"{block.number}. " if block.number else ""
        if block.kind == "heading":
            left.append(block.text.upper())
            right.append(translations.get(f"heading:{block.text}", ""))
            continue
        if block.kind != "paragraph":
            continue
        translated = translations.get(block.id or "")
        if translated is None:
            missing += 1
        left.append(number + block.text)
        right.append(number + (translated or strings["missing"]))
    styles = _styles()
    extra: list[Any] = [
        Paragraph(strings["intro"], styles["body"]),
        Spacer(1, 6),
        two_columns(left, right, (3.2 * inch, 3.3 * inch)),
    ]
    cover = Document(
        title=strings["title"], blocks=(), notice=document.notice, header=document.header
    )
    return render_pdf(cover, extra), missing


def interpreter_certificate(case: CaseFile, document_title: str) -> Document | None:
    interpreter = case.representation.interpreter
    if interpreter is None:
        return None
    sex = case.applicant.sex
    pronoun = {Sex.FEMALE: "she", Sex.MALE: "he"}.get(sex, "they") if sex else "they"
    context = {
        "pronoun": pronoun,
        "understand": "understand" if pronoun == "they" else "understands",
        "interpreter": interpreter.name,
        "language": interpreter.language,
        "document": document_title,
        "name": case.applicant.name.full(),
        "address": address_line(interpreter.address) if interpreter.address else None,
        "phone": interpreter.phone,
    }
    return render_document(PACKAGE, "interpreter_certificate.en.j2", context, _caption(case))


def render_declaration(
    case: CaseFile, folder: Path | None = None, tabs: dict[str, str] | None = None
) -> DeclarationFiles:
    document = compose_declaration(case, tabs)
    language = case.applicant.languages.preferred_for_reading if case.applicant.languages else None
    language = language or case.language.value
    review, missing = None, 0
    if language in ("ru", "be"):
        review, missing = review_copy_pdf(document, language, _translations(folder, language))
    certificate = interpreter_certificate(case, document.title)
    return DeclarationFiles(
        document=document,
        docx=to_docx(document),
        pdf=render_pdf(document),
        review_pdf=review,
        review_language=language if review else None,
        untranslated=missing,
        interpreter_pdf=render_pdf(certificate) if certificate else None,
        notes=tuple(
            _notes(document, missing, first_person_activities(case), _own_names(case))
            + late_filing_notes(case)
        ),
    )


_THIRD_PERSON = re.compile(r"\b(he|she|his|her|him)\b", re.IGNORECASE)
_OTHER_PERSON = re.compile(
    r"\b(?P<before>\w+\s+)?(mother|father|parent|brother|sister|husband|wife|son|daughter|"
    r"child|grandmother|grandfather|grandparent|aunt|uncle|cousin|nephew|niece|friend|"
    r"colleague|neighbou?r|officer|captain|major|lieutenant|colonel|sergeant|judge|"
    r"investigator|prosecutor|pastor|priest|director|teacher|inspector|operative|agent|"
    r"commissioner|official|guard|man|woman|boy|girl|boss|manager|doctor|lawyer|deacon|"
    r"cellmate|journalist)\b",
    re.IGNORECASE,
)
"""A singular person a he/she/his/her/him can stand for (plurals cannot)."""


def _own_names(case: CaseFile) -> tuple[str, ...]:
    name = case.applicant.name
    return tuple(n for n in (name.given, name.family) if n)


def _about_the_applicant(text: str, own_names: Sequence[str]) -> bool:
    """Whether a he/she/his/her/him in ``text`` plausibly means the applicant (the case's
    third-person narratives): the paragraph names the applicant ("the applicant", their own
    name), or it names no one else the pronoun could mean ("questioned him" after "my brother"
    is about the brother; "her husband" is about the applicant)."""
    if not _THIRD_PERSON.search(text):
        return False
    lowered = text.lower()
    if "the applicant" in lowered or any(
        re.search(rf"\b{re.escape(n.lower())}\b", lowered) for n in own_names
    ):
        return True
    others = {
        _GENDER.get(match.group(2).lower(), "any")
        for match in _OTHER_PERSON.finditer(text)
        # "her husband": the husband is not whom "her" stands for
        if (match.group("before") or "").strip().lower() not in ("his", "her")
    }
    for pronoun in _THIRD_PERSON.findall(text):
        gender = "male" if pronoun.lower() in ("he", "his", "him") else "female"
        if not others & {gender, "any"}:
            return True  # "my brother … where she went": she is not the brother
    return False


_GENDER = {
    **dict.fromkeys(
        ("father", "brother", "husband", "son", "grandfather", "uncle", "nephew", "man", "boy"),
        "male",
    ),
    **dict.fromkeys(
        ("mother", "sister", "wife", "daughter", "grandmother", "aunt", "niece", "woman", "girl"),
        "female",
    ),
}


def _notes(
    document: Document,
    untranslated: int,
    rewritten: Sequence[str] = (),
    own_names: Sequence[str] = (),
) -> list[str]:
    notes = []
    numbers = [str(b.number) for b in document.paragraphs() if b.number and b.id in rewritten]
    if numbers:
        notes.append(
            "Paragraph(s) " + ", ".join(numbers) + " turn the case's note on an activity abroad "
            "into the applicant's words ('Teaches …' → 'I teach …'): check the wording with "
            "the applicant"
        )
    third = [
        b.number
        for b in document.paragraphs()
        if b.number and b.id != "intro" and _about_the_applicant(b.text, own_names)
    ]
    if third:
        notes.append(
            "Paragraphs " + ", ".join(str(n) for n in third) + " use he/she/his/her (the case "
            "narratives are written in the third person): rewrite them in the applicant's own "
            "first-person words before signing"
        )
    if untranslated:
        notes.append(
            f"{untranslated} paragraph(s) of the review copy have no translation yet: add "
            "translations/declaration.<lang>.yaml or have the interpreter read them aloud"
        )
    return notes
