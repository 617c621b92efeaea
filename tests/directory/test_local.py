"""The organization's own list: YAML and CSV, with rows that cannot be read reported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from prytulak.case import CaseFile
from prytulak.directory import SourceError, import_file, match_case
from prytulak.directory.model import DetainedScope

LOCAL_YAML = """\
organization: Lake Shore Immigrant Legal Aid (fictional)
edition: reviewed 2026-11-01
providers:
  - name: Daria Kuzmich
    kind: attorney
    organization: Kuzmich Immigration Law (fictional)
    languages: [ru, be, en]
    courts: [Chicago Immigration Court]
    states: [IL]
    detained: both
    case_types: [asylum, removal_defense]
    cost: low_fee
    fees: sliding scale; first consultation free
    capacity: open
    asylum_experience: 60 asylum cases since 2019, 25 from Belarus
    phone: (312) 555-0177
    last_verified: 2026-10-15
  - name: Broken Row
    capacity: maybe
"""

LOCAL_CSV = """\
name,kind,languages,courts,states,detained,case_types,cost,capacity,notes
Pavel Rudak,attorney,ru;uk,Chicago Immigration Court,IL,non_detained_only,asylum,paid,limited,
Clinic One,nonprofit,,Chicago,IL,,,pro_bono,full,Children cases only
"""


def test_yaml_list(tmp_path: Path, protester: CaseFile) -> None:
    path = tmp_path / "partners.yaml"
    path.write_text(LOCAL_YAML, "utf-8")
    result = import_file(path)
    assert result.edition.edition == "reviewed 2026-11-01"
    [daria] = result.providers
    assert daria.listings[0].court_id == "chicago"
    assert daria.listings[0].terms.language_codes() == {"ru", "be", "en"}
    assert daria.listings[0].terms.detained is DetainedScope.BOTH
    assert [(p.row, p.text) for p in result.unparsed] == [(2, "Broken Row")]
    assert "capacity" in result.unparsed[0].message
    _, ranked, _ = match_case(protester, result.providers, date(2026, 11, 26))
    reasons = [r.text for r in ranked[0].reasons]
    assert "capacity: open (organization's own list)" in reasons
    assert any(r.startswith("speaks Russian and Belarusian") for r in reasons)


def test_csv_list(tmp_path: Path, protester: CaseFile) -> None:
    path = tmp_path / "partners.csv"
    path.write_text(LOCAL_CSV, "utf-8")
    result = import_file(path, "local")
    assert [p.name for p in result.providers] == ["Pavel Rudak", "Clinic One"]
    _, ranked, excluded = match_case(protester, result.providers, date(2026, 11, 26))
    assert [m.provider.name for m in ranked] == ["Pavel Rudak"]
    assert excluded[0].excluded == ["children only: “Children cases only”"]


def test_yaml_without_providers_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("people: []\n", "utf-8")
    with pytest.raises(SourceError, match="no 'providers:' list"):
        import_file(path, "local")
