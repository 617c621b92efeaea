"""The R&A roster importer on PDFs built with the real column layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from prytulak.case import CaseFile, FilingPosture
from prytulak.directory import SourceError, import_file, match_case
from prytulak.directory.model import Accreditation, ImportResult, Provider
from prytulak.directory.sources.eoir_roster import SOURCE

from .roster_fixture import build_org_list, build_rep_list


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    path = build_org_list(tmp_path_factory.mktemp("roster") / "recognized-organizations.pdf")
    return SOURCE.read(path)


def _org(result: ImportResult, name: str) -> Provider:
    return next(p for p in result.providers if p.name == name)


def test_edition_and_organizations(roster: ImportResult) -> None:
    assert roster.edition.edition_date == date(2026, 11, 14)
    assert [p.name for p in roster.providers] == [
        "Amber Valley Immigrant Aid",
        "Birch Street Legal Center",
        "Cedar Refugee Services",
    ]
    assert roster.unparsed == []


def test_dhs_only_marker_means_partial_accreditation(roster: ImportResult) -> None:
    amber = _org(roster, "Amber Valley Immigrant Aid")
    reps = {r.name: r.accreditation for r in amber.representatives}
    assert reps == {"Hanna Ostrova": Accreditation.FULL, "Piotr Lavrenov": Accreditation.DHS_ONLY}
    assert amber.accreditation is Accreditation.FULL
    birch = _org(roster, "Birch Street Legal Center")
    assert birch.accreditation is Accreditation.DHS_ONLY


def test_continuation_rows_and_renewal(roster: ImportResult) -> None:
    birch = _org(roster, "Birch Street Legal Center")
    assert [(r.name, r.status) for r in birch.representatives] == [
        ("Olga Sidarenka", "Active"),
        ("Ivan Mazur", "Inactive"),
    ]
    amber = _org(roster, "Amber Valley Immigrant Aid")
    assert amber.recognition_expires == date(2025, 3, 14)
    assert amber.status == "Active (renewal pending)"


def test_address_section_gives_offices_and_states(roster: ImportResult) -> None:
    amber = _org(roster, "Amber Valley Immigrant Aid")
    office = amber.offices[0]
    assert (office.label, office.city, office.state) == ("Principal Office", "Chicago", "IL")
    assert office.phones[0].number == "(312) 555-0100"
    assert amber.states == ["IL"]


def test_representative_list_layout(tmp_path: Path) -> None:
    result = SOURCE.read(build_rep_list(tmp_path / "reps.pdf"))
    birch = next(p for p in result.providers if p.name == "Birch Street Legal Center")
    assert birch.accreditation is Accreditation.DHS_ONLY


def test_dhs_only_organization_is_excluded_for_a_court_case(
    roster: ImportResult, protester: CaseFile
) -> None:
    defensive = protester.model_copy(
        update={"filing": protester.filing.model_copy(update={"posture": FilingPosture.DEFENSIVE})}
    )
    _, ranked, excluded = match_case(defensive, roster.providers, date(2026, 11, 26))
    assert [m.provider.name for m in ranked] == ["Amber Valley Immigrant Aid"]
    birch = next(m for m in excluded if m.provider.name == "Birch Street Legal Center")
    assert any("DHS-only" in why for why in birch.excluded)
    cedar = next(m for m in excluded if m.provider.name == "Cedar Refugee Services")
    assert "roster status: Terminated" in cedar.excluded


def test_dhs_only_is_a_caution_for_an_affirmative_case(
    roster: ImportResult, protester: CaseFile
) -> None:
    _, ranked, _ = match_case(protester, roster.providers, date(2026, 11, 26))
    assert [m.provider.name for m in ranked] == ["Amber Valley Immigrant Aid"]  # Birch: NY


def test_a_file_that_is_not_a_roster(tmp_path: Path) -> None:
    text = tmp_path / "notes.pdf"
    text.write_bytes(b"not a pdf at all")
    with pytest.raises(SourceError, match=r"cannot be read as a PDF|does not look like"):
        import_file(text)
