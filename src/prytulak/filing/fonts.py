"""Unicode fonts for everything the filing package draws.

The USCIS forms' own fonts (Courier New, Times) are WinAnsi only: Cyrillic and Belarusian letters
(``ў``, ``і``) and Lithuanian or Polish addresses (``ū``, ``ł``) would vanish. Every appearance
and page Prytulak draws therefore uses DejaVu, embedded as a subset with a ToUnicode map so the
text can be extracted back.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

__all__ = [
    "BOLD",
    "FONT_DIRS",
    "MONO_BOLD",
    "REGULAR",
    "FontMissingError",
    "register_fonts",
]

FONT_DIRS = (
    Path(os.environ.get("PRYTULAK_FONT_DIR", "/usr/share/fonts/truetype/dejavu")),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
MONO_BOLD = "DejaVuSansMono-Bold"
REGULAR = "DejaVuSerif"
BOLD = "DejaVuSerif-Bold"
SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
_FILES = {
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
    REGULAR: "DejaVuSerif.ttf",
    BOLD: "DejaVuSerif-Bold.ttf",
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
}


class FontMissingError(RuntimeError):
    """A DejaVu font file is not installed."""


def _find(file_name: str) -> Path:
    for folder in FONT_DIRS:
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    raise FontMissingError(
        f"font {file_name} not found in {', '.join(str(d) for d in FONT_DIRS)}; install the "
        "DejaVu fonts (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set "
        "PRYTULAK_FONT_DIR to the folder that holds them"
    )


@cache
def register_fonts() -> None:
    """Register the DejaVu fonts with reportlab once per process."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(_find(file_name))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR)
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS)
