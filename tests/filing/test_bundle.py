"""The exhibit bundle: index, tabs, translations, continuous page numbers, bookmarks, volumes,
and bad evidence files."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from prytulak.case import load_case
from prytulak.filing.exhibits import BundleOptions, EvidenceFileError, build_bundle, tab_letter

from .evidence_files import break_file, case_with_evidence
from .pdfcheck import compare_golden, pdf_text, qpdf_check


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("bundle")
    folder = case_with_evidence(root)
    bundle = build_bundle(load_case(folder), folder, root / "out")
    return folder, bundle


def _outline(path: Path) -> list[tuple[str, int, list[str]]]:
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
        out = []
        for item in outline.root:
            target = item.destination[0].objgen if item.destination else None
            out.append((item.title, pages.get(target, -1) + 1, [c.title for c in item.children]))
        return out


def test_tab_letters() -> None:
    assert [tab_letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_bundle_index_pages_and_bookmarks_match_golden(built: tuple[Path, object]) -> None:
    _, bundle = built
    volume = bundle.volumes[0].path  # type: ignore[attr-defined]
    rows = [[r.tab, r.evidence_id, r.pages] for r in bundle.rows]  # type: ignore[attr-defined]
    compare_golden(
        "bundle_protester",
        {"rows": rows, "outline": _outline(volume), "total_pages": bundle.total_pages},
    )  # type: ignore[attr-defined]


def test_page_numbers_are_continuous_and_match_the_index(
    built: tuple[Path, object], tmp_path: Path
) -> None:
    _, bundle = built
    path = bundle.volumes[0].path  # type: ignore[attr-defined]
    total = bundle.total_pages  # type: ignore[attr-defined]
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == total
    text = pdf_text(path.read_bytes(), tmp_path)
    pages = text.split("\f")[:total]
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in page, number
    outline = {title.split(":")[0]: page for title, page, _ in _outline(path)}
    for row in bundle.rows:  # type: ignore[attr-defined]
        first, last = (int(n) for n in row.pages.split("–"))
        assert outline[f"Tab {row.tab}"] == first  # the bookmark opens the tab page
        assert f"Tab {row.tab}" in pages[first - 1]
        assert f"Page {last} of {total}" in pages[last - 1]
    assert "Index of Exhibits" in pages[1]
    assert qpdf_check(path.read_bytes(), tmp_path).returncode == 0


def test_foreign_document_is_followed_by_translation_and_certificate(
    built: tuple[Path, object], tmp_path: Path
) -> None:
    _, bundle = built
    path = bundle.volumes[0].path  # type: ignore[attr-defined]
    pages = pdf_text(path.read_bytes(), tmp_path).split("\f")
    row = next(r for r in bundle.rows if r.evidence_id == "E01")  # type: ignore[attr-defined]
    first = int(row.pages.split("–")[0])
    assert "E01 документ, стр. 1" in pages[first]  # original keeps its text layer
    assert "Translation of E01" in pages[first + 2]
    certificate = pages[first + 3]
    assert "Certificate of Translation" in certificate and "Volha Dzemidovich" in certificate
    assert "8 CFR 103.2(b)(3)" in certificate


def test_photo_and_docx_become_pdf_pages(built: tuple[Path, object], tmp_path: Path) -> None:
    _, bundle = built
    text = pdf_text(bundle.volumes[0].path.read_bytes(), tmp_path)  # type: ignore[attr-defined]
    assert "Справка E04: ушибы, сотрясение мозга" in text
    assert any(r.evidence_id == "E03" for r in bundle.rows)  # type: ignore[attr-defined]


def test_missing_translation_is_flagged_in_index_and_warnings(built: tuple[Path, object]) -> None:
    _, bundle = built
    flagged = [r for r in bundle.rows if "TRANSLATION MISSING" in r.description]  # type: ignore[attr-defined]
    assert flagged
    assert any("no English translation" in w for w in bundle.warnings)  # type: ignore[attr-defined]


def test_volumes_split_under_the_size_limit(tmp_path: Path) -> None:
    folder = case_with_evidence(tmp_path)
    bundle = build_bundle(
        load_case(folder),
        folder,
        tmp_path / "out",
        BundleOptions(max_volume_bytes=400_000, bates_prefix="KAZLOU-"),
    )
    assert len(bundle.volumes) > 1
    assert {r.volume for r in bundle.rows} == {v.number for v in bundle.volumes}
    previous = 0
    for volume in bundle.volumes:
        assert volume.first_page == previous + 1
        previous = volume.last_page
        text = pdf_text(volume.path.read_bytes(), tmp_path, f"v{volume.number}.pdf")
        assert f"KAZLOU-{volume.first_page:06d}" in text
        if volume.number > 1:
            assert f"Volume {volume.number} of {len(bundle.volumes)}" in text
    assert previous == bundle.total_pages


@pytest.mark.parametrize("how", ["corrupt", "encrypted"])
def test_bad_evidence_stops_with_a_message_naming_the_file(tmp_path: Path, how: str) -> None:
    folder = case_with_evidence(tmp_path)
    broken = break_file(folder, "E05", how)
    with pytest.raises(EvidenceFileError) as caught:
        build_bundle(load_case(folder), folder, tmp_path / "out")
    assert str(broken) in str(caught.value)
    expected = "password-protected" if how == "encrypted" else "damaged"
    assert expected in caught.value.problem


def test_bad_evidence_can_be_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = case_with_evidence(tmp_path)
    break_file(folder, "E05", "encrypted")
    bundle = build_bundle(
        load_case(folder), folder, tmp_path / "out", BundleOptions(on_bad_evidence="skip")
    )
    assert "E05" not in {r.evidence_id for r in bundle.rows}
    assert any(w.startswith("SKIPPED E05") for w in bundle.warnings)
    assert any(m.startswith("E05") for m in bundle.not_included)


def test_attorney_order_and_unknown_ids(tmp_path: Path) -> None:
    folder = case_with_evidence(tmp_path)
    case = load_case(folder)
    bundle = build_bundle(case, folder, tmp_path / "out", BundleOptions(order=("E09", "E04")))
    assert [r.evidence_id for r in bundle.rows][:2] == ["E09", "E04"]
    with pytest.raises(ValueError, match="unknown evidence id"):
        build_bundle(case, folder, tmp_path / "o2", BundleOptions(order=("E99",)))


def test_demo_case_without_files_lists_what_is_not_included(tmp_path: Path) -> None:
    from tests.conftest import DEMO_ROOT

    folder = DEMO_ROOT / "protester"
    bundle = build_bundle(load_case(folder), folder, tmp_path / "out")
    assert not bundle.rows and len(bundle.not_included) == 11
    assert re.search(r"E01: .* not included", bundle.not_included[0])


def test_filed_index_without_files_says_so_in_plain_words(tmp_path: Path) -> None:
    from tests.conftest import DEMO_ROOT

    folder = DEMO_ROOT / "protester"
    bundle = build_bundle(load_case(folder), folder, tmp_path / "out")
    text = pdf_text(bundle.volumes[0].path.read_bytes(), tmp_path)
    index = " ".join(text.split("\f")[1].split())
    assert "Index of Exhibits" in index and "No exhibits are enclosed." in index
    for internal in ("evidence[]", ".file", "not included", "no file named", "E01"):
        assert internal not in index, internal
    assert "Description" not in index and "Pages" not in index  # no empty table header


def test_filed_index_lists_only_enclosed_exhibits(tmp_path: Path) -> None:
    folder = case_with_evidence(tmp_path)
    (folder / "evidence" / "E02.pdf").unlink()  # named in the case, but not there
    bundle = build_bundle(load_case(folder), folder, tmp_path / "out")
    assert any(m.startswith("E02") for m in bundle.not_included)  # the attorney still hears
    text = pdf_text(bundle.volumes[0].path.read_bytes(), tmp_path)
    index = " ".join(text.split("\f")[1].split())
    assert "E01" in index and "E02" not in index
    assert "not included" not in index and "file not found" not in index
