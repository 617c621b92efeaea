"""Which language a page or document is in, among those a Belarusian case meets.

lingua is restricted to Belarusian, Russian, Ukrainian, English, Polish and Lithuanian: that
keeps memory near 100 MB (all 75 languages: 1.3 GB) and makes it tell Belarusian from Russian
and Ukrainian reliably.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = ["LANGUAGES", "Detected", "detect_language"]

LANGUAGES = ("be", "ru", "uk", "en", "pl", "lt")
"""ISO 639-1 codes of the languages told apart (lingua knows 75; these are the ones we load)."""
MIN_LETTERS = 12
MAX_CHARS = 4000


@dataclass(frozen=True)
class Detected:
    language: str | None
    """ISO 639-1 code, None when the text is too short or too unclear to tell."""
    confidence: float


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str, min_confidence: float = 0.5) -> Detected:
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        return Detected(None, 0.0)
    values = _detector().compute_language_confidence_values(text[:MAX_CHARS])
    if not values:
        return Detected(None, 0.0)
    best = values[0]
    if best.value < min_confidence:
        return Detected(None, round(best.value, 3))
    return Detected(best.language.iso_code_639_1.name.lower(), round(best.value, 3))
