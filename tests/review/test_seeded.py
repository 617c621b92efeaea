"""Inconsistencies seeded into copies of the demo cases are each found, at the right place."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from prytulak.case import CaseFile, dump_case_json, parse_case_text
from prytulak.review import DocumentPage, DocumentText, Severity, review
from tests.conftest import TODAY, load_demo

Data = dict[str, Any]


@dataclass(frozen=True)
class Seed:
    name: str
    demo: str
    change: Callable[[Data], None]
    code: str
    at: str
    documents: tuple[DocumentText, ...] = field(default=())
    declaration: str | None = None


def _set(path: str, value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is _DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return change


def _do(*changes: Callable[[Data], None]) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        for step in changes:
            step(data)

    return change


def _append(path: str, value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        node: Any = data
        for part in path.split("."):
            node = node[int(part)] if part.isdigit() else node[part]
        node.append(value)

    return change


_DELETE = object()


def _doc(evidence_id: str, text: str, taken_on: date | None = None) -> DocumentText:
    return DocumentText(evidence_id, f"{evidence_id}.pdf", (DocumentPage(1, text),), taken_on)


SEEDS = [
    Seed("detention after leaving", "protester",
         _do(_set("claim.events.1.date", "2022-04-10"), _set("claim.events.1.end", "2022-04-13"),
             _set("evidence.3.document_date", "2022-04-14")),
         "timeline.event-after-departure", "claim.events[1].date"),
    Seed("arrival before departure", "protester", _set("travel.us_entries.0.date", "2022-03-01"),
         "timeline.entry-before-departure", "travel.us_entries[0].date"),
    Seed("third country before leaving", "protester",
         _set("travel.third_countries.0.arrived", "2022-02-01"),
         "timeline.third-country-order", "travel.third_countries[0].arrived"),
    Seed("arrest length vs dates", "journalist", _set("claim.events.3.end", "2022-01-27"),
         "timeline.detention-length", "claim.events[3].end"),
    Seed("narrative date vs event date", "protester",
         _do(_set("claim.events.1.date", "2020-08-12")),
         "timeline.narrative-date", "claim.events[1].narrative"),
    Seed("return to Belarus unexplained", "protester",
         _append("travel.departures", {"date": "2021-06-01", "returned": "2021-06-20"}),
         "timeline.return-unexplained", "travel.departures[1].purpose_of_return"),
    Seed("same event twice", "protester",
         lambda d: d["claim"]["events"].append({**d["claim"]["events"][1], "id": "copy"}),
         "timeline.duplicate-event", "claim.events[5]"),
    Seed("gap in residences", "journalist", _set("history.residences.2.to", "2021-10"),
         "history.residence-gap", "history.residences[1].from"),
    Seed("overlapping residences", "protester", _set("history.residences.0.from", "2025-06"),
         "history.residence-overlap", "history.residences[0].from"),
    Seed("Belarusian address ends long before departure", "protester",
         _set("history.residences.2.to", "2021-05"),
         "history.belarus-residence-vs-departure", "history.residences[2].to"),
    Seed("job in Belarus after leaving", "protester", _set("history.employment.1.to", "2023-06"),
         "history.work-in-belarus-after-departure", "history.employment[1].to"),
    Seed("two jobs at once", "protester", _set("history.employment.0.from", "2021-09"),
         "history.employment-overlap", "history.employment[0].from"),
    Seed("two current addresses", "protester",
         _set("history.residences.0.address.street", "1 Other St"),
         "history.current-address-mismatch", "history.residences[0].address"),
    Seed("married without spouse", "protester", _set("applicant.marital_status", "married"),
         "family.marital-status", "applicant.marital_status"),
    Seed("included child over 21", "journalist",
         _set("family.children.0.birth.date", "2003-01-01"),
         "family.derivative-eligibility", "family.children[0].include_in_application"),
    Seed("included spouse not in the US", "journalist",
         _set("family.spouse.location", "in_belarus"),
         "family.derivative-eligibility", "family.spouse.location"),
    Seed("US-born child included as a derivative", "journalist",
         _do(_set("family.children.0.birth.country", "United States"),
             _set("family.children.0.birth.city", "Chicago, IL"),
             _set("family.children.0.nationality", "United States")),
         "family.derivative-eligibility", "family.children[0].include_in_application"),
    Seed("US-citizen spouse included", "journalist",
         _set("family.spouse.nationality", "USA"),
         "family.derivative-eligibility", "family.spouse.include_in_application"),
    Seed("included spouse without a marriage certificate", "journalist",
         _set("evidence.1.title", "Daughter's birth certificate"),
         "family.relationship-proof", "family.spouse"),
    Seed("included child without a birth certificate", "journalist",
         _set("evidence.1.title", "Marriage certificate"),
         "family.relationship-proof", "family.children[0]"),
    Seed("child born when the parent was 7", "journalist",
         _set("family.children.0.birth.date", "1995-01-01"),
         "family.implausible-age", "family.children[0].birth.date"),
    Seed("father missing", "protester", _set("family.relatives.1", _DELETE),
         "family.parents-missing", "family.relatives"),
    Seed("ground with no event", "protester",
         _set("claim.grounds", ["political_opinion", "religion"]),
         "claim.ground-without-support", "claim.grounds[1]"),
    Seed("event ground not claimed", "lgbt-believer",
         _set("claim.events.1.grounds", ["religion", "political_opinion"]),
         "claim.ground-not-claimed", "claim.events[1].grounds"),
    Seed("social group undefined", "lgbt-believer", _set("claim.social_groups", []),
         "claim.ground-undefined", "claim.social_groups"),
    Seed("beating with no persecutor", "protester", _set("claim.events.1.actors", []),
         "claim.missing-persecutor", "claim.events[1].actors"),
    Seed("no fear of return", "protester", _set("claim.fears", []),
         "claim.no-fear", "claim.fears"),
    Seed("torture feared, CAT not asked", "protester", _set("claim.apply_for_cat", False),
         "claim.torture-without-cat", "claim.apply_for_cat"),
    Seed("persecutor bar answered yes, unexplained", "protester",
         _set("claim.bars.harmed_others", True),
         "claim.bar-unexplained", "claim.bars.harmed_others_explanation"),
    Seed("late filing with no exception", "lgbt-believer", _set("claim.late_filing", _DELETE),
         "claim.late-unexplained", "claim.late_filing"),
    Seed("religion unanswered", "protester", _set("applicant.religion", _DELETE),
         "completeness.unanswered", "applicant.religion"),
    Seed("no I-94 number", "protester", _set("travel.us_entries.0.i94", _DELETE),
         "completeness.i94-missing", "travel.us_entries[0].i94"),
    Seed("medical record before the beating", "protester",
         _set("evidence.3.document_date", "2020-08-01"),
         "evidence.document-before-event", "claim.events[1].date"),
    Seed("medical record months later", "protester",
         _set("evidence.3.document_date", "2020-11-02"),
         "evidence.medical-long-after", "evidence E04"),
    Seed("evidence that proves nothing", "protester",
         _append("evidence", {"id": "E12", "title": "Letter from a friend", "kind": "letter"}),
         "evidence.unreferenced", "evidence E12"),
    Seed("unavailable without a reason", "protester", _set("evidence.4.available", False),
         "evidence.unavailable-unexplained", "evidence[4].notes"),
    Seed("treated but no medical record", "protester", _set("claim.events.1.evidence", ["E05"]),
         "gaps.medical-missing", "claim.events[1].evidence"),
    Seed("no country conditions evidence", "protester",
         _do(_set("evidence.9", _DELETE), _set("claim.fears.0.evidence", ["E09"])),
         "gaps.case-level", "evidence"),
    Seed("a residence card is not a membership card", "journalist",
         _set("evidence.2", {"id": "E03", "title": "Polish temporary residence card",
                             "kind": "identity"}),
         "gaps.case-level", "claim.organizations"),
    Seed("a report on the applicant's own trial is not country conditions", "protester",
         _do(_set("evidence.9", {"id": "E10", "title": "Viasna report on the in-absentia trial",
                                 "kind": "article"}),
             _set("claim.events.4.evidence", ["E09", "E10"])),
         "gaps.case-level", "evidence"),
    Seed("a protest photo is not evidence of activity abroad", "protester",
         _do(_set("claim.activities_abroad.0.evidence", []),
             _set("evidence.10", {"id": "E11", "title": "Photo of the protest in Minsk",
                                  "kind": "photo"}),
             _set("claim.events.0.evidence", ["E03", "E11"])),
         "gaps.case-level", "claim.activities_abroad[0].evidence"),
    Seed("search record dated two days later", "protester", lambda d: None,
         "text.date-mismatch", "evidence E07 (E07.pdf), page 1, line 2",
         documents=(_doc("E07", "ПРОТОКОЛ ОБЫСКА\nг. Минск, 17 марта 2022 г.\nначат в 06:05"),)),
    Seed("release certificate gives a later last day", "protester", lambda d: None,
         "text.date-mismatch", "evidence E05 (E05.pdf), page 1, line 2",
         documents=(_doc("E05", "СПРАВКА\nсодержался в ЦИП с 10.08.2020 по 14.08.2020\n"
                                "Освобожден 14.08.2020."),)),
    Seed("release day alone differs", "protester", lambda d: None,
         "text.date-mismatch", "evidence E05 (E05.pdf), page 1, line 3",
         documents=(_doc("E05", "СПРАВКА\nзадержан 10.08.2020\nОсвобожден 15.08.2020."),)),
    Seed("ruling says 10 days, case says 15", "journalist", lambda d: None,
         "text.duration-mismatch", "evidence E07 (E07.pdf), page 1, line 3",
         documents=(_doc("E07", "ПОСТАНОВЛЕНИЕ\n17.01.2022\nарест сроком на 10 суток"),)),
    Seed("photo taken on another day", "protester", lambda d: None,
         "text.photo-date", "evidence E03 (E03.pdf)",
         documents=(_doc("E03", "", taken_on=date(2020, 8, 20)),)),
    Seed("I-94 shows another arrival day", "protester", lambda d: None,
         "text.entry-date-mismatch", "evidence E02 (E02.pdf), page 1, line 2",
         documents=(_doc("E02", "Most Recent I-94\nMost Recent Date of Entry: 2026-03-04\n"),)),
    Seed("birth certificate gives another birth date", "journalist", lambda d: None,
         "text.birth-date-mismatch", "evidence E02 (E02.pdf), page 1, line 1",
         documents=(_doc("E02", "Жукава Алеся Паўлаўна нарадзілася 03.05.2016\n"),)),
    Seed("declaration denies any arrest", "protester", lambda d: None,
         "declaration.denies-detention", "declaration (line 2)",
         declaration="1. My name is Yauhen Kazlou.\n2. I have never been arrested in Belarus.\n"),
    Seed("answer left in Russian", "protester", _set("claim.fears.0.harm", "Арест на границе"),
         "language.not-english", "claim.fears[0].harm"),
    Seed("unanswered bars question", "journalist", _set("claim.bars.harmed_others", None),
         "claim.bar-unanswered", "claim.bars.harmed_others"),
]  # fmt: skip


def _seeded(seed: Seed) -> CaseFile:
    data = json.loads(dump_case_json(load_demo(seed.demo)))
    seed.change(data)
    return parse_case_text(json.dumps(data).encode(), "seeded.json", today=TODAY)


def test_at_least_25_kinds() -> None:
    assert len({s.code for s in SEEDS}) >= 25


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name for s in SEEDS])
def test_seeded_inconsistency_is_found_at_its_place(seed: Seed) -> None:
    report = review(
        _seeded(seed), today=TODAY, documents=seed.documents, declaration=seed.declaration
    )
    assert report.failed_checks == ()
    hits = [f for f in report.findings if f.code == seed.code]
    assert hits, f"{seed.code} not found; got {sorted(report.codes())}"
    assert seed.at in [str(f.location) for f in hits], [str(f.location) for f in hits]
    clean = review(load_demo(seed.demo), today=TODAY)
    assert seed.code not in clean.codes() or seed.code.startswith("gaps."), (
        "the seed must be what raises it"
    )


def test_clean_demo_cases_raise_no_blocking_findings(demo_case: CaseFile) -> None:
    report = review(demo_case, today=TODAY)
    assert report.failed_checks == ()
    assert report.blocking == (), [f.message for f in report.blocking]
    assert report.count(Severity.WARNING) <= 2


def test_findings_are_ordered_by_severity() -> None:
    case = _seeded(SEEDS[0])
    severities = [f.severity for f in review(case, today=TODAY).findings]
    assert severities == sorted(severities, reverse=True)


def test_name_spelled_differently_in_a_document() -> None:
    ruling = _doc("E09", "Суд\nобвиняемый Казлов Евгений Петрович признан виновным\n")
    report = review(load_demo("protester"), today=TODAY, documents=(ruling,))
    hits = [f for f in report.findings if f.code == "text.name-spelling"]
    assert hits, sorted(report.codes())
    assert str(hits[0].location) == "evidence E09 (E09.pdf), page 1, line 2"
    assert str(hits[0].related[0]) == "applicant.name"
    assert "Казлов" in hits[0].message


def test_recorded_spellings_raise_nothing() -> None:
    ruling = _doc("E09", "Козлов Евгений Петрович и Казлоў Яўген Пятровіч\n")
    report = review(load_demo("protester"), today=TODAY, documents=(ruling,))
    assert "text.name-spelling" not in report.codes()


def test_each_included_family_member_needs_a_copy_and_photos() -> None:
    report = review(load_demo("journalist"), today=TODAY)
    copies = [f for f in report.findings if f.code == "family.derivative-copies"]
    assert {str(f.location) for f in copies} == {
        "family.spouse.include_in_application",
        "family.children[0].include_in_application",
    }
    assert all(f.severity is Severity.INFO for f in copies)
    assert "passport-style photos" in copies[0].message
    assert "family.relationship-proof" not in report.codes(), "E02 proves both relationships"


def test_a_us_citizen_left_out_of_the_application_raises_nothing() -> None:
    data = json.loads(dump_case_json(load_demo("journalist")))
    data["family"]["children"][0].update(nationality="United States", include_in_application=False)
    case = parse_case_text(json.dumps(data).encode(), "seeded.json", today=TODAY)
    report = review(case, today=TODAY)
    messages = [f.message for f in report.findings if f.code == "family.derivative-eligibility"]
    assert not any("U.S. citizen" in m for m in messages)
    assert "family.children[0].include_in_application" not in {
        str(f.location) for f in report.findings if f.code == "family.derivative-copies"
    }


def test_unlinked_article_naming_the_place_still_shows_the_activity() -> None:
    data = json.loads(dump_case_json(load_demo("protester")))
    data["claim"]["activities_abroad"][0]["evidence"] = []
    case = parse_case_text(json.dumps(data).encode(), "seeded.json", today=TODAY)
    gaps = [str(f.location) for f in review(case, today=TODAY).findings]
    assert "claim.activities_abroad[0].evidence" not in gaps, "E11 names the Vilnius rally"


def test_a_card_naming_the_organization_is_membership_evidence() -> None:
    data = json.loads(dump_case_json(load_demo("journalist")))
    data["evidence"][2] = {
        "id": "E03",
        "kind": "card",
        "title": "Belarusian Association of Journalists press card",
    }
    case = parse_case_text(json.dumps(data).encode(), "seeded.json", today=TODAY)
    gaps = [
        str(f.location) for f in review(case, today=TODAY).findings if f.code == "gaps.case-level"
    ]
    assert "claim.organizations" not in gaps


def _findings(case_data: Data, code: str) -> list[str]:
    case = parse_case_text(json.dumps(case_data).encode(), "case.json", TODAY)
    return [f.message for f in review(case, today=TODAY).findings if f.code == code]


def test_a_stay_abroad_during_an_earlier_trip_is_not_out_of_order() -> None:
    """Lived in Lithuania from 2021, came back to Belarus in 2025, left for good: the 2021
    arrival in Lithuania follows the first departure, not the last."""
    data = json.loads(dump_case_json(load_demo("protester")))
    data["travel"]["departures"] = [
        {"date": "2021-03-01", "returned": "2025-06-14", "purpose_of_return": "mother dying"},
        {"date": "2025-09-10"},
    ]
    data["travel"]["third_countries"][0]["arrived"] = "2021-03-02"
    assert _findings(data, "timeline.third-country-order") == []
    data["travel"]["third_countries"][0]["arrived"] = "2025-07-01"  # back in Belarus then
    assert _findings(data, "timeline.third-country-order") == [
        "Arrived in Lithuania on 2025-07-01, when the case has the applicant back in Belarus"
    ]


def test_a_child_turning_21_soon_after_the_planned_filing_is_flagged_with_the_day() -> None:
    data = json.loads(dump_case_json(load_demo("journalist")))
    child = next(c for c in data["family"]["children"] if c.get("include_in_application"))
    data["filing"].pop("filed_on")
    data["filing"].pop("receipt_number", None)
    data["filing"]["planned_filing_date"] = "2026-12-01"
    child["birth"]["date"] = "2006-01-15"
    found = _findings(data, "family.derivative-age-out")
    name = found[0].split(" turns 21")[0] if found else "?"
    assert found == [
        f"{name} turns 21 on 2027-01-15, 45 days after the filing date used here (2026-12-01); "
        "a child's age is fixed on the day the I-589 is filed (INA 208(b)(3)(B))"
    ]
    data["filing"]["filed_on"] = "2026-11-20"  # filed: the age is locked, nothing to warn
    assert _findings(data, "family.derivative-age-out") == []
