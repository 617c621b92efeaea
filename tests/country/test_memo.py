"""The country-conditions memo: golden Markdown and DOCX text, PDF text and bookmarks."""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from pypdf import PdfReader

from prytulak.case import CaseFile
from prytulak.country import get_pack
from prytulak.country.memo import (
    BlockKind,
    build_memo,
    memo_blocks,
    render_docx,
    render_markdown,
    render_pdf,
)
from prytulak.search import Library, ReportInfo
from tests.conftest import TODAY, load_demo

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PRYTULAK_UPDATE_GOLDEN") == "1"
PACK = get_pack("BY")
SEARCH_DATA = Path(__file__).parents[1] / "search" / "data"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed; rerun with PRYTULAK_UPDATE_GOLDEN=1 if intended"
    )


def test_markdown_memo_matches_golden(demo_case: CaseFile, demo_name: str) -> None:
    check_golden(f"{demo_name}.md", render_markdown(build_memo(demo_case, PACK, TODAY)))


def test_docx_memo_text_matches_golden(demo_case: CaseFile, demo_name: str) -> None:
    document = Document(BytesIO(render_docx(build_memo(demo_case, PACK, TODAY))))
    lines = [f"{p.style.name}: {p.text}" for p in document.paragraphs]
    check_golden(f"{demo_name}.docx.txt", "\n".join(lines) + "\n")


@pytest.mark.slow
def test_pdf_memo_has_every_heading_as_bookmark_and_cyrillic_text() -> None:
    memo = build_memo(load_demo("protester"), PACK, TODAY)
    data = render_pdf(memo)
    headings = [
        b.text for b in memo_blocks(memo) if b.kind in (BlockKind.HEADING, BlockKind.SUBHEADING)
    ]
    reader = PdfReader(BytesIO(data))
    outline = [item.title for item in _flatten(reader.outline)]
    assert outline == headings
    with pdfplumber.open(BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert len(pdf.pages) >= 5
    flat = " ".join(text.split())
    assert "not legal advice" in flat
    for fact in ("BY-COI-170", "BY-COI-139", "BY-COI-122"):
        assert fact in flat


def _flatten(items: list[object]) -> list[object]:
    out: list[object] = []
    for item in items:
        out.extend(_flatten(item) if isinstance(item, list) else [item])
    return out


def test_memo_lists_facts_newest_first_within_each_element() -> None:
    memo = build_memo(load_demo("protester"), PACK, TODAY)
    for section in memo.sections:
        days = [item.date for item in section.items]
        assert days == sorted(days, reverse=True), section.element.id


def test_old_facts_are_flagged_by_the_configurable_age() -> None:
    case = load_demo("protester")
    strict = build_memo(case, PACK, TODAY, max_age_years=1)
    lenient = build_memo(case, PACK, TODAY, max_age_years=30)

    def flagged(memo: object) -> int:
        return sum(
            1 for s in memo.sections for i in s.items if any("older than" in w for w in i.warnings)
        )  # type: ignore[attr-defined]

    assert flagged(strict) > flagged(lenient) == 0
    warnings = {w for s in strict.sections for i in s.items for w in i.warnings}
    assert "older than 1 year: look for newer information" in warnings


def test_mirror_sources_carry_a_warning() -> None:
    memo = build_memo(load_demo("protester"), PACK, TODAY)
    items = {i.fact_id: i for s in memo.sections for i in s.items}
    assert any("cite the original publisher" in w for w in items["BY-COI-009"].warnings)


def test_undated_facts_never_reach_a_memo(demo_case: CaseFile) -> None:
    memo = build_memo(demo_case, PACK, TODAY)
    cited = {i.fact_id for s in memo.sections for i in s.items}
    assert not cited & {f.id for f in PACK.facts if not f.citable}


@pytest.mark.slow
def test_library_passages_appear_with_report_page_and_date(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    library.add_file(SEARCH_DATA / "report_ru.txt", ReportInfo("Обзор", "Viasna (test)", "2025-03"))
    memo = build_memo(load_demo("protester"), PACK, TODAY, library=library)
    passages = [i for s in memo.sections for i in s.items if i.fact_id is None]
    assert passages, "the protester's profiles should pull passages from the library"
    assert all(i.citation.startswith("Viasna (test), “Обзор” (2025-03), p. ") for i in passages)
    assert all(any("certified English translation" in w for w in i.warnings) for i in passages)
    assert "[Library] (2025-03)" in render_markdown(memo)
    library.close()
