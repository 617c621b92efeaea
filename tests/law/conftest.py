"""Collect the YAML rule cases in tests/law/cases/*.yaml as pytest items.

Each case: ``name``, ``as_of``, ``case`` (merged onto a minimal case file), optional ``assume``,
and what to expect: ``expect`` (finding id → status), ``says`` (finding id → text the English
explanation contains), ``absent`` (finding ids that must not appear), ``deadlines`` (deadline
id → day), ``values`` (finding id → {rule value id → value}), ``blocking`` (true/false).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from prytulak.case import case_from_data
from prytulak.law import Assessment, assess

BASE_CASE: dict[str, Any] = {
    "schema_version": 1,
    "id": "rule-case",
    "applicant": {"name": {"family": "TESTER", "given": "ALES"}, "birth": {"date": "1990-01-01"}},
    # the bars questions answered "no" (absent would mean "not asked yet": unknown, blocking)
    "claim": {
        "bars": {
            "harmed_others": False,
            "crimes_in_us": False,
            "serious_crime_abroad": False,
            "armed_group_support": False,
        }
    },
}


def merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def run_rule_case(spec: dict[str, Any]) -> Assessment:
    data = merged(BASE_CASE, spec.get("case") or {})
    as_of = date.fromisoformat(str(spec["as_of"]))
    case = case_from_data(data, source=spec["name"], today=as_of)
    return assess(case, as_of, assume=spec.get("assume", ()))


def _status_problems(spec: dict[str, Any], result: Assessment) -> list[str]:
    problems = []
    for rule_id, status in (spec.get("expect") or {}).items():
        found = result.finding(rule_id)
        if found is None:
            problems.append(f"{rule_id}: expected {status}, but there is no such finding")
        elif found.status.value != status:
            problems.append(
                f"{rule_id}: expected {status}, got {found.status.value}: {found.text()}"
            )
    for rule_id in spec.get("absent") or []:
        if result.finding(rule_id) is not None:
            problems.append(f"{rule_id}: should not be assessed here")
    if "blocking" in spec and bool(result.blocking) != spec["blocking"]:
        problems.append(
            f"blocking: expected {spec['blocking']}, got {[f.id for f in result.blocking]}"
        )
    return problems


def _detail_problems(spec: dict[str, Any], result: Assessment) -> list[str]:
    problems = []
    for rule_id, snippet in (spec.get("says") or {}).items():
        found = result.finding(rule_id)
        if found is None or str(snippet) not in found.text():
            problems.append(f"{rule_id}: text lacks {snippet!r}: {found.text() if found else None}")
    days = {d.id: d.day.isoformat() for d in result.deadlines()}
    for deadline_id, day in (spec.get("deadlines") or {}).items():
        if days.get(deadline_id) != str(day):
            problems.append(f"deadline {deadline_id}: expected {day}, got {days.get(deadline_id)}")
    for rule_id, expected in (spec.get("values") or {}).items():
        found = result.finding(rule_id)
        used = {v.id: v.value for v in found.values} if found else {}
        for value_id, value in expected.items():
            if used.get(value_id) != value:
                problems.append(f"{rule_id}: {value_id} = {used.get(value_id)!r}, not {value!r}")
    return problems


def check_rule_case(spec: dict[str, Any], result: Assessment) -> list[str]:
    """Every mismatch between what the case expects and what the engine said."""
    return _status_problems(spec, result) + _detail_problems(spec, result)


class RuleCaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        specs = YAML(typ="safe", pure=True).load(self.path.read_text(encoding="utf-8"))
        for spec in specs:
            yield RuleCaseItem.from_parent(self, name=spec["name"], spec=spec)


class RuleCaseItem(pytest.Item):
    def __init__(self, *, spec: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec

    def runtest(self) -> None:
        problems = check_rule_case(self.spec, run_rule_case(self.spec))
        if problems:
            raise RuleCaseFailure(problems)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleCaseFailure):
            return "\n".join(excinfo.value.problems)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"rule case: {self.name}"


class RuleCaseFailure(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    if (
        file_path.suffix == ".yaml"
        and file_path.parent.name == "cases"
        and "law" in file_path.parts
    ):
        return RuleCaseFile.from_parent(parent, path=file_path)
    return None
