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
