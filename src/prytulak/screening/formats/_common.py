"""Helpers shared by the format modules: reading text, dates and XML safely."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from ..errors import ListFileError

__all__ = ["file_date", "list_date_from", "local", "parse_date", "parse_xml", "read_text"]


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ListFileError(f"{path}: not UTF-8 or Windows-1252 text; download the list again")


def parse_date(value: str | None, formats: tuple[str, ...]) -> date | None:
    if not value:
        return None
    text = value.strip()[:10] if "T" in value else value.strip()
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def file_date(path: Path) -> date:
    return datetime.fromtimestamp(os.stat(path).st_mtime).date()


def list_date_from(
    value: str | None, formats: tuple[str, ...], path: Path, found_note: str
) -> tuple[date, str]:
    """The list's own date and where it came from; when the file has none, or one that cannot
    be read, the file's modification date, with a note that says so and names --list-date."""
    found = parse_date(value, formats)
    if found is not None:
        return found, found_note
    fallback = file_date(path)
    if value and value.strip():
        return fallback, (
            f"the list's own date could not be read ({value.strip()[:40]}); using the file's "
            f"date {fallback.isoformat()} — pass --list-date"
        )
    return fallback, "file modification time: the file has no date of its own (--list-date)"


def parse_xml(path: Path) -> etree._Element:
    with path.open("rb") as handle:
        head = handle.read(1_000_000)
    if b"<!ENTITY" in head:
        raise ListFileError(
            f"{path}: the file contains XML entity definitions (<!ENTITY …>), which official "
            "sanctions lists do not have; it is not an unaltered official list — download the "
            "list again from the official site"
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else "?"
        raise ListFileError(
            f"{path}: not well-formed XML (line {line}: {exc.msg}); the download was probably "
            "cut short: download the list again"
        ) from None


def local(element: etree._Element) -> str:
    """Tag name without its namespace."""
    name: str = etree.QName(element).localname
    return name


def children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if isinstance(c.tag, str) and local(c) == name]


def child_text(element: etree._Element, name: str) -> str | None:
    for child in children(element, name):
        text = (child.text or "").strip()
        if text:
            return text
    return None


def descendants(element: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in element.iter() if isinstance(e.tag, str) and local(e) == name]
