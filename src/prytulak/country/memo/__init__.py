"""The country-conditions memo for a case, in Markdown, DOCX and PDF."""

from __future__ import annotations

from .blocks import Block, BlockKind, memo_blocks
from .content import DISCLAIMER, Memo, MemoItem, MemoSection, PassageSource, build_memo
from .markdown import render_markdown
from .pdf import render_pdf
from .word import render_docx

__all__ = [
    "DISCLAIMER",
    "Block",
    "BlockKind",
    "Memo",
    "MemoItem",
    "MemoSection",
    "PassageSource",
    "build_memo",
    "memo_blocks",
    "render_docx",
    "render_markdown",
    "render_pdf",
]
