"""The importer on the real EOIR List of Pro Bono Legal Service Providers, April 2025.

Counts per court were checked by hand against the PDF (pdftotext -layout, pages noted).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from prytulak.directory import ImportResult, Provider
from prytulak.directory.model import DetainedScope, ProviderKind

ALAMEDA = "Alameda County Public Defender - Immigration Representation Unit"


def _court_members(probono: ImportResult) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for provider in probono.providers:
        for listing in provider.listings:
            members[listing.court].add(provider.name)
    return members


def test_edition_is_read_from_the_page_header(probono: ImportResult) -> None:
    assert probono.edition.edition == "Updated April 2025"
    assert probono.edition.edition_date == date(2025, 4, 1)
    assert probono.edition.source == "eoir-probono"


def test_every_block_is_read_and_the_count_of_unparsed_blocks_is_reported(
    probono: ImportResult,
) -> None:
    assert probono.sections == 89
    assert probono.blocks == 368
    assert len(probono.providers) == 153
    assert probono.unparsed == []


def test_sections_missing_from_the_body_are_reported_with_their_page(probono: ImportResult) -> None:
    missing = {(w.page, w.text) for w in probono.warnings if "table of contents" in w.message}
    assert missing == {
        (1, "Stewart Detention Center Immigration Court"),
        (2, "Boise Hearing Location"),
        (2, "Boise Hearing Location Juvenile Docket"),
    }


def test_a_name_without_marker_is_kept_and_reported(
    by_name: dict[str, Provider], probono: ImportResult
) -> None:
    name = (
        "Loyola University New Orleans College of Law, "
        "Stuart H. Smith Law Clinic & Center for Social Justice"
    )
    assert by_name[name].kind is ProviderKind.UNKNOWN
    assert any(w.page == 55 and "marker" in w.message for w in probono.warnings)


ABA = "American Bar Association Detention and LOP Information Line"
FIRRP = "Florence Immigrant and Refugee Rights Project"
NWIRP = "Northwest Immigrant Rights Project"
BY_HAND = {
    # pages 4-9
    "Eloy Immigration Court": {ABA, FIRRP},
    "Phoenix Immigration Court Juvenile Docket": {FIRRP},
    # pages 48-50
    "Chicago Immigration Court": {
        ABA,
        "Children's Legal Center",
        "Law Office of Cook County Public Defender",
        "National Immigrant Justice Center (A Heartland Alliance Affiliated Partner)",
    },
    "Chicago Immigration Court Juvenile Docket": {"Children's Legal Center"},
    # page 46, page 52
    "Honolulu Immigration Court": {ABA, "The Legal Clinic"},
    "Louisville Immigration Court": {ABA},
    # pages 84-85
    "Las Vegas Immigration Court": {
        ABA,
        "Catholic Charities of Southern Nevada, Immigration Services Program",
        "Legal Aid Center of Southern Nevada",
        "Northern Nevada Legal Aid (formerly Washoe Legal Services)",
        "UNLV Immigration Clinic",
    },
    # page 113
    "Portland Immigration Court": {
        ABA,
        "Catholic Charities of Oregon",
        "Equity Corps of Oregon",
        "SOAR Immigration Legal Services",
    },
    # pages 152-154: NWIRP's '(cont.)' block is the same provider
    "Seattle Immigration Court": {
        ABA,
        "Kids In Need of Defense (KIND) - Seattle Field Office",
        NWIRP,
    },
    "Tacoma Immigration Court": {ABA, NWIRP},
}


@pytest.mark.parametrize(("court", "expected"), BY_HAND.items())
def test_providers_per_court_checked_by_hand(
    probono: ImportResult, court: str, expected: set[str]
) -> None:
    assert _court_members(probono)[court] == expected


def test_providers_per_state(probono: ImportResult) -> None:
    per_state: dict[str, set[str]] = defaultdict(set)
    for provider in probono.providers:
        for listing in provider.listings:
            per_state[listing.state or "?"].add(provider.name)
    assert len(per_state["AZ"]) == 2
    assert len(per_state["IL"]) == 4
    assert len(per_state["WA"]) == 3
    assert len(per_state["OR"]) == 4
    assert "?" not in per_state


def test_markers_give_the_kind_of_provider(
    by_name: dict[str, Provider], probono: ImportResult
) -> None:
    assert by_name["Florence Immigrant and Refugee Rights Project"].kind is ProviderKind.NONPROFIT
    aba = by_name["American Bar Association Detention and LOP Information Line"]
    assert (aba.kind, aba.kind_text) == (ProviderKind.REFERRAL_SERVICE, "**")
    private = [p for p in probono.providers if p.kind is ProviderKind.PRIVATE_ATTORNEY]
    assert [(p.name, p.kind_text) for p in private] == [("James A. Jones", "***")]
    referral = [p for p in probono.providers if p.kind is ProviderKind.REFERRAL_SERVICE]
    assert len(referral) == 9


def test_one_provider_under_many_courts_keeps_each_courts_phone(
    by_name: dict[str, Provider],
) -> None:
    firrp = by_name["Florence Immigrant and Refugee Rights Project"]
    assert firrp.court_names() == [
        "Eloy Immigration Court",
        "Florence Immigration Court",
        "Phoenix Immigration Court",
        "Phoenix Immigration Court Juvenile Docket",
        "Tucson Immigration Court",
        "Tucson Immigration Court Juvenile Docket",
    ]
    phones = {listing.court: listing.offices[0].phones[0].number for listing in firrp.listings}
    assert phones["Eloy Immigration Court"] == "(520) 868-0191"
    assert phones["Phoenix Immigration Court"] == "(602) 307-1008"
    office = firrp.listings[0].offices[0]
    assert office.address_lines == ["P.O. Box 32670"]
    assert (office.city, office.state, office.zip) == ("Phoenix", "AZ", "85064")
    assert office.emails == ["firrp@firrp.org"]
    assert office.websites == ["www.firrp.org"]
    phoenix = next(x for x in firrp.listings if x.court == "Phoenix Immigration Court")
    assert phoenix.terms.notes == [
        "Children cases only",
        "No walk-ins",
        "Please call to make an appointment",
    ]


def test_wrapped_website_and_email_only_entry(by_name: dict[str, Provider]) -> None:
    aba = by_name["American Bar Association Detention and LOP Information Line"]
    office = aba.listings[0].offices[0]
    assert office.emails == ["immcenter@americanbar.org"]
    assert office.websites == ["www.americanbar.org/groups/public_interest/immigration/"]
    assert aba.listings[0].terms.detained is DetainedScope.DETAINED_ONLY
    assert len(aba.listings) == 56


def test_office_labels_and_a_phone_qualifier(by_name: dict[str, Provider]) -> None:
    nwirp = by_name["Northwest Immigrant Rights Project"]
    seattle = next(x for x in nwirp.listings if x.court == "Seattle Immigration Court")
    assert [o.label for o in seattle.offices] == [
        "Seattle Office",
        "Granger Office",
        "Wenatchee Office",
        "Tacoma Office",
    ]
    tacoma = seattle.offices[-1]
    assert ("(253) 383-0519", "Tel (Detained)") in {(p.number, p.label) for p in tacoma.phones}
    gateways = by_name["American Gateways"].listings[0]
    assert gateways.offices[0].label == "American Gateways – Austin"


def test_former_name_is_kept_beside_the_name(by_name: dict[str, Provider]) -> None:
    amica = by_name["Amica Center or Immigrant Rights"]
    assert amica.other_names == ["(formerly Capital Area Immigrants' Rights (CAIR) Coalition)"]


def test_every_russian_ukrainian_polish_mention_is_found(probono: ImportResult) -> None:
    found = {
        (provider.name, listing.court, note.code)
        for provider in probono.providers
        for listing in provider.listings
        for note in listing.terms.languages
        if note.code in {"ru", "be", "uk", "pl"}
    }
    assert found == {
        (
            "Alameda County Public Defender - Immigration Representation Unit",
            "Adelanto Immigration Court",
            "ru",
        ),
        ("HIAS (New York)", "Newark Immigration Court", "ru"),
        ("HIAS (New York)", "New York Immigration Courts", "ru"),
        ("Catholic Charities of Long Island", "New York Immigration Courts", "uk"),
        ("Catholic Charities of Long Island", "New York Immigration Courts", "pl"),
    }


def test_russian_mention_keeps_its_original_text(by_name: dict[str, Provider]) -> None:
    hias = by_name["HIAS (New York)"]
    ny = next(x for x in hias.listings if x.court == "New York Immigration Courts")
    russian = next(n for n in ny.terms.languages if n.code == "ru")
    assert (
        russian.text
        == "Languages: Spanish and Russian, other languages via interpretation Services"
    )
    assert ny.offices[0].phones[0].number == "(212) 613-1341"
    assert ny.court_id == "new-york"


def test_every_listing_maps_to_a_court_in_the_court_data(probono: ImportResult) -> None:
    unmapped = {x.court for p in probono.providers for x in p.listings if x.court_id is None}
    assert unmapped == set()
