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


def _laughs() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\nproviders:\n  - name: X\n    languages: *a8\n"


def test_anchors_and_aliases_are_refused_quickly(tmp_path: Path) -> None:
    import time

    path = tmp_path / "laughs.yaml"
    path.write_text(_laughs(), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"uses YAML anchors or aliases .*line 1.*in full"):
        import_file(path)
    assert time.monotonic() - started < 5


def test_deep_nesting_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(
        "providers:\n  - name: X\n    notes: " + "[" * 50_000 + "]" * 50_000 + "\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="nested too deeply"):
        import_file(path, "local")


def test_bad_rows_are_named_and_the_good_ones_imported(tmp_path: Path) -> None:
    path = tmp_path / "rows.yaml"
    path.write_text(
        "providers:\n"
        "  - just a string\n"
        "  - name: Bad Date\n    last_verified: 2025-02-30\n"
        "  - name: Future\n    last_verified: 2091-01-01\n"
        "  - name: Good\n    last_verified: 2025-02-01\n",
        encoding="utf-8",
    )
    result = import_file(path)
    assert [p.name for p in result.providers] == ["Good"]
    assert result.providers[0].last_verified == date(2025, 2, 1)
    problems = {p.row: str(p) for p in result.unparsed}
    assert "row 1: row not imported: it is not a mapping of fields" in problems[1]
    assert (
        "'2025-02-30' is not a real date; write the day the details were last checked as YYYY-MM-DD"
        in problems[2]
    )
    assert "2091-01-01 is in the future" in problems[3]


def test_a_csv_with_an_impossible_date_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name,languages,last_verified\nA,ru,2025-02-30\nB,ru,2025-02-01\n", "utf-8")
    result = import_file(path)
    assert [p.name for p in result.providers] == ["B"]
    assert result.unparsed[0].row == 2 and "not a real date" in str(result.unparsed[0])


def test_a_spreadsheet_is_named_with_how_to_save_it_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04junk")
    with pytest.raises(SourceError, match=r"spreadsheet \(XLSX\).*save it as CSV \(UTF-8\)"):
        import_file(path)


def test_a_cp1251_csv_is_named_up_front(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("name,kind,languages\nПавел Рудак,attorney,ru\n".encode("cp1251"))
    with pytest.raises(SourceError) as caught:
        import_file(path)
    message = str(caught.value)
    assert "is not UTF-8 text" in message and "Windows-1251" in message
    assert "CSV UTF-8" in message
