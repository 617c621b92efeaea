"""The memo as Markdown."""

from __future__ import annotations

from .blocks import Block, BlockKind, memo_blocks
from .content import Memo

__all__ = ["render_markdown"]

_PREFIX = {
    BlockKind.TITLE: "# ",
    BlockKind.HEADING: "## ",
    BlockKind.SUBHEADING: "### ",
    BlockKind.BULLET: "- ",
}


def render_markdown(memo: Memo) -> str:
    lines: list[str] = []
    previous: Block | None = None
    for block in memo_blocks(memo):
        keep_list = previous is not None and block.kind is BlockKind.BULLET
        note_under_bullet = previous is not None and previous.kind is BlockKind.BULLET
        if block.kind is BlockKind.NOTE and note_under_bullet:
            lines.append(f"  *{block.text}*")
            continue
        if lines and not (keep_list and previous is not None and previous.kind is BlockKind.BULLET):
            lines.append("")
        text = f"*{block.text}*" if block.kind is BlockKind.NOTE else block.text
        lines.append(_PREFIX.get(block.kind, "") + text)
        if block.kind is not BlockKind.NOTE or not note_under_bullet:
            previous = block
    return "\n".join(lines) + "\n"
