"""Form I-765, category (c)(8), filled from the demo cases."""

from __future__ import annotations

from pathlib import Path

from prytulak.case import CaseFile
from prytulak.filing.forms.i765 import fill_i765
from tests.conftest import load_demo

from .pdfcheck import compare_golden, field_values, qpdf_check

P2 = "form1[0].Page2[0]."
P3 = "form1[0].Page3[0]."


def test_each_demo_case_matches_its_golden_field_values(
    demo_case: CaseFile, demo_name: str, tmp_path: Path
) -> None:
    filled = fill_i765(demo_case)
    values = field_values(filled.pdf)
    compare_golden(f"i765_{demo_name}", values)
    for written in filled.written:
        assert values[written.name] == written.value
    assert qpdf_check(filled.pdf, tmp_path).returncode == 0


def test_protester_c8_fields() -> None:
    v = field_values(fill_i765(load_demo("protester")).pdf)
    assert (v[P3 + "#area[1].section_1[0]"], v[P3 + "#area[1].section_2[0]"]) == ("c", "8")
    assert v[P2 + "Line9_Checkbox[1]"] == "Y"  # male exports Y (female exports N)
    assert v[P2 + "Line10_Checkbox[2]"] == "Single"
    assert v[P2 + "Part2Line5_Checkbox[1]"] == "Y"  # mailing address is the physical address
    assert v[P2 + "Pt2Line5_State[0]"] == "IL"
    assert v[P3 + "Line20a_I94Number[0]"] == "92385717A31"
    assert v[P3 + "Line19_DOB[0]"] == "04/17/1991"
    # detained and charged in Belarus: the (c)(8) arrest question is answered Yes for review
    assert v[P3 + "PtLine29_YesNo[0]"] == "Y"
    assert v["form1[0].Page4[0].Pt3Line1Checkbox[0]"] == "B"  # an interpreter read it


def test_questions_the_case_cannot_answer_are_left_for_the_attorney() -> None:
    filled = fill_i765(load_demo("protester"))
    v = field_values(filled.pdf)
    assert v.get(P2 + "Line19_Checkbox[0]", "Off") == "Off"
    assert v.get(P2 + "Line19_Checkbox[1]", "Off") == "Off"
    assert any("previously filed" in n for n in filled.review_notes())


C8_ARRESTED = (P3 + "PtLine29_YesNo[0]", P3 + "PtLine29_YesNo[1]")


def _no_arrests(case: CaseFile, crimes_in_us: bool | None) -> CaseFile:
    bars = case.claim.bars.model_copy(update={"crimes_in_us": crimes_in_us})
    claim = case.claim.model_copy(update={"events": [], "bars": bars})
    return case.model_copy(update={"claim": claim})


def test_arrest_question_not_asked_is_left_empty_with_a_note() -> None:
    filled = fill_i765(_no_arrests(load_demo("protester"), None))
    v = field_values(filled.pdf)
    assert [v.get(n, "Off") for n in C8_ARRESTED] == ["Off", "Off"]
    notes = filled.review_notes()
    item30 = [n for n in notes if "item 30" in n]
    assert len(item30) == 1 and "not answered" in item30[0] and "ask the applicant" in item30[0]


def test_arrest_question_answered_no_is_written_no() -> None:
    filled = fill_i765(_no_arrests(load_demo("protester"), False))
    v = field_values(filled.pdf)
    assert [v.get(n, "Off") for n in C8_ARRESTED] == ["Off", "N"]
    assert not any("item 30" in n for n in filled.review_notes())


def test_whole_questions_left_for_the_attorney_are_named_as_whole_questions() -> None:
    notes = fill_i765(load_demo("protester")).review_notes()
    reason = [n for n in notes if "item 1 " in n or "item 1.C" in n]
    assert len(reason) == 1
    assert all(box in reason[0] for box in ("1.A", "1.B", "1.C"))
    assert "none of" in reason[0] and "attorney" in reason[0]
    assert "Select Renewal" not in " ".join(notes)  # not a skipped single choice
    item12 = [n for n in notes if "item 12" in n]
    assert len(item12) == 1
    assert "neither Yes nor No" in item12[0] and "previously filed" in item12[0]
    assert "Select Yes." not in " ".join(notes)
