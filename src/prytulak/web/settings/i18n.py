"""Languages: the whole interface in English, Russian and Belarusian."""

from __future__ import annotations

from .paths import BASE_DIR

__all__ = ["LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "TIME_ZONE", "USE_I18N", "USE_TZ"]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("be", "Беларуская")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/New_York"
