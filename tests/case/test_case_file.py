"""The demo cases load, round-trip, and validate against the exported JSON Schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from prytulak.case import (
    CaseFile,
    Ground,
    case_json_schema,
    dump_case,
    dump_case_json,
    parse_case_text,
)
from tests.conftest import DEMO_ROOT, TODAY, load_demo


def _plain(value: Any) -> Any:
    """YAML gives dates as date objects; JSON Schema sees the text the file holds."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def test_demo_cases_are_valid(demo_case: CaseFile) -> None:
    assert demo_case.applicant.name.native, "demo cases carry the name in Cyrillic"
    assert demo_case.claim.events, "demo cases have a timeline"
    assert demo_case.travel.last_arrival() is not None


def test_yaml_round_trip_is_stable(demo_case: CaseFile) -> None:
    text = dump_case(demo_case)
    again = parse_case_text(text.encode(), today=TODAY)
    assert again == demo_case
    assert dump_case(again) == text


def test_json_round_trip(demo_case: CaseFile) -> None:
    text = dump_case_json(demo_case)
    assert parse_case_text(text.encode(), "case.json", today=TODAY) == demo_case


def test_json_schema_validates_the_demo_files(demo_name: str) -> None:
    schema = case_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    raw = YAML(typ="safe").load(DEMO_ROOT / demo_name / "case.yaml")
    jsonschema.validate(_plain(raw), schema)
    jsonschema.validate(json.loads(dump_case_json(load_demo(demo_name))), schema)


def test_json_schema_rejects_a_bad_date() -> None:
    raw = YAML(typ="safe").load(DEMO_ROOT / "protester" / "case.yaml")
    raw = _plain(raw)
    raw["applicant"]["birth"]["date"] = "31.02.1990"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw, case_json_schema())


def test_demo_profiles_differ() -> None:
    protester, journalist, believer = (
        load_demo(n) for n in ("protester", "journalist", "lgbt-believer")
    )
    assert protester.claim.grounds == [Ground.POLITICAL_OPINION]
    assert any(c.article == "342" for e in protester.claim.events for c in e.charges)
    assert [t.country for t in protester.travel.third_countries] == ["Lithuania"]
    assert journalist.family.spouse is not None and len(journalist.family.children) == 1
    assert Ground.PARTICULAR_SOCIAL_GROUP in believer.claim.grounds
    assert Ground.RELIGION in believer.claim.grounds


def test_last_arrival_is_the_latest_entry(tmp_path: Path) -> None:
    case = load_demo("protester")
    data = json.loads(dump_case_json(case))
    data["travel"]["us_entries"].insert(
        0, {"date": "2019-05-01", "place": "JFK Airport, New York, NY", "manner": "B1/B2"}
    )
    case2 = parse_case_text(json.dumps(data).encode(), "case.json", today=TODAY)
    last = case2.travel.last_arrival()
    assert last is not None and last.date.text == "2026-03-02"


def test_a_number_is_normalized() -> None:
    journalist = load_demo("journalist")
    assert journalist.applicant.a_number == "245118702"


def test_timeline_is_in_date_order(demo_case: CaseFile) -> None:
    dates = [e.date.earliest for e in demo_case.claim.timeline()]
    assert dates == sorted(dates)


def test_case_file_reference_docs_are_current() -> None:
    from prytulak.case.reference import case_reference_markdown

    docs = Path(__file__).resolve().parents[2] / "docs" / "case-file-reference.md"
    assert docs.read_text(encoding="utf-8") == case_reference_markdown(), (
        "regenerate: uv run python -m prytulak.case.reference > docs/case-file-reference.md"
    )


def test_near_misses_get_a_did_you_mean() -> None:
    from prytulak.case import CaseFileError, case_from_data
    from tests.conftest import TODAY, load_demo

    data = load_demo("protester").model_dump(mode="json", exclude_none=True)
    data["applicant"]["ethnic_group"] = data["applicant"].pop("ethnicity", "Belarusian")
    with pytest.raises(CaseFileError) as unknown_field:
        case_from_data(data, "case.yaml", TODAY)
    assert "did you mean 'ethnicity'?" in str(unknown_field.value)
    data = load_demo("protester").model_dump(mode="json", exclude_none=True)
    data["claim"]["events"][1]["actors"] = ["okrestina-staf"]
    with pytest.raises(CaseFileError) as unknown_actor:
        case_from_data(data, "case.yaml", TODAY)
    assert "did you mean 'okrestina-staff'?" in str(unknown_actor.value)


def test_an_address_line_calls_a_suite_a_suite_and_a_bare_number_an_apartment() -> None:
    from prytulak.case import Address

    office = Address(street="55 E Jackson Blvd", apartment="Suite 1150", city="Chicago")
    home = Address(street="2147 W Division St", apartment="3R", city="Chicago")
    assert office.one_line() == "55 E Jackson Blvd, Suite 1150, Chicago, United States"
    assert home.one_line() == "2147 W Division St, apt. 3R, Chicago, United States"
    unit = office.unit()
    assert unit is not None and (unit.kind, unit.number) == ("ste", "1150")
