"""Compiling the gettext catalogues (``locale/*/LC_MESSAGES/django.po`` → ``.mo``) with Babel.

``django-admin compilemessages`` does the same with GNU gettext; this needs no system package,
so ``prytulak serve`` can compile on first start wherever it is installed.
"""

from __future__ import annotations

import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

__all__ = ["LOCALE_DIR", "catalogue_paths", "compile_catalogues"]

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def catalogue_paths() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def compile_catalogues(force: bool = False) -> list[Path]:
    """Write each ``.mo`` that is missing or older than its ``.po``; returns those written."""
    written = []
    for po_path in catalogue_paths():
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with open(po_path, "rb") as source:
            catalogue = read_po(source, locale=po_path.parent.parent.name)
        # one temporary name per process: parallel test workers may compile at the same time
        temporary = mo_path.with_suffix(f".mo.{os.getpid()}.tmp")
        with open(temporary, "wb") as target:
            write_mo(target, catalogue, use_fuzzy=False)
        temporary.replace(mo_path)
        written.append(mo_path)
    return written
