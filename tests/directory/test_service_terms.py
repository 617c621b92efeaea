"""Reading real bullets of the April 2025 list; the vocabulary files validate."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from ruamel.yaml import YAML

from prytulak.directory.model import CostModel, DetainedScope, RestrictionKind
from prytulak.directory.service_terms import read_terms

CHILDREN = RestrictionKind.CHILDREN_ONLY
NO_CRIMINAL = RestrictionKind.NO_CRIMINAL_CASES


@pytest.mark.parametrize("name", ["service_terms", "immigration_courts", "us_states"])
def test_data_files_validate_against_their_schema(name: str) -> None:
    folder = resources.files("prytulak.directory") / "data"
    data = YAML(typ="safe").load((folder / f"{name}.yaml").read_text("utf-8"))
    schema = json.loads((folder / f"{name}.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    ("note", "codes"),
    [
        ("Languages: English, Spanish, Farsi, and Russian", {"en", "es", "fa", "ru"}),
        (
            "Languages: English, Spanish, French, Creole, Polish, and Ukrainian",
            {"en", "es", "fr", "ht", "pl", "uk"},
        ),
        ("Idiomas: Español/Portugués, Interpretación Telefónica Para Otros Idiomas", {"es", "pt"}),
        (
            "focusing on providing services to persons from Cuba, Haiti, Afghanistan, and Ukraine",
            set(),
        ),
        ("No hablamos español", set()),
    ],
)
def test_languages(note: str, codes: set[str]) -> None:
    assert read_terms([note]).language_codes() == codes


def test_missing_languages_stay_unknown() -> None:
    terms = read_terms(["No walk-ins"])
    assert terms.languages == [] and terms.interpretation is None


def test_interpretation_is_not_a_language() -> None:
    terms = read_terms(["Staff provides service to individuals in any language"])
    assert terms.languages == []
    assert terms.interpretation == "Staff provides service to individuals in any language"


@pytest.mark.parametrize(
    ("note", "scope"),
    [
        ("Pro se case assistance for detained respondents only", DetainedScope.DETAINED_ONLY),
        ("Will accept detained and non-detained cases", DetainedScope.BOTH),
        ("Does not represent detained clients", DetainedScope.NON_DETAINED_ONLY),
        ("Non-detained individuals must live in Medina, Summit, Portage", DetainedScope.UNKNOWN),
        ("Will accept detained cases", DetainedScope.DETAINED_ACCEPTED),
        ("No walk-ins", DetainedScope.UNKNOWN),
    ],
)
def test_detained(note: str, scope: DetainedScope) -> None:
    terms = read_terms([note])
    assert terms.detained is scope
    assert terms.detained_text == (None if scope is DetainedScope.UNKNOWN else note)


def test_case_types_and_negation() -> None:
    offered = read_terms(["Asylum, Withholding of Removal, Convention Against Torture"])
    assert {c.case_type for c in offered.case_types if c.offered} >= {
        "asylum",
        "withholding",
        "torture_convention",
    }
    refused = read_terms(["No Asylum or Employment cases"])
    assert [(c.case_type, c.offered) for c in refused.case_types] == [("asylum", False)]


@pytest.mark.parametrize(
    ("note", "kind", "places"),
    [
        ("Children cases only", RestrictionKind.CHILDREN_ONLY, []),
        (
            "KIND only represents minors and unaccompanied children",
            RestrictionKind.CHILDREN_ONLY,
            [],
        ),
        ("Limited to residents of MN, ND, and SD", RestrictionKind.AREA, ["MN", "ND", "SD"]),
        ("Representation limited to residents of New Jersey", RestrictionKind.AREA, ["NJ"]),
        (
            "Representation limited to individuals with Alameda county residence or convictions",
            RestrictionKind.AREA,
            [],
        ),
        (
            "Will not represent individuals with criminal cases",
            RestrictionKind.NO_CRIMINAL_CASES,
            [],
        ),
        ("Priority given to Los Angeles County residents", RestrictionKind.PREFERENCE, []),
        ("Representation limited to Miami Court", RestrictionKind.COURT, []),
    ],
)
def test_restrictions(note: str, kind: RestrictionKind, places: list[str]) -> None:
    found = read_terms([note]).restrictions
    assert [(r.kind, r.places, r.text) for r in found] == [(kind, places, note)]


def test_removal_cases_listing_minors_is_not_children_only() -> None:
    note = (
        "NYC: Removal cases, Non-detained cases only, Defensive Asylum, VAWA, unaccompanied minors"
    )
    assert read_terms([note]).restrictions == []


def test_cost() -> None:
    low = read_terms(
        ["Reduced fee, nominal fee, or pro bono depending on need and grant availability"]
    )
    assert low.cost is CostModel.LOW_FEE
    assert read_terms([], default_cost=CostModel.PRO_BONO).cost is CostModel.PRO_BONO
