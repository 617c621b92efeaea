"""Dates, names and document types recognised in Russian, Belarusian or English text.

These are *suggestions*: shown to a person who confirms them (``prytulak evidence describe``),
never written into the case on their own.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .records import ExtractedPage, Suggestion

__all__ = ["DOCUMENT_TYPES", "suggest"]

_MONTHS = {
    # Russian (genitive), Belarusian (genitive), English
    **dict.fromkeys(["января", "студзеня", "january", "jan"], 1),
    **dict.fromkeys(["февраля", "лютага", "february", "feb"], 2),
    **dict.fromkeys(["марта", "сакавіка", "march", "mar"], 3),
    **dict.fromkeys(["апреля", "красавіка", "april", "apr"], 4),
    **dict.fromkeys(["мая", "may"], 5),
    **dict.fromkeys(["июня", "чэрвеня", "june", "jun"], 6),
    **dict.fromkeys(["июля", "ліпеня", "july", "jul"], 7),
    **dict.fromkeys(["августа", "жніўня", "august", "aug"], 8),
    **dict.fromkeys(["сентября", "верасня", "september", "sep", "sept"], 9),
    **dict.fromkeys(["октября", "кастрычніка", "october", "oct"], 10),
    **dict.fromkeys(["ноября", "лістапада", "november", "nov"], 11),
    **dict.fromkeys(["декабря", "снежня", "december", "dec"], 12),
}
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b")
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_WORD_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_WORDS})\.?\s+((?:19|20)\d{{2}})", re.IGNORECASE)
_US_DATE = re.compile(rf"\b({_MONTH_WORDS})\.?\s+(\d{{1,2}}),\s+((?:19|20)\d{{2}})", re.IGNORECASE)

_UP = "А-ЯЁІЎ"
_LOW = "а-яёіў'’"
_PATRONYMIC = (
    r"(?:ович|евич|ёвич|ьич|авіч|евіч|овіч|ёвіч|овн|евн|ичн|аўн|еўн|ічн)"
    r"(?:а|у|ам|ым|ом|ем|е|ы|ой|ай|ую|і)?"
)
_FULL_NAME = re.compile(
    rf"\b([{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)\s+([{_UP}][{_LOW}]+)\s+([{_UP}][{_LOW}]+{_PATRONYMIC})\b"
)
_FULL_NAME_CAPS = re.compile(
    rf"\b([{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?)\s+([{_UP}]{{2,}})\s+([{_UP}]{{2,}}{_PATRONYMIC.upper()})\b"
)
_INITIALS_AFTER = re.compile(
    rf"\b([{_UP}][{_LOW}]{{2,}}(?:-[{_UP}][{_LOW}]+)?)\s+([{_UP}])\.\s?([{_UP}])\."
)
_INITIALS_BEFORE = re.compile(rf"\b([{_UP}])\.\s?([{_UP}])\.\s?([{_UP}][{_LOW}]{{2,}})\b")

DOCUMENT_TYPES: dict[str, tuple[str, ...]] = {
    "summons": ("повестка", "позва", "вызываетесь", "вызывается", "выклікаецеся", "summons"),
    "ruling": (
        "постановление",
        "пастанова",
        "приговор",
        "прысуд",
        "решение суда",
        "рашэнне суда",
        "определение",
        "вызначэнне",
        "именем республики",
        "імем рэспублікі",
        "ruling",
        "judgment",
    ),
    "protocol": ("протокол", "пратакол", "record of"),
    "medical certificate": (
        "справка",
        "даведка",
        "выписка из медицинской",
        "выпіска з медыцынскай",
        "эпикриз",
        "эпікрыз",
        "диагноз",
        "дыягназ",
        "травм",
        "medical certificate",
        "diagnosis",
    ),
    "notice of fine": ("штраф", "базовых величин", "базавых велічынь", "fine of"),
    "search record": ("протокол обыска", "пратакол ператрусу", "обыск", "ператрус"),
    "wanted notice": ("розыск", "вышук", "wanted"),
}
_TITLE_CHARS = 400


def suggest(pages: list[ExtractedPage]) -> list[Suggestion]:
    found: list[Suggestion] = []
    for page in pages:
        found.extend(_dates(page))
        found.extend(_names(page))
    doc_type = _document_type(pages)
    if doc_type:
        found.insert(0, doc_type)
    unique: dict[tuple[str, str], Suggestion] = {}
    for suggestion in found:
        unique.setdefault((suggestion.field, suggestion.value), suggestion)
    return list(unique.values())


def _dates(page: ExtractedPage) -> list[Suggestion]:
    out = []
    for match in _NUMERIC_DATE.finditer(page.text):
        out.append(_date_suggestion(page, match, int(match[3]), int(match[2]), int(match[1])))
    for match in _ISO_DATE.finditer(page.text):
        out.append(_date_suggestion(page, match, int(match[1]), int(match[2]), int(match[3])))
    for match in _WORD_DATE.finditer(page.text):
        month = _MONTHS[match[2].lower()]
        out.append(_date_suggestion(page, match, int(match[3]), month, int(match[1])))
    for match in _US_DATE.finditer(page.text):
        month = _MONTHS[match[1].lower()]
        out.append(_date_suggestion(page, match, int(match[3]), month, int(match[2])))
    return [s for s in out if s is not None]


def _date_suggestion(
    page: ExtractedPage, match: re.Match[str], year: int, month: int, day: int
) -> Suggestion | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return Suggestion(
        field="date", value=value.isoformat(), page=page.number, snippet=_snippet(page.text, match)
    )


def _names(page: ExtractedPage) -> list[Suggestion]:
    out = []
    for pattern in (_FULL_NAME, _FULL_NAME_CAPS):
        for match in pattern.finditer(page.text):
            value = " ".join(part.capitalize() for part in match.groups())
            out.append(
                Suggestion(
                    field="name", value=value, page=page.number, snippet=_snippet(page.text, match)
                )
            )
    for match in _INITIALS_AFTER.finditer(page.text):
        value = f"{match[1]} {match[2]}. {match[3]}."
        out.append(
            Suggestion(
                field="name", value=value, page=page.number, snippet=_snippet(page.text, match)
            )
        )
    for match in _INITIALS_BEFORE.finditer(page.text):
        value = f"{match[3]} {match[1]}. {match[2]}."
        out.append(
            Suggestion(
                field="name", value=value, page=page.number, snippet=_snippet(page.text, match)
            )
        )
    return out


def _document_type(pages: list[ExtractedPage]) -> Suggestion | None:
    if not pages or not any(p.text for p in pages):
        return None
    first = pages[0].text.lower()
    whole = "\n".join(p.text for p in pages).lower()
    scores: Counter[str] = Counter()
    for kind, words in DOCUMENT_TYPES.items():
        for word in words:
            scores[kind] += whole.count(word) + 3 * first[:_TITLE_CHARS].count(word)
    if not scores or scores.most_common(1)[0][1] == 0:
        return None
    kind, _score = scores.most_common(1)[0]
    word = next(w for w in DOCUMENT_TYPES[kind] if w in whole)
    at = whole.index(word)
    snippet = " ".join(whole[max(0, at - 30) : at + len(word) + 30].split())
    page = next(p.number for p in pages if word in p.text.lower())
    return Suggestion(field="document type", value=kind, page=page, snippet=snippet)


def _snippet(text: str, match: re.Match[str], around: int = 30) -> str:
    return " ".join(text[max(0, match.start() - around) : match.end() + around].split())
