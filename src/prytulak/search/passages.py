"""Cut pages into passages of about a paragraph or two, never across a page boundary."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .analysis import guess_language
from .records import Page, Passage

__all__ = ["split_passages"]

TARGET_WORDS = 120
MAX_WORDS = 220
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def split_passages(pages: Iterable[Page]) -> list[Passage]:
    """Each passage with the paragraphs (of its page) it starts and ends in, for citation."""
    out: list[Passage] = []
    for page in pages:
        for first, last, text in _chunks(_paragraphs(page.text)):
            out.append(Passage(page.number, first, text, guess_language(text), last))
    return out


def _paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text.replace("\r", ""))
    paragraphs = [" ".join(b.split()) for b in blocks]
    return [p for p in paragraphs if p]


def _chunks(paragraphs: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first paragraph, last paragraph, text), numbered from 1."""
    buffer: list[str] = []
    first = last = count = 0
    for number, paragraph in enumerate(paragraphs, start=1):
        for piece in _limit(paragraph):
            words = len(piece.split())
            if buffer and count + words > TARGET_WORDS:
                yield first, last, " ".join(buffer)
                buffer, count = [], 0
            if not buffer:
                first = number
            buffer.append(piece)
            last = number
            count += words
    if buffer:
        yield first, last, " ".join(buffer)


def _limit(paragraph: str) -> Iterator[str]:
    """A paragraph longer than MAX_WORDS, cut at sentence ends (or at MAX_WORDS words)."""
    if len(paragraph.split()) <= MAX_WORDS:
        yield paragraph
        return
    current: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        words = sentence.split()
        while len(words) > MAX_WORDS:
            yield " ".join(words[:MAX_WORDS])
            words = words[MAX_WORDS:]
        if current and len(current) + len(words) > TARGET_WORDS:
            yield " ".join(current)
            current = []
        current += words
    if current:
        yield " ".join(current)
