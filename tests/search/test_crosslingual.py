"""Cross-language retrieval on the labeled set: recall@10 of each mode, asserted."""

from __future__ import annotations

import pytest

from prytulak.search import Library

from .conftest import labeled_set

LANGUAGES = ("en", "ru", "be")


def recall_at_10(library: Library, mode: str, query_language: str | None = None) -> float:
    data = labeled_set()
    scores = []
    for topic, queries in data["queries"].items():
        for language, query in queries.items():
            if query_language and language != query_language:
                continue
            found = {h.report_title for h in library.search(query, limit=10, mode=mode)}
            wanted = {f"{topic}-{other}" for other in LANGUAGES if other != language}
            scores.append(len(found & wanted) / len(wanted))
    return sum(scores) / len(scores)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_hybrid_finds_the_other_two_languages(crosslingual_library: Library, language: str) -> None:
    assert recall_at_10(crosslingual_library, "hybrid", language) >= 0.9


@pytest.mark.slow
def test_semantic_and_hybrid_beat_full_text_across_languages(crosslingual_library: Library) -> None:
    fts = recall_at_10(crosslingual_library, "fts")
    semantic = recall_at_10(crosslingual_library, "semantic")
    hybrid = recall_at_10(crosslingual_library, "hybrid")
    assert semantic >= 0.9 and hybrid >= 0.9
    assert hybrid > fts + 0.5, "full text alone cannot cross languages"


@pytest.mark.slow
def test_english_query_restricted_to_belarusian_passages(crosslingual_library: Library) -> None:
    hits = crosslingual_library.search("passport renewal abroad at consulates", language="be")
    assert hits and all(h.language == "be" for h in hits)
    assert hits[0].report_title == "passports-be"
