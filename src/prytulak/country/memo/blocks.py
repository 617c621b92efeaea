"""The memo as a flat list of blocks (headings, paragraphs, bullets), shared by every format."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from .content import DISCLAIMER, Memo, MemoItem

__all__ = ["Block", "BlockKind", "memo_blocks"]


class BlockKind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NOTE = "note"  # a warning or caution, shown in italics


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


def memo_blocks(memo: Memo) -> list[Block]:
    return [*_header(memo), *_profiles(memo), *_charges(memo), *_arguments(memo), *_sections(memo)]


def _header(memo: Memo) -> Iterator[Block]:
    yield Block(BlockKind.TITLE, memo.title)
    yield Block(BlockKind.PARAGRAPH, f"Applicant: {memo.applicant} (case {memo.case_id})")
    yield Block(BlockKind.PARAGRAPH, f"Prepared: {memo.prepared_on.isoformat()}")
    yield Block(BlockKind.NOTE, DISCLAIMER)
    yield Block(
        BlockKind.NOTE,
        f"Facts are listed newest first; those describing events more than {memo.max_age_years} "
        "years old are marked, since newer information may exist.",
    )


def _profiles(memo: Memo) -> Iterator[Block]:
    yield Block(BlockKind.HEADING, "The applicant's profiles")
    if not memo.profiles:
        yield Block(
            BlockKind.PARAGRAPH,
            "No persecution profile matched the case file's events "
            "and characteristics; add events, charges or characteristics and rebuild.",
        )
    for match in memo.profiles:
        profile = match.profile
        yield Block(BlockKind.SUBHEADING, profile.title)
        yield Block(
            BlockKind.PARAGRAPH, f"Protected grounds usually argued: {profile.grounds_note}"
        )
        for reason in match.reasons:
            yield Block(BlockKind.BULLET, f"Selected because: {reason}")
        yield Block(
            BlockKind.PARAGRAPH,
            "Evidence typically available: " + "; ".join(profile.typical_evidence) + ".",
        )


def _charges(memo: Memo) -> Iterator[Block]:
    if not memo.charges:
        return
    yield Block(BlockKind.HEADING, "Articles the applicant was charged under")
    done: set[str] = set()
    for context in memo.charges:
        event = context.event
        yield Block(
            BlockKind.BULLET,
            f"{event.date.describe()}: {context.label}"
            + (f", part {context.charge.part}" if context.charge.part else "")
            + (f" ({context.charge.outcome})" if context.charge.outcome else ""),
        )
        article = context.article
        if article is None:
            yield Block(BlockKind.NOTE, f"{context.label} is not in the country pack yet.")
            continue
        if article.key in done:
            continue
        done.add(article.key)
        yield Block(BlockKind.SUBHEADING, f"{article.label()}: {article.title}")
        yield Block(BlockKind.PARAGRAPH, f"What it criminalizes: {article.criminalizes}")
        yield Block(BlockKind.PARAGRAPH, f"Penalties: {article.penalties}")
        yield Block(BlockKind.PARAGRAPH, f"Political use: {article.political_use}")
        if article.to_verify:
            yield Block(
                BlockKind.NOTE, "To verify in the code text: " + "; ".join(article.to_verify)
            )


def _arguments(memo: Memo) -> Iterator[Block]:
    if not memo.arguments:
        return
    yield Block(BlockKind.HEADING, "Likely government arguments and the answers")
    for profile_title, argument in memo.arguments:
        yield Block(BlockKind.SUBHEADING, f"{profile_title}: “{argument.argument}”")
        yield Block(
            BlockKind.PARAGRAPH,
            f"{argument.answer} (Facts: {', '.join(argument.answering_facts)}.)",
        )


def _sections(memo: Memo) -> Iterator[Block]:
    yield Block(BlockKind.HEADING, "Country conditions by legal element")
    for section in memo.sections:
        yield Block(BlockKind.SUBHEADING, section.element.title)
        yield Block(BlockKind.NOTE, section.element.explanation)
        for item in section.items:
            yield from _item(item)


def _item(item: MemoItem) -> Iterator[Block]:
    label = f"[{item.fact_id}] " if item.fact_id else "[Library] "
    yield Block(BlockKind.BULLET, f"{label}({item.date_text}) {item.text} Source: {item.citation}")
    for warning in item.warnings:
        yield Block(BlockKind.NOTE, f"⚠ {warning}")
