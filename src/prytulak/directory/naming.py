"""Names of providers, normalised for comparison and for stable ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["normalise_name", "provider_id"]


def normalise_name(name: str) -> str:
    """Lower case, no accents, punctuation and '&' folded, single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ")
    text = re.sub(r"[^\w]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def provider_id(source: str, name: str) -> str:
    """'eoir-probono:hias-new-york-3f2a1c': readable, and stable across imports of a source."""
    normal = normalise_name(name)
    slug = "-".join(normal.split()[:6])
    digest = hashlib.sha1(normal.encode("utf-8")).hexdigest()[:6]
    return f"{source}:{slug}-{digest}"
