"""The referral packet: nothing identifying without recorded consent."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from prytulak.case import CaseFile
from prytulak.directory import (
    ConsentError,
    ConsentRecord,
    build_referral,
    consents_for,
    load_consents,
    render_markdown,
    render_pdf,
)

TODAY = date(2026, 11, 26)
IDENTIFYING = [
    "KAZLOU",
    "Kazlou",
    "YAUHEN",
    "Yauhen",
    "Казлоў",
    "Козлов",
    "Евгений",
    "Evgeniy Kozlov",
    "201234567",
    "201-234-567",
    "2147 W Division",
    "(312) 555-0147",
    "y.kazlou.demo@example.org",
    "1991-04-17",
    "KAZLOVA",
    "MARTSINKEVICH",
]
CONSENT = """\
consents:
  - given_on: 2026-11-20
    recipient: HIAS (New York)
    share: [name, a_number, address]
    how: signed consent form, read to the applicant in Russian
    recorded_by: M. Lindqvist
"""


@pytest.fixture
def case(protester: CaseFile) -> CaseFile:
    applicant = protester.applicant.model_copy(update={"a_number": "201234567"})
    return protester.model_copy(update={"applicant": applicant})


def _texts(case: CaseFile, consents: ConsentRecord, recipient: str | None) -> tuple[str, str]:
    packet = build_referral(case, consents, TODAY, recipient)
    pdf = PdfReader(io.BytesIO(render_pdf(packet)))
    return render_markdown(packet), "\n".join(page.extract_text() for page in pdf.pages)


def test_no_name_a_number_or_address_without_consent(case: CaseFile) -> None:
    markdown, pdf_text = _texts(case, ConsentRecord(), "HIAS (New York)")
    for text in (markdown, pdf_text):
        for secret in IDENTIFYING:
            assert secret not in text, secret
    assert "Name: [withheld: no consent recorded]" in markdown
    assert "A-number: [withheld: no consent recorded]" in markdown
    assert "E01: Belarusian passport of [withheld] [withheld], biographic page" in markdown


def test_packet_content_for_the_attorney(case: CaseFile) -> None:
    markdown, pdf_text = _texts(case, ConsentRecord(), None)
    assert "One-year filing deadline: 2027-03-02 (96 days left)" in markdown
    assert "8 CFR 208.4(a)(2)" in markdown
    assert "Languages: Russian, Belarusian, Polish" in markdown
    assert "criminal code art. 342" in markdown
    assert "E09: Screenshot of the court docket" in markdown
    assert "- Assessment: " in markdown  # the law engine's headline
    assert "Not firmly resettled: at risk" in markdown
    assert "not legal advice" in markdown
    assert "Referral summary" in pdf_text and "not legal advice" in pdf_text


def test_consent_for_this_recipient_shows_what_was_agreed(tmp_path: Path, case: CaseFile) -> None:
    (tmp_path / "referral-consent.yaml").write_text(CONSENT, "utf-8")
    consents = load_consents(tmp_path)
    markdown, _ = _texts(case, consents, "HIAS (New York)")
    assert "Name: YAUHEN KAZLOU" in markdown
    assert "A-number: A201-234-567" in markdown
    assert "2147 W Division St, apt. 3R" in markdown
    assert "(312) 555-0147" not in markdown  # contact was not agreed
    other, _ = _texts(case, consents, "Catholic Migration Services")
    assert "KAZLOU" not in other and "201234567" not in other


def test_withdrawn_consent_withholds_again(tmp_path: Path, case: CaseFile) -> None:
    text = CONSENT + "    withdrawn_on: 2026-11-25\n"
    (tmp_path / "referral-consent.yaml").write_text(text, "utf-8")
    markdown, _ = _texts(case, load_consents(tmp_path), "HIAS (New York)")
    assert "KAZLOU" not in markdown


def test_a_broken_consent_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "referral-consent.yaml").write_text("consents:\n  - recipient: any\n", "utf-8")
    with pytest.raises(ConsentError, match="given_on") as error:
        load_consents(tmp_path)
    assert "recorded_by" in str(error.value)


def _with_consent(case: CaseFile, **changes: object) -> CaseFile:
    consent = {
        "given_on": date(2026, 11, 20),
        "recipient": "HIAS (New York)",
        "share": ["name", "a_number"],
        "how": "signed consent form, read in Russian",
        "recorded_by": "M. Lindqvist",
    } | changes
    data = case.model_dump(mode="json")
    data["representation"]["referral_consents"] = [consent]
    return CaseFile.model_validate(data)


def test_consent_recorded_in_the_case_file_counts(tmp_path: Path, case: CaseFile) -> None:
    consented = _with_consent(case)
    markdown, _ = _texts(consented, consents_for(consented, tmp_path), "HIAS (New York)")
    assert "Name: YAUHEN KAZLOU" in markdown and "2147 W Division" not in markdown
    other, _ = _texts(consented, consents_for(consented, tmp_path), "Someone else")
    assert "KAZLOU" not in other


def test_case_file_and_legacy_sidecar_consents_add_up(tmp_path: Path, case: CaseFile) -> None:
    (tmp_path / "referral-consent.yaml").write_text(CONSENT, "utf-8")  # name, a_number, address
    consented = _with_consent(case, share=["contact"])
    markdown, _ = _texts(consented, consents_for(consented, tmp_path), "HIAS (New York)")
    assert "2147 W Division" in markdown and "(312) 555-0147" in markdown


def test_a_consent_withdrawn_before_it_was_given_is_refused_with_both_dates(
    case: CaseFile,
) -> None:
    with pytest.raises(ValueError, match="withdrawn_on 2026-11-01 is before given_on 2026-11-20"):
        _with_consent(case, withdrawn_on=date(2026, 11, 1))


def test_a_consent_dated_in_the_future_is_a_problem_of_the_case_file(case: CaseFile) -> None:
    from prytulak.case.integrity import integrity_problems

    problems = integrity_problems(_with_consent(case, given_on=date(2027, 1, 5)), TODAY)
    found = [p for p in problems if p.path == "representation.referral_consents[0].given_on"]
    assert found and "is in the future" in found[0].message


def test_evidence_is_on_hand_only_with_a_file_or_a_locker_item(case: CaseFile) -> None:
    evidence = list(case.evidence)
    assert not any(e.file or e.blob for e in evidence)  # the demo describes, holds no files
    evidence[0] = evidence[0].model_copy(update={"file": "passport.pdf"})
    evidence[1] = evidence[1].model_copy(update={"blob": "a" * 64})  # linked locker item
    evidence[2] = evidence[2].model_copy(update={"available": False})
    markdown, _ = _texts(case.model_copy(update={"evidence": evidence}), ConsentRecord(), None)
    lines = {line.split(":")[0].removeprefix("- "): line for line in markdown.splitlines()}
    assert "(on hand" in lines[evidence[0].id] and "(on hand" in lines[evidence[1].id]
    assert "(not obtainable" in lines[evidence[2].id]
    for item in evidence[3:]:
        assert "(described, no file yet" in lines[item.id], item.id
    assert markdown.count("(on hand") == 2
