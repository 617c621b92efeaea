"""Text in Russian or Belarusian where the filing needs English.

The I-589 is answered in English and the declaration is filed in English (a foreign-language
document needs a certified English translation, 8 CFR 103.2(b)(3), 1003.33). A client who
fills the questionnaire in Russian writes "Гомель", "Беларусь", "Пятидесятническая церковь";
those words would go onto the form as they are. Only the fields meant for the native spelling
(names in Cyrillic, a persecutor's name as documents show it) may hold Cyrillic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NATIVE = re.compile(r"(^|\.)(name_native|native\[\d+\])(\.|$)")
SHOWN = 25
"""Findings listed one by one; beyond that, one more finding counts the rest."""


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value


@check("language.not-english")
def text_not_in_english(data: ReviewInput) -> Iterator[Finding]:
    found = [
        (path, text)
        for path, text in _strings(data.case.model_dump(mode="json", exclude_none=True), "")
        if _CYRILLIC.search(text) and not _NATIVE.search(path)
    ]
    for path, text in found[:SHOWN]:
        yield Finding(
            "language.not-english",
            Severity.BLOCKING,
            f"'{text.strip()[:60]}' is not in English ({path})",
            "Write it in English (places and names in Latin letters, e.g. Homiel, Belarus); "
            "the I-589 and the declaration are filed in English",
            Location(path),
        )
    if len(found) > SHOWN:
        yield Finding(
            "language.not-english",
            Severity.BLOCKING,
            f"{len(found) - SHOWN} more answers are not in English",
            "Translate every answer the client gave in Russian or Belarusian before filing",
            Location(found[SHOWN][0]),
        )
