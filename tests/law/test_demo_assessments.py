"""What an immigration attorney expects the engine to say about the three demo cases."""

from __future__ import annotations

from prytulak.law import Status, assess, deadline_summary
from tests.conftest import TODAY, load_demo


def _status(name: str, rule_id: str) -> Status:
    finding = assess(load_demo(name), TODAY).finding(rule_id)
    assert finding is not None, rule_id
    return finding.status


def test_protester_political_opinion_state_actor_past_persecution() -> None:
    result = assess(load_demo("protester"), TODAY)
    ground = result.finding("refugee.protected_ground")
    assert ground is not None and ground.status is Status.MET
    assert "political opinion" in ground.text()
    actor = result.finding("refugee.persecutor")
    assert actor is not None and actor.status is Status.MET and "OMON" in actor.text()
    assert result.finding("refugee.past_persecution").status is Status.MET  # type: ignore[union-attr]
    assert "okrestina" in result.finding("refugee.past_persecution").text()  # type: ignore[union-attr]
    assert result.finding("refugee.internal_relocation").status is Status.MET  # type: ignore[union-attr]


def test_protester_article_342_is_persecution_not_prosecution() -> None:
    finding = assess(load_demo("protester"), TODAY).finding("refugee.prosecution")
    assert finding is not None and finding.status is Status.MET
    assert "342" in finding.text() and "Matter of S-P-" in " ".join(finding.citations)


def test_protester_lithuania_is_not_firm_resettlement_but_flagged() -> None:
    finding = assess(load_demo("protester"), TODAY).finding("bar.firm_resettlement")
    assert finding is not None and finding.status is Status.AT_RISK
    assert not finding.is_blocking
    assert "Lithuania" in finding.text() and "not an offer of permanent residence" in finding.text()


def test_protester_one_year_deadline_is_2027_03_02_and_open() -> None:
    result = assess(load_demo("protester"), TODAY)
    finding = result.finding("deadline.one_year")
    assert finding is not None and finding.status is Status.MET
    assert "2027-03-02" in finding.text() and "96 days" in finding.text()
    # the calendar: the one-year day, the planned filing date (timely), and the work-permit
    # dates projected from it while the I-589 is not filed
    assert [(d.id, d.day.isoformat()) for d in result.deadlines()] == [
        ("planned_filing_on_time", "2026-12-15"),
        ("one_year", "2027-03-02"),
        ("ead_150_projected", "2027-05-14"),
        ("ead_180_projected", "2027-06-13"),
    ]
    assert not result.blocking


def test_protester_cat_and_withholding_available() -> None:
    assert _status("protester", "relief.cat") is Status.MET
    assert _status("protester", "relief.withholding") is Status.MET


def test_protester_in_russian_names_the_deadline() -> None:
    finding = assess(load_demo("protester"), TODAY).finding("deadline.one_year")
    assert finding is not None
    assert "2027-03-02" in finding.text("ru") and "Последний въезд" in finding.text("ru")
    assert "Апошні ўезд" in finding.text("be")


def test_journalist_political_articles_and_polish_permit_for_review() -> None:
    result = assess(load_demo("journalist"), TODAY)
    prosecution = result.finding("refugee.prosecution")
    assert prosecution is not None and prosecution.status is Status.MET
    assert "361-1" in prosecution.text() and "19.11" in prosecution.text()
    assert result.finding("bar.firm_resettlement").status is Status.AT_RISK  # type: ignore[union-attr]
    assert result.finding("deadline.one_year").status is Status.MET  # type: ignore[union-attr]
    assert result.finding("clock.ead").status is Status.MET  # type: ignore[union-attr]


def test_lgbt_believer_social_group_and_late_filing_exceptions() -> None:
    result = assess(load_demo("lgbt-believer"), TODAY)
    group = result.finding("refugee.social_group")
    assert group is not None and group.status is Status.MET
    assert "Toboso-Alfonso" in group.text()
    late = result.finding("deadline.one_year")
    assert late is not None and late.status is Status.AT_RISK and "days late" in late.text()
    change = result.finding("deadline.changed_circumstances")
    assert change is not None and "Reasonable period" in change.text()  # 148 days
    status = result.finding("deadline.lawful_status")  # status ended 215 days before filing
    assert status is not None and "longer than 6 months" in status.text()
    assert "needs its own explanation" in status.text()
    assert result.finding("relief.withholding").status is Status.MET  # type: ignore[union-attr]
    assert not result.blocking


def test_every_demo_assessment_cites_and_disclaims(demo_case) -> None:  # type: ignore[no-untyped-def]
    result = assess(demo_case, TODAY)
    assert all(f.citations for f in result.findings)
    assert "not legal advice" in result.disclaimer["en"]
    assert all(set(f.explanation) == {"en", "ru", "be"} for f in result.findings)


def test_deadline_summary_lines_for_case_show() -> None:
    lines = deadline_summary(load_demo("protester"), TODAY)
    assert lines[0].startswith("One-year filing deadline:") and "2027-03-02" in lines[0]
    assert any("Work-permit clock" in line for line in lines)


def test_case_show_lists_the_exception_the_late_one_year_line_refers_to() -> None:
    lines = deadline_summary(load_demo("lgbt-believer"), TODAY)
    assert lines[0].startswith("One-year filing deadline:") and "Exception claimed" in lines[0]
    assert lines[1].startswith("Exception for changed circumstances:")
    assert "see below" not in "\n".join(lines)
