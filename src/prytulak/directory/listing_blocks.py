"""Cutting a directory section's printed lines into entries: name, offices, notes (bullets).

An entry starts with its name in bold; a long name wraps over several bold lines, and the last
one carries the list's marker (``*``, ``**``, ``***``). Contact lines follow, grouped in offices
(a bold ``DC:`` or a line such as ``Seattle Office:`` starts one), then notes that begin with a
bullet (``•``) and wrap onto indented lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .contact import STREET, OfficeBuilder
from .model import Office, ParseProblem
from .pdf_layout import Line

__all__ = ["Entry", "cut_entries"]

MARKER = re.compile(r"(?P<marker>\*{1,3})\s*(?P<cont>\((?:cont\.?|continued)\))?\s*$", re.I)
CONT = re.compile(r"\s*\((?:cont\.?|continued)\)\s*$", re.IGNORECASE)
BULLET = "•"
_WRAP_INDENT = 5.0  # points: a wrapped note line is indented about 10 points
_GAP = 20.0  # points: a blank line between two printed lines (line pitch is 15)
_OFFICE_LABEL = re.compile(r"^[^\d•@]{2,60}(?::|\((?:cont\.?|continued)\)\s*:?)$", re.IGNORECASE)


@dataclass
class Entry:
    name_lines: list[str]
    marker: str | None
    continued: bool
    pages: list[int]
    offices: list[Office] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    subtitle: list[str] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)

    @property
    def name(self) -> str:
        text = " ".join(MARKER.sub("", CONT.sub("", line)) for line in self.name_lines)
        return re.sub(r"\s+", " ", text).strip()


@dataclass
class _Builder:
    entry: Entry
    office: OfficeBuilder = field(default_factory=OfficeBuilder)
    in_name: bool = True
    in_notes: bool = False
    last: Line | None = None

    unread: list[Line] = field(default_factory=list)

    def close_office(self) -> None:
        if not self.office.is_empty() or self.office.label:
            self.entry.offices.append(self.office.build())
        self.entry.problems.extend(
            ParseProblem(page=line.page, message="contact line not understood", text=line.text)
            for line in self.unread
        )
        self.office = OfficeBuilder()
        self.unread = []


def cut_entries(lines: list[Line]) -> tuple[list[Entry], list[ParseProblem]]:
    """Entries in print order, and the lines that belong to no entry (each with its page)."""
    entries: list[Entry] = []
    orphans: list[ParseProblem] = []
    builder: _Builder | None = None
    for line in lines:
        if _starts_entry(line, builder):
            if builder:
                entries.append(_finish(builder))
            builder = _Builder(Entry([], None, False, [line.page]))
        if builder is None:
            orphans.append(
                ParseProblem(page=line.page, message="text before any entry", text=line.text)
            )
            continue
        _take(builder, line)
    if builder:
        entries.append(_finish(builder))
    return entries, orphans


def _starts_entry(line: Line, builder: _Builder | None) -> bool:
    if not line.bold or _is_office_label(line.text):
        return False
    if builder is None:
        return True
    return not (builder.in_name and builder.entry.marker is None and _adjacent(builder.last, line))


def _adjacent(previous: Line | None, line: Line) -> bool:
    if previous is None or previous.page != line.page or previous.column != line.column:
        return False
    return line.top - previous.top < _GAP


def _is_office_label(text: str) -> bool:
    return bool(_OFFICE_LABEL.match(text.strip())) and not MARKER.search(text)


def _take(builder: _Builder, line: Line) -> None:
    entry = builder.entry
    if line.page not in entry.pages:
        entry.pages.append(line.page)
    if builder.in_name and _take_name(builder, line):
        builder.last = line
        return
    builder.in_name = False
    text = line.text.strip()
    if text.startswith(BULLET):
        builder.in_notes = True
        entry.notes.append(text.lstrip(BULLET).strip())
    elif builder.in_notes and entry.notes and _wraps_note(line):
        entry.notes[-1] += " " + text
    else:
        _take_contact(builder, line)
    builder.last = line


def _wraps_note(line: Line) -> bool:
    if line.indent > _WRAP_INDENT:
        return True
    text = line.text.strip()
    return not (_is_office_label(text) or STREET.match(text) or _looks_contact(text))


def _take_name(builder: _Builder, line: Line) -> bool:
    """Name lines: bold ones up to the marker, and a plain subtitle right under the name."""
    entry = builder.entry
    if entry.marker is not None:
        return False
    subtitle = _adjacent(builder.last, line) and not _looks_contact(line.text)
    if not (line.bold or (subtitle and entry.name_lines)):
        return False
    entry.name_lines.append(line.text)
    match = MARKER.search(line.text)
    if match:
        entry.marker = match.group("marker")
        entry.continued = bool(match.group("cont"))
    return True


def _take_contact(builder: _Builder, line: Line) -> None:
    text = line.text.strip()
    if line.bold or _is_office_label(text):
        label = CONT.sub("", text).rstrip(":").strip()
        if builder.unread and _adjacent(builder.last, line):
            label = f"{builder.unread.pop().text} {label}"  # a label printed over two lines
            builder.office.other_lines.pop()
        builder.close_office()
        builder.office.label = label
        builder.in_notes = False
        return
    if _continues_name(builder, line):
        builder.entry.subtitle.append(text)
        return
    if builder.in_notes or builder.office.starts_another(text):
        builder.close_office()
        builder.in_notes = False
    if not builder.office.add(text):
        builder.unread.append(line)


def _continues_name(builder: _Builder, line: Line) -> bool:
    """'(formerly ...)' or the words of an acronym, printed right under the name."""
    if not builder.office.is_empty() or builder.office.label or builder.in_notes:
        return False
    previous = builder.last
    if previous is None or not _adjacent(previous, line):
        return False
    under_name = previous.bold or bool(builder.entry.subtitle)
    return under_name and not (STREET.match(line.text) or _looks_contact(line.text))


def _looks_contact(text: str) -> bool:
    probe = OfficeBuilder()
    probe.city = "x"  # so that a street line does not count as one
    probe.phones = []
    return probe.add(text)


def _finish(builder: _Builder) -> Entry:
    builder.close_office()
    if builder.entry.marker is None:
        builder.entry.problems.append(
            ParseProblem(
                page=builder.entry.pages[0],
                message="name without a * / ** / *** marker; kind of provider unknown",
                text=" ".join(builder.entry.name_lines),
            )
        )
    return builder.entry
