"""The country-report library: import reports (PDF, HTML, text) as passages with page numbers
and search them in English, Russian or Belarusian with full text, vectors, or both.

Verbs::

    library = Library()                       # $PRYTULAK_DATA_DIR/library/library.sqlite3
    library.add_file(Path("report.pdf"), ReportInfo("Title", "Publisher", "2025-03"))
    library.search("torture in detention", limit=10, language="ru")
"""

from __future__ import annotations

from .analysis import guess_language, index_terms, query_terms
from .embedding import E5Embedder, Embedder
from .importers import ReportImportError, supported_suffixes
from .library import AddResult, Library, ReportRow
from .location import data_dir, library_path
from .records import Page, Passage, ReportInfo, SearchHit

__all__ = [
    "AddResult",
    "E5Embedder",
    "Embedder",
    "Library",
    "Page",
    "Passage",
    "ReportImportError",
    "ReportInfo",
    "ReportRow",
    "SearchHit",
    "data_dir",
    "guess_language",
    "index_terms",
    "library_path",
    "query_terms",
    "supported_suffixes",
]
