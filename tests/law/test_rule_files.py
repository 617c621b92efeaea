"""Every rule file validates, every value carries a citation and dates, every text is complete."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from prytulak.law.assessment import LANGUAGES
from prytulak.law.rulebook import (
    RuleFileError,
    build_rulebook,
    iter_rule_files,
    load_rule_file,
    load_rulebook,
    rule_file_problems,
)

RULE_FILES = list(iter_rule_files())
BROKEN = Path(__file__).parent / "broken_rules"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("kind,name,text", RULE_FILES, ids=[f[1] for f in RULE_FILES])
def test_every_rule_file_validates_against_its_schema(kind: str, name: str, text: str) -> None:
    load_rule_file(kind, name, text)


def test_every_value_version_has_citation_start_date_and_confidence() -> None:
    book = load_rulebook()
    assert len(book.values) >= 15
    for rule in book.values.values():
        for version in rule.versions:
            assert len(version.citation) >= 5, rule.id
            assert isinstance(version.start, date), rule.id
            assert version.confidence in {"verified", "secondary", "to_verify"}, rule.id


def test_every_table_entry_has_citation_and_the_table_a_start_date() -> None:
    for table in load_rulebook().tables.values():
        assert isinstance(table.start, date)
        for entry in table.entries:
            assert entry.citation and entry.confidence, f"{table.id}.{entry.key}"


def test_values_marked_k_in_the_reference_are_to_verify() -> None:
    """The weekend roll-forward and the 2024 EAD fee come from general knowledge only."""
    book = load_rulebook()
    assert book.values["one_year.roll_forward"].versions[0].confidence == "to_verify"
    assert book.values["fee.ead_initial"].versions[0].confidence == "to_verify"


def test_every_variant_has_the_same_placeholders_in_every_language() -> None:
    for text in load_rulebook().texts.values():
        for name, variant in {**text.variants, **text.resolve}.items():
            names = [set(PLACEHOLDER.findall(variant[lang])) for lang in LANGUAGES]
            assert names[0] == names[1] == names[2], f"{text.id}/{name}"


def test_every_resolve_key_names_a_variant() -> None:
    for text in load_rulebook().texts.values():
        assert set(text.resolve) <= set(text.variants), text.id


@pytest.mark.parametrize(
    "name,message",
    [
        ("version_without_citation", "'citation' is a required property"),
        ("proposed_without_switch", "'change' is a required property"),
        ("ends_before_it_starts", "ends (2025-01-01) before it starts (2026-01-01)"),
    ],
)
def test_broken_rule_files_fail_with_a_clear_message(name: str, message: str) -> None:
    path = BROKEN / "values" / f"{name}.yaml"
    files = iter([("values", f"rules/values/{path.name}", path.read_text(encoding="utf-8"))])
    with pytest.raises(RuleFileError) as caught:
        build_rulebook(files)
    assert message in str(caught.value)
    assert path.name in str(caught.value) or "fee.example" in str(caught.value)


def test_schema_problems_name_the_path() -> None:
    problems = rule_file_problems({"kind": "values", "title": "Fees"}, "values")
    assert problems == ["(top level): 'values' is a required property"]


def test_every_article_the_country_pack_documents_as_political_is_in_the_charges_table() -> None:
    """A charge under an article the country pack sources as political use (e.g. CC 193-1
    against unregistered churches) is never reported as a possible common crime."""
    from prytulak.country import get_pack

    charges = load_rulebook().table("charges")
    keys = {e.key for e in charges.entries}
    missing = [a.key for a in get_pack("BY").articles if a.political_use and a.key not in keys]
    assert not missing, f"articles documented as political but not in charges.yaml: {missing}"
    for entry in charges.entries:
        assert re.search(r"BY-COI-\d{3}", entry.citation), (entry.key, entry.citation)
