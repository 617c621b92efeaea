"""A search while another connection adds e5 vectors sees one state of the vectors."""

from __future__ import annotations

from pathlib import Path

from prytulak.search import Library, Passage, ReportInfo


def test_a_search_between_two_commits_of_the_e5_job_still_finds_every_passage(
    tmp_path: Path,
) -> None:
    """The e5 job commits between the moment the search looks at the e5 vectors and the
    moment it looks at the static ones: without one snapshot the passage is in neither."""
    path = tmp_path / "library.sqlite3"
    searcher = Library(path)
    text = "Задержанных на границе проверяют на репосты независимых СМИ."
    searcher.add_passages(ReportInfo("Border", None, "2025"), [Passage(1, 1, text, "ru")])
    assert searcher.search("border detentions", mode="semantic")  # static vectors loaded
    writer = Library(path)
    rows = writer.db.execute("SELECT id, text FROM passages").fetchall()
    vectors = writer.embedder.passages([t for _, t in rows])
    original = searcher.vectors.refresh

    def commit_in_between() -> None:  # the job commits right after the e5 index looked
        original()
        if not searcher.vectors.held and writer.vectors.size() == 0:
            writer.store_vectors([pid for pid, _ in rows], vectors)

    searcher.vectors.refresh = commit_in_between  # type: ignore[method-assign]
    hits = searcher.search("border detentions", mode="semantic")
    assert [hit.report_title for hit in hits] == ["Border"]
    searcher.vectors.refresh = original  # type: ignore[method-assign]
    assert searcher.search("border detentions", mode="semantic")[0].matched_by == ("semantic",)
    writer.close()
    searcher.close()
