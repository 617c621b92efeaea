"""What a reviewer found wrong in the filing package of three new cases (copies of their case
files are in tests/data/review-cases): each test states what the attorney needs to see."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from prytulak.case import CaseFile, load_case
from prytulak.filing.declaration import compose_declaration, render_declaration
from prytulak.filing.exhibits import build_bundle
from prytulak.filing.exhibits.translation_pages import translator_phone
from prytulak.filing.forms.edition import load_edition
from prytulak.filing.forms.i589 import EDITION_KEY as I589
from prytulak.filing.forms.i589_answers import I589Answers, i589_answers
from prytulak.filing.forms.i765 import EDITION_KEY as I765
from prytulak.filing.forms.i765 import fill_i765
from prytulak.filing.forms.i765_answers import i765_answers
from prytulak.filing.letters import cover_letter
from tests.conftest import TODAY

from .pdfcheck import pdf_text

CASES = Path(__file__).resolve().parents[1] / "data" / "review-cases"


@functools.cache
def _case(name: str) -> CaseFile:
    return load_case(CASES / name, today=TODAY)


def _changed(name: str, path: tuple[str, ...], value: Any) -> CaseFile:
    data = _case(name).model_dump(mode="json", exclude_none=True)
    target = data
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value
    return CaseFile.model_validate(data)


def _i589(case: CaseFile) -> I589Answers:
    return i589_answers(case, load_edition(I589).capacity)


def _i765(case: CaseFile) -> dict[str, str]:
    return i765_answers(case, load_edition(I765).capacity)


def _paragraphs(case: CaseFile) -> dict[str, str]:
    return {b.id or "": b.text for b in compose_declaration(case).paragraphs() if b.number}


# 1. C.5 follows the dates, not the presence of late-filing reasons


def test_c5_is_no_for_a_timely_filing_even_with_late_filing_reasons_recorded() -> None:
    case = _changed("shymanskaya", ("claim", "late_filing"), {"lawful_status_until": "2025-04-02"})
    answers = _i589(case)  # arrived 2024-10-03, filed 2025-09-22: day 354
    assert answers.main["part_c.5"] == "no"
    assert "part_c.5.text" not in answers.main
    assert "late-filing" not in _paragraphs(case)


def test_c5_is_yes_for_a_late_filing_and_leaves_out_a_status_that_ended_before_the_deadline() -> (
    None
):
    answers = _i589(_case("lahvinovich"))  # arrived 2023-06-10, planned 2026-12-15
    assert answers.main["part_c.5"] == "yes"
    assert "Conviction in absentia" in answers.main["part_c.5.text"]
    assert "Lawful status" not in answers.main["part_c.5.text"]
    assert any("December 9, 2023" in n and "before the one-year" in n for n in answers.notes)


def test_c5_left_empty_with_a_note_when_the_arrival_month_straddles_the_deadline() -> None:
    case = _changed("shymanskaya", ("travel", "us_entries"), [])
    data = case.model_dump(mode="json", exclude_none=True)
    data["travel"]["us_entries"] = [{"date": "2024-09", "place": "JFK", "manner": "B2"}]
    data["filing"]["filed_on"] = "2025-09-15"
    answers = _i589(CaseFile.model_validate(data))
    assert "part_c.5" not in answers.main
    assert any(n.startswith("C.5 not answered") and "September 2024" in n for n in answers.notes)


def test_the_sworn_late_filing_section_has_only_the_facts_that_apply() -> None:
    case = _case("lahvinovich")
    late = _paragraphs(case)["late-filing"]
    assert "Conviction in absentia" in late and "Lawful status" not in late
    assert any("December 9, 2023" in n for n in render_declaration(case).notes)


# 2. Entry status is the class of admission, never the free-text detail


def test_entry_status_is_the_class_of_admission_on_both_forms() -> None:
    ryabtsau = _i589(_case("ryabtsau"))
    assert ryabtsau.main["entry.1.status"] == "Parole (CBP One)"
    assert not ryabtsau.continuations  # no "See Supp. B" for the status
    assert any("212(d)(5)" in n for n in ryabtsau.notes)  # the detail is left to the attorney
    i765 = _i765(_case("shymanskaya"))
    assert i765["travel.last_entry_status"] == "B2"
    assert not any("214(b)" in v or "refusal" in v for v in i765.values())
    assert _i589(_case("shymanskaya")).main["entry.1.status"] == "B2"


# 3. Other names: remarks in brackets are not part of the name


def test_a_pen_name_remark_is_not_split_into_the_name() -> None:
    answers = _i765(_case("lahvinovich"))
    assert answers["other_name.2.last_name"] == "Lahvin"
    assert answers["other_name.2.first_name"] == "Siarhei"
    assert answers["other_name.1.last_name"] == "Logvinovich"


# 4. C.2.B: visa-free and transit stays are no lawful status applied for or received


def test_c2b_is_no_for_visa_free_and_transit_stays_and_yes_for_residence() -> None:
    assert _i589(_case("ryabtsau")).main["part_c.2b"] == "no"
    assert _i589(_case("shymanskaya")).main["part_c.2b"] == "yes"
    lahvinovich = _i589(_case("lahvinovich"))
    assert any(n.startswith("C.2.B") and "VOLHA LAHVINOVICH" in n for n in lahvinovich.notes)


# 5. Suite, floor and apartment


def test_a_suite_is_ticked_as_a_suite_and_stays_on_the_street_line_of_the_i589() -> None:
    i765 = _i765(_case("ryabtsau"))
    assert (i765["preparer.unit"], i765["preparer.apartment"]) == ("ste", "1400")
    assert (i765["mailing.unit"], i765["mailing.apartment"]) == ("apt", "4")
    i589 = _i589(_case("ryabtsau"))
    assert i589.main["preparer.street"] == "3250 Wilshire Blvd, Suite 1400"
    assert "preparer.apartment" not in i589.main
    assert i589.main["residence.apartment"] == "4"
    letter = cover_letter(_case("lahvinovich"), [], date(2026, 11, 26)).text()
    assert "55 E Jackson Blvd, Suite 1150" in letter and "apt. Suite" not in letter


# 6. I-765 notes name an I-765 the case records as filed


def test_i765_notes_name_the_recorded_ead_filing() -> None:
    notes = fill_i765(_case("ryabtsau")).review_notes()
    assert not any("does not record earlier I-765 filings" in n for n in notes)
    assert any("August 20, 2025" in n and "item 12" in n for n in notes)


# 7. Declaration wording


def test_continuing_membership_reads_in_the_present() -> None:
    text = _paragraphs(_case("lahvinovich"))["org-1"]
    assert text == (
        "I have been a member of Belarusian Association of Journalists (union, member) since 2008."
    )
    ended = _paragraphs(_case("shymanskaya"))["org-1"]
    assert ended.startswith("I was a member of Union of Poles in Belarus") and "to August 2022" in (
        ended
    )


def test_third_country_stay_gives_dates_and_status() -> None:
    journey = " ".join(v for k, v in _paragraphs(_case("shymanskaya")).items() if "journey" in k)
    assert "I stayed in Poland from August 2022 to October 3, 2024, with temporary residence" in (
        journey
    )


def test_lower_case_activity_is_put_in_the_first_person() -> None:
    text = _paragraphs(_case("lahvinovich"))["activity-1"]
    assert text == (
        "Since September 2023, in Chicago, IL: I write for exile Belarusian media about "
        "political prisoners."
    )


# 8. Translator's telephone and the court's address


def test_translator_who_is_the_interpreter_gets_the_interpreters_phone() -> None:
    case = _case("ryabtsau")
    assert translator_phone(case, "Taisiya  orlova") == "(323) 555-0199"
    assert translator_phone(case, "Someone Else") is None


def test_cover_letter_to_the_court_gives_its_street_address() -> None:
    letter = cover_letter(_case("ryabtsau"), [], date(2026, 11, 26)).text()
    assert "300 North Los Angeles Street, Room 4330, Los Angeles, CA 90012" in letter


# 9. B.3.A: organisations abroad are the attorney's call


def test_b3_note_names_an_organisation_joined_after_leaving_belarus() -> None:
    notes = _i589(_case("ryabtsau")).notes
    assert any(
        "B.3.A" in n and "Belarusian LGBT community group in Los Angeles" in n for n in notes
    )


def test_b3_leaves_out_an_organisation_recorded_abroad_and_names_a_relatives_membership() -> None:
    case = _case("ryabtsau")
    abroad = case.claim.organizations[0].model_copy(update={"country": "United States"})
    militia = abroad.model_copy(
        update={
            "name": "Militia (Interior Ministry)",
            "kind": "police",
            "country": None,
            "member": "brother Andrei",
            "continuing": False,
        }
    )
    claim = case.claim.model_copy(update={"organizations": [abroad, militia]})
    answers = _i589(case.model_copy(update={"claim": claim}))
    text = answers.main["part_b.3a.text"] or ""
    assert "Los Angeles" not in text
    assert text.startswith("Brother Andrei: Militia (Interior Ministry)")
    assert answers.main["part_b.3a"] == "yes"
    assert any("leave out" in n and "(United States)" in n for n in answers.notes)


def test_a_relatives_membership_is_not_sworn_as_the_applicants() -> None:
    case = _case("ryabtsau")
    militia = case.claim.organizations[0].model_copy(
        update={"name": "the militia", "kind": "police", "member": "brother Andrei"}
    )
    claim = case.claim.model_copy(update={"organizations": [militia]})
    text = " ".join(_paragraphs(case.model_copy(update={"claim": claim})).values())
    assert "My brother Andrei has been a member of the militia (police" in text
    assert "I have been a member of the militia" not in text


# Second review: a pastor (hajdukevich), a returnee detained on a visit home (savitskaya) and a
# 16-year-old whose parents are political prisoners (lyavonchyk)

# 10. A translator's certificate covers only a translation that is enclosed


def _bundle_outline(path: Path) -> dict[str, list[str]]:
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        return {item.title.split(":")[0]: [c.title for c in item.children] for item in outline.root}


@pytest.mark.parametrize(("name", "tab"), [("hajdukevich", "D"), ("lyavonchyk", "C")])
def test_no_translators_certificate_for_a_translation_that_is_not_there(
    name: str, tab: str, tmp_path: Path
) -> None:
    bundle = build_bundle(_case(name), CASES / name, tmp_path / "out")
    path = bundle.volumes[0].path
    pages = pdf_text(path.read_bytes(), tmp_path).split("\f")
    row = next(r for r in bundle.rows if r.tab == tab)
    first, last = (int(n) for n in row.pages.split("–"))
    untranslated = "\n".join(pages[first - 1 : last])
    assert "TRANSLATION REQUIRED" in untranslated
    assert "Certificate of Translation" not in untranslated
    assert "English translation follows" not in untranslated
    assert "ENGLISH TRANSLATION MISSING" in row.description
    assert _bundle_outline(path)[f"Tab {tab}"] == ["English translation (missing)"]
    # the tabs that have their translation keep translation and certificate
    translated = next(r for r in bundle.rows if r.evidence_id == "E01")
    assert _bundle_outline(path)[f"Tab {translated.tab}"] == [
        "English translation",
        "Translator's certificate",
    ]
    assert bundle.untranslated == 1


# 11. I-765 item 30: questioned is not arrested


def test_i765_item_30_is_no_for_a_child_only_questioned_at_school() -> None:
    case = _case("lyavonchyk")  # school-2025: interrogation, threats, discrimination
    assert _i765(case)["c8.arrested"] == "no"
    assert not any("item 30" in n for n in fill_i765(case).review_notes())
    # the I-589 still reports the questioning in B.2 (it asks about being interrogated)
    assert "Questioned at school" in (_i589(case).main.get("part_b.2.text") or "")


def test_i765_item_30_yes_names_the_arrest_and_asks_for_an_explanation() -> None:
    case = _case("savitskaya")  # detained at the border and held two days by the KGB
    assert _i765(case)["c8.arrested"] == "yes"
    note = next(n for n in fill_i765(case).review_notes() if "item 30" in n)
    assert "June 14, 2025: Detained at the border" in note
    assert "handler" not in note and "August 2025" not in note  # threats only: not an arrest
    assert "politically motivated" in note and "explain" in note


# 12. The declaration asks for what the case applies for, and reads as the applicant's account


def test_declaration_names_the_torture_convention_only_when_the_case_applies_under_it() -> None:
    minor = compose_declaration(_case("lyavonchyk"))  # apply_for_cat: false
    assert minor.title.endswith("Application for Asylum and Withholding of Removal")
    intro = _paragraphs(_case("lyavonchyk"))["intro"]
    assert "Convention Against Torture" not in minor.title + intro
    assert "application for asylum and withholding of removal." in intro
    pastor = compose_declaration(_case("hajdukevich"))  # apply_for_cat: true
    assert pastor.title.endswith("Protection under the Convention Against Torture")


def _journey(name: str) -> list[str]:
    return [v for k, v in _paragraphs(_case(name)).items() if k.startswith("journey")]


def test_journey_tells_the_return_to_belarus_and_its_purpose_in_order() -> None:
    journey = _journey("savitskaya")
    order = [
        "I left Belarus in March 2021 through Kamenny Log - Medininkai.",
        "I stayed in Lithuania from March 2021 to June 14, 2025",
        "I returned to Belarus on June 14, 2025, to care for my mother, who was dying of cancer.",
        "I left Belarus around September 10, 2025, by car to Smolensk",
        "I stayed in Russia",
        "I stayed in Mexico",
        "I entered the United States without inspection on December 5, 2025, near San Ysidro",
    ]
    assert [next(n for n, line in enumerate(journey) if line.startswith(o)) for o in order] == (
        list(range(len(order)))
    )
    text = " ".join(journey)
    assert "through by car" not in text and "at near" not in text


def test_entry_with_inspection_keeps_at_and_says_nothing_of_inspection() -> None:
    entry = _journey("lyavonchyk")[-1]
    assert entry == (
        "I entered the United States on August 15, 2025, at O'Hare International Airport, "
        "Chicago, IL."
    )


def test_an_event_where_nothing_was_done_to_the_applicant_gets_no_persecution_reason() -> None:
    paragraphs = _paragraphs(_case("savitskaya"))
    assert "event-donations-2020" in paragraphs  # the donation is told
    assert "event-donations-2020-why" not in paragraphs  # harms: [] and no actors
    assert paragraphs["event-handler-2025-08-why"].endswith(
        "I believe it happened because of my political opinion."
    )


def test_fear_names_who_in_its_own_sentence() -> None:
    fear = _paragraphs(_case("lyavonchyk"))["fear-1"]
    assert "as I grow up from" not in fear
    assert "later prosecution as I grow up. It would come from the Commission on Minors' " in fear
    savitskaya = _paragraphs(_case("savitskaya"))["fear-1"]
    assert "ill-treatment from" not in savitskaya
    assert "(surname unknown) (" not in savitskaya  # no brackets after brackets


def test_event_paragraphs_read_as_sentences() -> None:
    paragraphs = _paragraphs(_case("hajdukevich"))
    why = paragraphs["event-raid-2023-04-why"]
    assert why.startswith("This was done by the Leninsky District Department of Internal Affairs")
    assert 'They called me "an American agent with a sect".' in why
    assert "They said: Called" not in why
    assert "because of my religion and my political opinion." in why
    grounds = _paragraphs(_case("lyavonchyk"))["event-school-2025-why"]
    assert "my political opinion and my membership in a particular social group" in grounds


def test_a_narrative_is_not_preceded_by_its_own_summary() -> None:
    paragraphs = _paragraphs(_case("hajdukevich"))
    text = " ".join(paragraphs.values())
    assert "Easter service raided by police and GUBOPiK" not in text  # the summary
    assert paragraphs["event-raid-2023-04-account"].startswith("On Easter Sunday, April 16, 2023")
    assert "event-raid-2023-04" not in paragraphs
    # an event without a narrative keeps its one-line summary
    assert paragraphs["event-fine-2023-09"].startswith("September 2023, Brest, Belarus: Fined")


def test_family_harm_names_the_relationship_not_the_passport_name() -> None:
    text = _paragraphs(_case("hajdukevich"))["family-1"]
    assert text == (
        "In February 2026, my brother was summoned to the Investigative Committee and "
        "questioned about where I am. This was done by the Investigative Committee, Brest "
        "regional department."
    )
    assert "ALIAKSANDR" not in text


def test_late_filing_paragraph_is_sentences_not_labels() -> None:
    text = _paragraphs(_case("lyavonchyk"))["late-filing"]
    assert not text.startswith("Extraordinary circumstances:")
    assert text.startswith(
        "Extraordinary circumstances kept me from filing within one year: I was a minor"
    )


# 13. "Third person" notes only where the pronoun can mean the applicant


def _third_person_note(case: CaseFile) -> str:
    return next((n for n in render_declaration(case).notes if "he/she/his/her" in n), "")


def test_pronouns_about_a_brother_or_a_father_are_not_flagged() -> None:
    # "questioned him" (the brother), "ashamed of him" (the father)
    assert _third_person_note(_case("savitskaya")) == ""
    assert _third_person_note(_case("lyavonchyk")) == ""


def test_pronouns_that_can_mean_the_applicant_are_still_flagged() -> None:
    case = _case("savitskaya")
    harm = case.claim.family_harm[0].model_copy(
        update={"what": "KGB officers came to the flat and asked where she went"}
    )
    claim = case.claim.model_copy(update={"family_harm": [harm]})
    changed = case.model_copy(update={"claim": claim})
    number = next(b.number for b in compose_declaration(changed).paragraphs() if b.id == "family-1")
    assert f"Paragraphs {number} use" in _third_person_note(changed)
    named = case.claim.events[2].model_copy(
        update={"summary": "My brother said the KGB asked Volha where her friends live"}
    )
    claim = case.claim.model_copy(update={"events": [*case.claim.events[:2], named]})
    assert _third_person_note(case.model_copy(update={"claim": claim}))  # her own name


def test_the_demo_narratives_written_about_the_applicant_are_still_flagged() -> None:
    from tests.conftest import load_demo

    journalist = load_demo("journalist")  # "removal of her daughter or pressure on her husband"
    paragraphs = compose_declaration(journalist).paragraphs()
    number = next(b.number for b in paragraphs if "her husband" in b.text)
    assert f"Paragraphs {number} use" in _third_person_note(journalist)
    believer = load_demo("lgbt-believer")  # "a summons naming him"; not "Captain … he knew"
    note = _third_person_note(believer)
    numbers = {b.id: b.number for b in compose_declaration(believer).paragraphs()}
    assert f"Paragraphs {numbers['late-filing']} use" in note
    assert f"{numbers['event-church-raid-2023-03-account']}," not in note


# 14. I-589 Part A and C from the second review


def test_i589_item_9_gives_the_in_care_of_name_the_i765_gives() -> None:
    case = _case("lyavonchyk")  # residence in care of her aunt, no separate mailing address
    answers = _i589(case)
    assert answers.main["mailing.in_care_of"] == "Natallia Bialkevich (aunt)"
    assert answers.main["mailing.street"] == "1840 W Foster Ave"
    assert answers.main["mailing.apartment"] == "2R"
    assert _i765(case)["mailing.in_care_of"] == answers.main["mailing.in_care_of"]
    assert any(n.startswith("A.I item 9") for n in answers.notes)
    # without an in-care-of name item 9 stays for a separate mailing address only
    assert "mailing.street" not in _i589(_case("savitskaya")).main


def test_c2_calls_only_a_short_stay_without_status_a_transit() -> None:
    c2 = _i589(_case("savitskaya")).main["part_c.2a.text"]  # two months in Russia
    russia = next(line for line in c2.splitlines() if line.startswith("Russia"))
    assert "Status: no status (" in russia and "(transit)" not in russia
    turkey = _i589(_case("lyavonchyk")).main["part_c.2a.text"]  # one night at the airport
    assert "Status: no status (transit)" in turkey


def test_c4_says_how_long_the_return_to_belarus_lasted() -> None:
    c4 = _i589(_case("savitskaya")).main["part_c.4.text"]
    assert c4 == (
        "Left March 2021, returned June 14, 2025. Purpose: To care for my mother, who was dying "
        "of cancer. Stayed in Belarus until about September 10, 2025 (about 3 months)."
    )


def test_schools_are_most_recent_first_and_a_current_school_reads_present() -> None:
    minor = _i589(_case("lyavonchyk")).main
    assert (minor["education.1.school"], minor["education.1.to"]) == (
        "Amundsen High School",
        "Present",
    )
    assert minor["education.2.to"] == "06/2025"
    pastor = _i589(_case("hajdukevich")).main  # the case lists the university first
    assert pastor["education.1.school"].startswith("Bible Institute")
    assert pastor["education.2.school"] == "Brest State Technical University"
    assert pastor["education.2.to"] == "1993"  # an ended school is never "Present"


def test_last_addresses_take_their_dates_from_the_residence_with_a_remark() -> None:
    minor = _i589(_case("lyavonchyk")).main  # "vul. Savetskaja 7, kv. 21 (grandmother)"
    assert (minor["last_address.1.from"], minor["last_address.1.to"]) == ("04/2022", "08/2025")
    returnee = _i589(_case("savitskaya")).main  # "(rented room)", "(mother's flat)"
    assert (returnee["last_address.1.from"], returnee["last_address.2.to"]) == (
        "09/2025",
        "09/2025",
    )
