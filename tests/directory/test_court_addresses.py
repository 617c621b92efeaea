"""Court codes and addresses carry their source; hand-checked courts; case court names map.

The hand-checked values below were compared on 2026-11-26 with the source recorded in the data
file and, where one was at hand, with a second page (noted per row).
"""

from __future__ import annotations

from datetime import date

import pytest

from prytulak.case import CaseFile
from prytulak.directory import case_court, courts, find_court
from prytulak.directory.courts import CourtAddress, address_sources, court_by_id

from .conftest import with_court


def _all_addresses() -> list[tuple[str, CourtAddress]]:
    return [(court.id, address) for court in courts() for address in court.addresses]


def _all_codes() -> list[tuple[str, str, str | None]]:
    found = [(court.id, court.code, court.code_source) for court in courts() if court.code]
    for court in courts():
        found += [(court.id, loc.code, loc.code_source) for loc in court.locations if loc.code]
    return found


def test_every_filled_address_names_a_known_source() -> None:
    sources = address_sources()
    addresses = _all_addresses()
    assert len(addresses) == 69  # 59 courts and 10 locations (New York - Broadway...)
    for court_id, address in addresses:
        assert address.source in sources, f"{court_id}: unknown source {address.source!r}"
        assert address.url.startswith("https://www.justice.gov/eoir/"), court_id


def test_every_code_names_a_known_source() -> None:
    sources = address_sources()
    for court_id, code, source in _all_codes():
        assert source in sources, f"{court_id}: code {code} has no source"


def test_sources_say_when_and_whether_they_are_copies() -> None:
    for key, source in address_sources().items():
        assert source.read_on <= date(2026, 11, 26), key
        assert source.as_of is None or source.as_of <= source.read_on, key
        if source.secondary:
            assert source.read_from, f"{key}: a secondary source must name its copy"
    status = address_sources()["eoir-status-2026-09"]
    assert status.secondary and status.as_of == date(2026, 9, 15)
    assert status.url == "https://www.justice.gov/eoir/immigration-court-operational-status"


def test_codes_are_unique_across_courts_and_locations() -> None:
    codes = [code for _, code, _ in _all_codes()]
    assert len(codes) == len(set(codes))


def test_addresses_are_in_the_courts_state_and_zip_shaped() -> None:
    for court_id, address in _all_addresses():
        court = court_by_id(court_id)
        assert court is not None and address.state == court.state, court_id
        assert len(address.zip) in (5, 10), court_id


def test_courts_without_a_source_stay_empty() -> None:
    """Nothing from memory: no source at hand gives these an address (or a code)."""
    for court_id in ["batavia", "boise", "brownsville", "karnes-county-residential-center"]:
        court = court_by_id(court_id)
        assert court is not None and court.address is None, court_id
    for court_id in ["louisville", "boise", "brownsville", "san-francisco"]:
        court = court_by_id(court_id)
        assert court is not None and court.code is None, court_id


@pytest.mark.parametrize(
    ("court_id", "code", "line"),
    [
        # Also on chicago news pages (55 E. Monroe St., 15th floor).
        ("chicago", "CHI", "55 E. Monroe Street, Suite 1500, Chicago, IL 60603"),
        # Also on the EOIR Memphis court page ("80 Monroe Avenue, Suite 501").
        ("memphis", "MEM", "Brinkley Plaza - 80 Monroe Avenue, Suite 501, Memphis, TN 38103"),
        # Also on a Buffalo court guide (130 Delaware Avenue, Suite 300).
        ("buffalo", "BUF", "130 Delaware Avenue, Suite 300, Buffalo, NY 14202"),
        # The street is the Eloy Detention Center's (ICE facility page).
        ("eloy", "ELO", "1705 E. Hanna Road, Suite 366, Eloy, AZ 85131"),
        ("fort-snelling", "BLM", "1 Federal Drive, Suite 1850, Fort Snelling, MN 55111"),
        ("otay-mesa", "OTM", "7488 Calzada de la Fuente, San Diego, CA 92154"),
    ],
)
def test_hand_checked_courts(court_id: str, code: str, line: str) -> None:
    court = court_by_id(court_id)
    assert court is not None and court.code == code and court.address is not None
    assert court.address.one_line() == line
    assert court.address.source == "eoir-status-2026-09"


def test_new_york_has_its_three_courts() -> None:
    court = court_by_id("new-york")
    assert court is not None and court.code is None and court.address is None
    where = {loc.code: loc.address.one_line() for loc in court.locations if loc.address}
    assert where == {
        "NYB": "290 Broadway, Suite 2900, Ted Weiss Federal Building, New York, NY 10007",
        "NYC": "26 Federal Plaza, 12th Floor, Room 1237, New York, NY 10278",
        "NYV": "201 Varick Street, 5th Floor, Room 507, New York, NY 10014",
    }


def test_san_francisco_comes_from_the_court_page_with_its_caution() -> None:
    court = court_by_id("san-francisco")
    assert court is not None and court.address is not None
    assert court.address.one_line() == "100 Montgomery Street, Suite 800, San Francisco, CA 94104"
    source = address_sources()[court.address.source]
    assert not source.secondary and source.as_of is None  # the page shows no date
    assert court.address.caution and "2026-09-15" in court.address.caution


@pytest.mark.parametrize(
    ("text", "court_id"),
    [
        ("Chicago, IL", "chicago"),
        ("New York - Broadway", "new-york"),
        ("New York – Varick", "new-york"),
        ("NYB", "new-york"),
        ("nyc", "new-york"),
        ("Houston - Greenspoint Park", "houston"),
        ("HSG", "houston"),
        ("Los Angeles - Van Nuys Boulevard", "los-angeles"),
        ("Atlanta - Ted Turner Drive", "atlanta"),
        ("KRO", "krome"),
        ("JNA", "lasalle"),
        ("Guaynabo (San Juan)", "guaynabo-san-juan"),
    ],
)
def test_location_names_and_codes_find_their_court(text: str, court_id: str) -> None:
    court = find_court(text)
    assert court is not None and court.id == court_id


@pytest.mark.parametrize("text", ["Minsk", "Minsk District Court", "BYE", "XYZ"])
def test_codes_match_only_exactly(text: str) -> None:
    assert find_court(text) is None


@pytest.mark.parametrize(
    ("named", "court_id", "code"),
    [
        ("Chicago, IL", "chicago", "CHI"),
        ("New York - Broadway", "new-york", None),
        ("Eloy Immigration Court", "eloy", "ELO"),
    ],
)
def test_case_court_from_the_case_file(
    protester: CaseFile, named: str, court_id: str, code: str | None
) -> None:
    where = case_court(with_court(protester, named))
    assert where.court is not None and where.court.id == court_id and where.confirmed
    assert where.court.code == code
    assert where.court.addresses, "a court the case names has an address to show"
