"""Form I-589 filled from each demo case: read back field by field, as a reviewer's tools would."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import pikepdf
import pypdf
import pytest

from prytulak.case import Birth as CaseBirth
from prytulak.case import CaseFile, Child, PersonName, Sex
from prytulak.filing.forms import FilledForm, fill_i589
from tests.conftest import load_demo

from .pdfcheck import compare_golden, field_values, pdf_text, qpdf_check

P1 = "form1[0].#subform[0]."
NATIVE = "form1[0].#subform[10].TextField20[1]"


@functools.cache
def filled_demo(name: str) -> FilledForm:
    """Each demo case is filled once per test session (filling takes about a second)."""
    return fill_i589(load_demo(name))


@pytest.fixture(scope="module")
def protester() -> FilledForm:
    return filled_demo("protester")


def test_each_demo_case_matches_its_golden_field_values(demo_name: str) -> None:
    filled = filled_demo(demo_name)
    values = field_values(filled.pdf)
    compare_golden(f"i589_{demo_name}", values)


def test_every_value_written_reads_back_with_pypdf(demo_name: str) -> None:
    filled = filled_demo(demo_name)
    values = field_values(filled.pdf)
    for written in filled.written:
        assert values[written.name] == written.value, written.name


def test_output_passes_qpdf_check_and_has_no_xfa(demo_name: str, tmp_path: Path) -> None:
    filled = filled_demo(demo_name)
    check = qpdf_check(filled.pdf, tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    pdf = pikepdf.open(io.BytesIO(filled.pdf))
    assert "/XFA" not in pdf.Root.AcroForm
    assert "/NeedAppearances" not in pdf.Root.AcroForm


def test_every_filled_text_field_has_its_own_appearance(protester: FilledForm) -> None:
    reader = pypdf.PdfReader(io.BytesIO(protester.pdf))
    written = {w.name for w in protester.written if w.spec.kind == "text"}
    seen = set()
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            name = _full_name(annot)
            if name in written:
                assert "/N" in annot["/AP"], name
                seen.add(name)
    assert seen == written


def _full_name(annot: pypdf.generic.DictionaryObject) -> str:
    parts = []
    node = annot
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return ".".join(reversed(parts))


def test_protester_part_a_field_by_field(protester: FilledForm) -> None:
    v = field_values(protester.pdf)
    assert v[P1 + "PtAILine4_LastName[0]"] == "KAZLOU"
    assert v[P1 + "PtAILine5_FirstName[0]"] == "YAUHEN"
    assert v[P1 + "PtAILine6_MiddleName[0]"] == "None"  # no blank boxes
    assert v[P1 + "DateTimeField1[0]"] == "04/17/1991"
    assert v[P1 + "TextField1[4]"] == "Hrodna, Belarus"
    assert v[P1 + "PtAILine8_AreaCode[0]"] == "312"
    assert v[P1 + "PtAILine8_TelephoneNumber[0]"] == "555-0147"
    assert v[P1 + "TextField3[0]"] == "92385717A31"
    assert v[P1 + "DateTimeField6[0]"] == "03/20/2022"
    assert v[P1 + "DateTimeField2[0]"] == "03/02/2026"
    assert v[P1 + "TextField5[1]"] == "MP4417288"


def test_protester_checkboxes_use_each_fields_own_export_value(protester: FilledForm) -> None:
    v = field_values(protester.pdf)
    assert v[P1 + "PartALine9Sex[0]"] == "M"
    assert v[P1 + "PartALine9Sex[1]"] == "Off"
    assert v[P1 + "Marital[0]"] == "S"
    assert v[P1 + "CheckBox3[0]"] == "A"  # never in court
    assert v[P1 + "CheckBox4[1]"] == "No"  # not fluent in English: Yes/No, not Y/N
    assert v[P1 + "CheckBox31[0]"] == "1"  # also applying under CAT
    assert v["form1[0].#subform[1].ChildrenCheckbox[1]"] == "Y"  # "I do not have any children"
    assert v["form1[0].#subform[1].ChildrenCheckbox[0]"] == "Off"
    assert v["form1[0].#subform[10].PtD_ckboxynd1[1]"] == "1"  # no family helped: exports 1
    assert v["form1[0].#subform[5].#subform[6].CheckBoxpolitics[0]"] == "Y"
    assert v["form1[0].#subform[4].CheckBoxAIII5\\.f[0]"] == "1"  # father deceased


def test_cyrillic_native_name_is_rendered_with_an_embedded_font(
    protester: FilledForm, tmp_path: Path
) -> None:
    assert field_values(protester.pdf)[NATIVE] == "Казлоў Яўген Пятровіч"
    pdf = pikepdf.open(io.BytesIO(protester.pdf))
    widget = next(
        a for p in pdf.pages for a in p.Annots if str(a.get("/T", "")) == "TextField20[1]"
    )
    fonts = [f for f in widget.AP.N.Resources.Font.values() if "DejaVu" in str(f.BaseFont)]
    assert fonts, "the appearance must use the embedded Unicode font, not the WinAnsi form font"
    assert all("/FontFile2" in f.FontDescriptor and "/ToUnicode" in f for f in fonts)
    flat = fill_i589(load_demo("protester"), flatten_form=True)
    assert "Казлоў Яўген Пятровіч" in pdf_text(flat.pdf, tmp_path)


def test_read_only_explanation_box_is_unlocked_and_filled(protester: FilledForm) -> None:
    pdf = pikepdf.open(io.BytesIO(protester.pdf))
    box = next(a for p in pdf.pages for a in p.Annots if str(a.get("/T", "")) == "TextField14[0]")
    assert int(box.Ff) & 1 == 0
    assert str(box.V).endswith("(continued on Supplement B, Part B, Question 1.A)")


def test_overflow_continues_on_supplement_b_naming_part_and_question(
    protester: FilledForm, tmp_path: Path
) -> None:
    v = field_values(protester.pdf)
    body = v["form1[0].#subform[13].TextField32[0]"]
    assert v["form1[0].#subform[13].TextField31[0]"] == "B"
    assert v["form1[0].#subform[13].TextField31[1]"] == "1.A"
    assert body.startswith("Part B, Question 1.A (continued)")
    assert "Okrestina" in v["form1[0].#subform[5].#subform[6].TextField14[0]"] + body
    # the supplement header the XFA would have copied is written by Prytulak
    assert v["form1[0].#subform[13].SupBApplicantName[0]"] == "YAUHEN KAZLOU"


def _with_children(case: CaseFile, count: int) -> CaseFile:
    children = [
        Child(
            id=f"child-{n}",
            name=PersonName(family="KAZLOU", given=f"CHILD{n}"),
            birth=CaseBirth(date=f"2015-0{n}-01", city="Minsk", country="Belarus"),
            sex=Sex.FEMALE if n % 2 else Sex.MALE,
        )
        for n in range(1, count + 1)
    ]
    family = case.family.model_copy(update={"children": children})
    return case.model_copy(update={"family": family})


def test_more_than_four_children_go_to_supplement_a_pages() -> None:
    filled = fill_i589(_with_children(load_demo("protester"), 7))
    v = field_values(filled.pdf)
    assert filled.page_count == 13  # 12 + one more Supplement A page for the seventh child
    assert v["form1[0].#subform[1].ChildrenCheckbox[0]"] == "N"  # "I have children" exports N
    assert v["form1[0].#subform[1].TotalChild[0]"] == "7"
    assert v["form1[0].#subform[1].CheckBox12_Sex[1]"] == "2"  # child 1 female exports 2
    assert v["form1[0].#subform[3].CheckBox26_Sex[0]"] == "M"  # child 2 male exports M
    assert v["form1[0].#subform[3].ChildFirst4[0]"] == "CHILD4"
    assert v["form1[0].#subform[12].TextField12[2]"] == "CHILD5"  # Supplement A, first block
    assert v["form1[0].#subform[12].TextField12[12]"] == "CHILD6"
    assert v["SupplementA2_TextField12[2]"] == "CHILD7"  # a copied Supplement A page
    assert v["SupplementA2_ApplicantName[0]"] == "YAUHEN KAZLOU"
    assert "SupplementA2_TextField12[12]" not in v  # the empty second block stays blank


def test_a_long_answer_spans_several_supplement_b_pages(tmp_path: Path) -> None:
    case = load_demo("protester")
    events = [
        e.model_copy(update={"narrative": (e.narrative or e.summary) + " " + "More detail. " * 400})
        for e in case.claim.events
    ]
    case = case.model_copy(update={"claim": case.claim.model_copy(update={"events": events})})
    filled = fill_i589(case)
    v = field_values(filled.pdf)
    copies = sorted(k for k in v if k.startswith("SupplementB") and k.endswith("TextField32[0]"))
    assert len(copies) >= 3
    for name in copies:
        prefix = name.split("_")[0]
        assert v[f"{prefix}_TextField31[0]"] == "B"
        assert v[f"{prefix}_TextField31[1]"] in {"1.A", "2"}
    assert qpdf_check(filled.pdf, tmp_path).returncode == 0


def test_flattened_form_has_no_fields_and_keeps_the_text(tmp_path: Path) -> None:
    flat = fill_i589(load_demo("protester"), flatten_form=True)
    pdf = pikepdf.open(io.BytesIO(flat.pdf))
    assert "/AcroForm" not in pdf.Root
    assert not any(a.get("/Subtype") == "/Widget" for p in pdf.pages for a in p.get("/Annots", []))
    text = pdf_text(flat.pdf, tmp_path)
    assert "KAZLOU" in text and "92385717A31" in text
    assert qpdf_check(flat.pdf, tmp_path).returncode == 0


def test_signature_boxes_and_interview_parts_stay_empty(protester: FilledForm) -> None:
    v = field_values(protester.pdf)
    for name in ("form1[0].#subform[10].TextField22[0]", "form1[0].#subform[11].TextField27[0]"):
        assert name not in v or v[name] == ""
    notes = protester.review_notes()
    assert any("Signatures" in n for n in notes)


def _with_bars(case: CaseFile, **answers: bool | None) -> CaseFile:
    bars = case.claim.bars.model_copy(update=answers)
    return case.model_copy(update={"claim": case.claim.model_copy(update={"bars": bars})})


C3 = ("form1[0].#subform[8].ckboxync3[0]", "form1[0].#subform[8].ckboxync3[1]")
C6 = ("form1[0].#subform[9].ckboxync6[0]", "form1[0].#subform[9].ckboxync6[1]")


def test_bars_not_asked_leave_both_boxes_empty_and_ask_the_attorney_to_ask() -> None:
    case = _with_bars(load_demo("protester"), harmed_others=None, crimes_in_us=None)
    filled = fill_i589(case)
    v = field_values(filled.pdf)
    for name in C3 + C6:
        assert v.get(name, "Off") == "Off", name  # neither Yes nor No: None is not "no"
    notes = filled.review_notes()
    c3 = [n for n in notes if n.startswith("C.3 not answered: ask the applicant")]
    c6 = [n for n in notes if n.startswith("C.6 not answered: ask the applicant")]
    assert len(c3) == 1 and "harm" in c3[0]
    assert len(c6) == 1 and "United States" in c6[0]
    # the dedicated notes replace the generic "left blank" entry for the same questions
    assert not any("Part C, item 3" in n or "Part C, item 6" in n for n in notes)


def test_bars_answered_keep_their_yes_and_no() -> None:
    case = _with_bars(
        load_demo("protester"),
        harmed_others=True,
        harmed_others_explanation="Fined once for a traffic accident in which a man was hurt.",
        crimes_in_us=False,
    )
    filled = fill_i589(case)
    v = field_values(filled.pdf)
    assert [v.get(n, "Off") for n in C3] == ["Y", "Off"]
    assert v["form1[0].#subform[8].PCL3_TextField[0]"].startswith("Fined once")
    assert [v.get(n, "Off") for n in C6] == ["Off", "N"]
    assert not any("not answered: ask the applicant" in n for n in filled.review_notes())


G28 = "form1[0].#subform[10].CheckBox1[0]"


def test_g28_box_is_checked_only_for_a_recorded_representative_with_a_g28() -> None:
    case = load_demo("journalist")
    assert case.representation.representative is not None
    assert field_values(fill_i589(case).pdf)[G28] == "1"
    rep = case.representation
    without = case.model_copy(
        update={"representation": rep.model_copy(update={"representative": None})}
    )
    assert field_values(fill_i589(without).pdf).get(G28, "Off") == "Off"
    no_g28 = rep.representative.model_copy(update={"g28_attached": False})
    declined = case.model_copy(
        update={"representation": rep.model_copy(update={"representative": no_g28})}
    )
    assert field_values(fill_i589(declined).pdf).get(G28, "Off") == "Off"


def _school_event_case() -> CaseFile:
    """An event with a summary and no narrative, as a tester entered it."""
    from prytulak.case import Event, HarmType

    case = load_demo("protester")
    event = Event(
        id="school-2021",
        date="2021-05-14",
        place="Lida",
        summary="Reprimanded and fined for the Polish school event",
        harms=[HarmType.PROSECUTION],
        actors=[case.claim.actors[0].id],
        stated_reason="Unauthorised mass event",
        grounds=list(case.claim.grounds[:1]),
    )
    claim = case.claim.model_copy(update={"events": [*case.claim.events, event]})
    return case.model_copy(update={"claim": claim})


def test_part_b_labels_never_run_into_the_text_before_them() -> None:
    from prytulak.filing.forms.i589_answers import i589_answers

    case = _school_event_case()
    actor = case.claim.actors[0].label()
    answers = i589_answers(case, {}).main
    assert (
        f"Reprimanded and fined for the Polish school event. Who: {actor}. "
        "What they said: Unauthorised mass event. Protected ground:"
    ) in answers["part_b.1a.text"]
    assert "Lida: Reprimanded and fined for the Polish school event." in answers["part_b.2.text"]
    for key, text in answers.items():
        if key.endswith(".text"):
            assert not re.search(
                r"[a-z0-9] (Who|What they said|Protected ground|By|Why|"
                r"Charges|Applied for protection there|Purpose):",
                text,
            ), key
            assert ".." not in text and ".)." not in text, key


def test_part_b2_includes_family_members_questioned_or_detained() -> None:
    from prytulak.case import FamilyHarm
    from prytulak.filing.forms.i589_answers import i589_answers

    case = load_demo("protester")
    family = [
        FamilyHarm(who="mother", date="2022-04", what="Маму допрашивали в КГБ о моих связях."),
        FamilyHarm(who="brother", date="2023-01", what="Брата затрымалі на тры дні."),
        FamilyHarm(who="father", date="2022-06", what="Officers summoned my father twice"),
        FamilyHarm(who="aunt", date="2022-07", what="Officers searched her flat"),
    ]
    # no arrest of the applicant: only the family entries can make B.2 a Yes
    claim = case.claim.model_copy(update={"family_harm": family, "events": []})
    answers = i589_answers(case.model_copy(update={"claim": claim}), {})
    assert answers.main["part_b.2"] == "yes"
    text = answers.main["part_b.2.text"]
    assert "family member (mother): Маму допрашивали" in text
    assert "family member (brother): Брата затрымалі" in text
    assert "family member (father): Officers summoned my father twice." in text
    assert "searched her flat" not in text
    notes = [n for n in answers.notes if n.startswith("B.2 lists 3 entries of harm to family")]
    assert len(notes) == 1 and "check" in notes[0]


def test_part_b2_stays_no_without_applicant_or_family_arrests() -> None:
    from prytulak.case import FamilyHarm
    from prytulak.filing.forms.i589_answers import i589_answers

    case = load_demo("protester")
    family = [FamilyHarm(who="aunt", date="2022-07", what="Officers searched her flat")]
    claim = case.claim.model_copy(update={"family_harm": family, "events": []})
    answers = i589_answers(case.model_copy(update={"claim": claim}), {})
    assert answers.main["part_b.2"] == "no"
    assert not any(n.startswith("B.2") for n in answers.notes)


def test_every_page_prints_its_own_number_when_supplement_pages_are_added(
    tmp_path: Path,
) -> None:
    case = _with_children(load_demo("protester"), 7)  # one more Supplement A page
    events = [
        e.model_copy(update={"narrative": (e.narrative or e.summary) + " More detail." * 300})
        for e in case.claim.events
    ]
    case = case.model_copy(update={"claim": case.claim.model_copy(update={"events": events})})
    for flatten_form in (False, True):
        filled = fill_i589(case, flatten_form=flatten_form)
        total = filled.page_count
        assert total > 14  # copies of Supplement A and B
        pages = pdf_text(filled.pdf, tmp_path).split("\f")[:total]
        for number, page in enumerate(pages, start=1):
            assert re.findall(r"Page \d+ of \d+", page) == [f"Page {number} of {total}"], number
        assert qpdf_check(filled.pdf, tmp_path).returncode == 0


def test_a_form_without_copied_pages_keeps_its_printed_numbers(
    protester: FilledForm, tmp_path: Path
) -> None:
    pages = pdf_text(protester.pdf, tmp_path).split("\f")[:12]
    assert [re.findall(r"Page \d+ of \d+", p) for p in pages] == [
        [f"Page {n} of 12"] for n in range(1, 13)
    ]


def test_c5_is_answered_from_today_when_no_filing_date_is_recorded() -> None:
    from datetime import date

    from prytulak.filing.forms.edition import load_edition
    from prytulak.filing.forms.i589 import EDITION_KEY
    from prytulak.filing.forms.i589_answers import i589_answers
    from tests.conftest import load_demo

    protester = load_demo("protester")
    filing = protester.filing.model_copy(update={"planned_filing_date": None, "filed_on": None})
    case = protester.model_copy(update={"filing": filing})
    answers = i589_answers(case, load_edition(EDITION_KEY).capacity)
    arrival = case.travel.last_arrival()
    assert arrival is not None
    late = date.today() > arrival.date.latest.replace(year=arrival.date.latest.year + 1)
    assert answers.main["part_c.5"] == ("yes" if late else "no")
    assert any("C.5 answered as if filed today" in n for n in answers.notes)


def test_a_visa_free_stay_reads_as_a_visitor_not_as_transit() -> None:
    from prytulak.case import CaseFile
    from prytulak.filing.forms.i589_narratives import third_countries_text
    from tests.conftest import load_demo

    data = load_demo("lgbt-believer").model_dump(mode="json", exclude_none=True)
    data["travel"]["third_countries"][0].update(
        {"country": "Georgia", "status": "visa_free", "worked": True}
    )
    text = third_countries_text(CaseFile.model_validate(data)) or ""
    assert "Georgia" in text and "no status (visitor without a visa)" in text
    assert "transit" not in text.split("Georgia")[1].split(".")[0]
