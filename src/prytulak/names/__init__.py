"""Names across alphabets: transliteration systems, name variants, cross-script matching and
name consistency between a case and its evidence.

Public verbs: ``transliterate``, ``name_variants``, ``compare_names``, ``analyze_name``,
``check_name_consistency``. Tables are data (``data/systems/*.yaml``, ``data/given_names.yaml``)
validated against JSON Schemas beside them.
"""

from .analysis import AnalyzedName, NameToken, Spelling, analyze_name, passport_spelling, split_name
from .keys import name_key
from .matching import DEFAULT_THRESHOLD, NameMatch, TokenPair, compare_analyzed, compare_names
from .systems import TransliterationSystem, get_system, systems, transliterate
from .variants import NameVariant, ascii_fold, name_variants

__all__ = [
    "DEFAULT_THRESHOLD",
    "AnalyzedName",
    "NameMatch",
    "NameToken",
    "NameVariant",
    "Spelling",
    "TokenPair",
    "TransliterationSystem",
    "analyze_name",
    "ascii_fold",
    "compare_analyzed",
    "compare_names",
    "get_system",
    "name_key",
    "name_variants",
    "passport_spelling",
    "split_name",
    "systems",
    "transliterate",
]
