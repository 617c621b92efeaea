"""The declaration: numbered paragraphs from the case, DOCX + PDF, review copy, certificate."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as DocxDocument

from prytulak.case import CaseFile
from prytulak.filing.declaration import compose_declaration, render_declaration
from tests.conftest import DEMO_ROOT, load_demo

from .pdfcheck import compare_golden, pdf_text


def test_each_demo_declaration_matches_its_golden_text(demo_case: CaseFile, demo_name: str) -> None:
    compare_golden(f"declaration_{demo_name}", compose_declaration(demo_case).text().split("\n\n"))


def test_paragraphs_are_numbered_and_events_in_order(demo_case: CaseFile) -> None:
    document = compose_declaration(demo_case)
    numbers = [b.number for b in document.paragraphs() if b.number]
    assert numbers == list(range(1, len(numbers) + 1))
    ids = [b.id for b in document.paragraphs() if b.number]
    # each event opens with its summary line, or with its account when it has one
    positions = [
        next(n for n, i in enumerate(ids) if i in (f"event-{e.id}", f"event-{e.id}-account"))
        for e in demo_case.claim.timeline()
    ]
    assert positions == sorted(positions)
    assert "28 U.S.C. 1746" in document.text()


def test_each_event_says_who_and_why(demo_case: CaseFile) -> None:
    text = compose_declaration(demo_case).text()
    for event in demo_case.claim.events:
        for actor_id in event.actors:
            actor = demo_case.claim.actor(actor_id)
            assert actor is not None and actor.label() in text
        for ground in event.grounds:
            assert ground.value.replace("_", " ") in text


def test_exhibit_letters_replace_evidence_ids() -> None:
    case = load_demo("protester")
    text = compose_declaration(case, {"E04": "D", "E05": "E"}).text()
    assert "See Exhibit D, Exhibit E." in text


def test_docx_pdf_review_copy_and_interpreter_certificate(tmp_path: Path) -> None:
    case = load_demo("protester")
    files = render_declaration(case, DEMO_ROOT / "protester")
    docx = DocxDocument(io.BytesIO(files.docx))
    body = "\n".join(p.text for p in docx.paragraphs)
    assert "1. I, YAUHEN KAZLOU" in body
    assert "Not legal advice" in docx.sections[0].footer.paragraphs[0].text
    pdf = pdf_text(files.pdf, tmp_path)
    assert "Not legal advice" in pdf and "YAUHEN KAZLOU" in pdf
    assert files.review_pdf is not None and files.review_language == "ru"
    review = pdf_text(files.review_pdf, tmp_path, "review.pdf")
    assert "Английский текст" in review and "ПЕРЕВОД НЕ ПРЕДОСТАВЛЕН" in review
    assert files.untranslated > 0 and any("translation" in n for n in files.notes)
    assert files.interpreter_pdf is not None
    certificate = pdf_text(files.interpreter_pdf, tmp_path, "cert.pdf")
    assert "Volha Dzemidovich" in certificate and "Russian" in certificate


def test_translations_from_the_case_folder_fill_the_review_copy(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "protester"
    shutil.copytree(DEMO_ROOT / "protester", folder)
    (folder / "translations").mkdir()
    (folder / "translations" / "declaration.ru.yaml").write_text(
        "intro: Я, Евгений Козлов, заявляю следующее.\n", encoding="utf-8"
    )
    case = load_demo("protester")
    files = render_declaration(case, folder)
    assert files.review_pdf is not None
    assert "Я, Евгений Козлов, заявляю следующее." in pdf_text(files.review_pdf, tmp_path)
    full = render_declaration(case, DEMO_ROOT / "protester")
    assert files.untranslated == full.untranslated - 1


@pytest.mark.parametrize("name", ["lgbt-believer"])
def test_third_person_narratives_are_flagged_for_rewriting(name: str) -> None:
    files = render_declaration(load_demo(name))
    assert any("first-person" in n for n in files.notes)


def _tester_case() -> CaseFile:
    """The protester with the stays, activity and family harm a tester found broken."""
    from prytulak.case import Activity, FamilyHarm, ThirdCountryStay

    case = load_demo("protester")
    stays = [
        ThirdCountryStay(
            country="Lithuania",
            status_detail="Schengen visa issued by Poland",
            reason_left="Went on to Poland where the Polish community could help",
        ),
        ThirdCountryStay(
            country="Poland",
            status_detail="Temporary protection card; no permanent residence.",
            reason_left="The Polish police warned me about KGB agents.",
        ),
    ]
    activity = Activity(
        what="Teaches at a Polish Saturday school for Belarusian children",
        where="Białystok, Poland",
        start="2022-09",
    )
    harm = FamilyHarm(who="mother", date="2022-05", what="questioned by the KGB about me.")
    travel = case.travel.model_copy(update={"third_countries": stays})
    claim = case.claim.model_copy(update={"activities_abroad": [activity], "family_harm": [harm]})
    return case.model_copy(update={"travel": travel, "claim": claim})


def test_declaration_sentences_end_once_and_speak_as_the_applicant() -> None:
    document = compose_declaration(_tester_case())
    paragraphs = {b.id: b.text for b in document.paragraphs() if b.number}
    assert paragraphs["journey-2"] == (
        "I stayed in Lithuania (Schengen visa issued by Poland). "
        "I went on to Poland where the Polish community could help."
    )
    assert paragraphs["journey-3"] == (
        "I stayed in Poland (Temporary protection card; no permanent residence). "
        "Why I left Poland: The Polish police warned me about KGB agents."
    )
    assert paragraphs["activity-1"] == (
        "Since September 2022, in Białystok, Poland: I teach at a Polish Saturday school for "
        "Belarusian children."
    )
    assert paragraphs["family-1"] == (
        "In May 2022 the following happened to my mother: questioned by the KGB about me."
    )
    for pid, text in paragraphs.items():
        assert text.endswith((".", "?", "!", '."')), pid
        for broken in ("..", ".).", " .", ";.", ":."):
            assert broken not in text, (pid, text)


def test_rewritten_activity_is_left_for_the_attorney_to_check() -> None:
    files = render_declaration(_tester_case())
    number = next(b.number for b in files.document.paragraphs() if b.id == "activity-1")
    assert any(f"Paragraph(s) {number} " in n and "I teach" in n for n in files.notes)


def test_sentence_assembly_is_robust_to_how_values_end() -> None:
    from prytulak.filing.sentences import clause, first_person, sentence

    assert sentence("transit only") == "Transit only."
    assert sentence("Ends twice..") == "Ends twice."
    assert sentence("(valid to 2026.)") == "(valid to 2026)."
    assert sentence('He said "you will be found."') == 'He said "you will be found."'
    assert sentence("Why me?") == "Why me?"
    assert sentence("  ") == ""
    assert clause("no permanent residence.;") == "no permanent residence"
    assert first_person("Teaches at a school") == ("I teach at a school", True)
    assert first_person("Studies law") == ("I study law", True)
    assert first_person("News articles about me") == ("News articles about me", False)
    assert first_person("I teach") == ("I teach", False)


@pytest.mark.parametrize(
    ("sex", "words"),
    [
        ("female", ("stated that she understands", "stated that she understood")),
        ("male", ("stated that he understands", "stated that he understood")),
        (None, ("stated that they understand", "stated that they understood")),
    ],
)
def test_interpreter_certificate_uses_the_applicants_pronoun(
    sex: str | None, words: tuple[str, str], tmp_path: Path
) -> None:
    from prytulak.case import Sex

    case = load_demo("protester")
    applicant = case.applicant.model_copy(update={"sex": Sex(sex) if sex else None})
    files = render_declaration(case.model_copy(update={"applicant": applicant}))
    assert files.interpreter_pdf is not None
    text = " ".join(pdf_text(files.interpreter_pdf, tmp_path).split())
    for phrase in words:
        assert phrase in text
    if sex:
        assert "they" not in text
