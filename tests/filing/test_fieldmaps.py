"""The field maps are data: each must match its official PDF exactly, widget by widget."""

from __future__ import annotations

import io

import pikepdf
import pytest

from prytulak.filing.forms import FormEditionError, available_editions, load_edition
from prytulak.filing.forms.acroform import widgets
from prytulak.filing.forms.edition import parse_field_map

KIND = {"/Tx": {"text", "signature", "barcode"}, "/Btn": {"checkbox"}, "/Ch": {"choice"}}


@pytest.fixture(params=["i589_2025-01-20", "i765_2025-08-21"])
def edition_key(request: pytest.FixtureRequest) -> str:
    key: str = request.param
    return key


def test_both_editions_ship() -> None:
    assert {"i589_2025-01-20", "i765_2025-08-21"} <= set(available_editions())


def test_every_widget_is_mapped_and_every_entry_exists(edition_key: str) -> None:
    edition = load_edition(edition_key)
    pdf = pikepdf.open(io.BytesIO(edition.pdf_bytes()))
    in_pdf = {w.name: w for w in widgets(pdf)}
    in_map = {f.name for f in edition.fields}
    assert len(in_map) == len(edition.fields), "a field is listed twice"
    assert in_map == set(in_pdf), in_map ^ set(in_pdf)
    for spec in edition.fields:
        widget = in_pdf[spec.name]
        assert spec.kind in KIND[widget.field_type], spec.name
        assert widget.page_index + 1 == spec.page, spec.name


def test_checkbox_export_values_match_the_pdf(edition_key: str) -> None:
    edition = load_edition(edition_key)
    pdf = pikepdf.open(io.BytesIO(edition.pdf_bytes()))
    in_pdf = {w.name: w for w in widgets(pdf)}
    for spec in edition.fields:
        if spec.kind == "checkbox" and spec.answer:
            assert in_pdf[spec.name].on_values() == [spec.on], spec.name


def test_i589_traps_are_encoded() -> None:
    """The inverted and odd export values the research found (filing_rules.md §1.3)."""
    edition = load_edition("i589_2025-01-20")
    by_short = {f.name.rsplit(".", 1)[-1]: f for f in edition.fields}
    assert (by_short["ChildrenCheckbox[0]"].on, by_short["ChildrenCheckbox[0]"].checked_when) == (
        "N",
        "yes",
    )
    assert (by_short["ChildrenCheckbox[1]"].on, by_short["ChildrenCheckbox[1]"].checked_when) == (
        "Y",
        "no",
    )
    assert by_short["PtD_ckboxynd1[0]"].on == "2" and by_short["PtD_ckboxynd1[1]"].on == "1"
    assert by_short["CheckBox12_Sex[0]"].on == "1" and by_short["CheckBox26_Sex[0]"].on == "M"
    assert by_short["CheckBox3[1]"].checked_when == "past" and by_short["CheckBox3[2]"].on == "B"
    assert by_short["CheckBox4[0]"].on == "Yes"


def test_pdf_hash_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    edition = load_edition("i589_2025-01-20")
    tampered = type(edition)(**{**edition.__dict__, "sha256": "0" * 64})
    with pytest.raises(FormEditionError, match="does not match the SHA-256"):
        tampered.pdf_bytes()


def test_a_broken_field_map_names_the_problem() -> None:
    text = "form: I-589\ntitle: x\nedition: 2025\n"
    with pytest.raises(FormEditionError, match=r"broken\.yaml is invalid"):
        parse_field_map(text, "broken")
