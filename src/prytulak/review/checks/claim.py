"""The claim: grounds, persecutors, fears, the bars questions and the one-year question."""

from __future__ import annotations

from collections.abc import Iterator

from prytulak.case import Ground

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check
from ..situation import filing_date, one_year_barred, one_year_deadline


@check("claim.ground-without-support")
def grounds_supported(data: ReviewInput) -> Iterator[Finding]:
    claim = data.case.claim
    cited = {g for e in claim.events for g in e.grounds} | {
        g for f in claim.fears for g in f.grounds
    }
    for i, ground in enumerate(claim.grounds):
        if ground is Ground.TORTURE_CONVENTION or ground in cited:
            continue
        yield Finding(
            "claim.ground-without-support",
            Severity.WARNING,
            f"The ground '{ground.value}' is claimed but no event or fear is tied to it",
            "Tie the events that happened because of it to this ground (events[].grounds), or "
            "drop it",
            Location(f"claim.grounds[{i}]"),
        )


@check("claim.ground-not-claimed")
def event_grounds_claimed(data: ReviewInput) -> Iterator[Finding]:
    claim = data.case.claim
    for i, event in enumerate(claim.events):
        for ground in event.grounds:
            if ground not in claim.grounds:
                yield Finding(
                    "claim.ground-not-claimed",
                    Severity.WARNING,
                    f"'{event.summary}' is tied to '{ground.value}', which is not among the "
                    "grounds claimed (I-589 Part B.1 boxes)",
                    "Add the ground to claim.grounds, or correct the event",
                    Location(f"claim.events[{i}].grounds"),
                    (Location("claim.grounds"),),
                )


@check("claim.ground-undefined")
def grounds_defined(data: ReviewInput) -> Iterator[Finding]:
    claim = data.case.claim
    if Ground.PARTICULAR_SOCIAL_GROUP in claim.grounds and not claim.social_groups:
        yield Finding(
            "claim.ground-undefined",
            Severity.BLOCKING,
            "A particular social group is claimed but not defined",
            "Define each group in words (claim.social_groups), e.g. 'gay men in Belarus'; the "
            "group must be immutable, particular and socially distinct (Matter of M-E-V-G-)",
            Location("claim.social_groups"),
        )
    if Ground.POLITICAL_OPINION in claim.grounds and not claim.political_opinion:
        yield Finding(
            "claim.ground-undefined",
            Severity.WARNING,
            "Political opinion is claimed but the opinion (actual or imputed) is not stated",
            "State it in the applicant's words in claim.political_opinion",
            Location("claim.political_opinion"),
        )


@check("claim.missing-persecutor")
def persecutors_named(data: ReviewInput) -> Iterator[Finding]:
    claim = data.case.claim
    for i, event in enumerate(claim.events):
        if event.harms and not event.actors:
            yield Finding(
                "claim.missing-persecutor",
                Severity.WARNING,
                f"'{event.summary}' has no persecutor: who did it?",
                "Add the unit, body or official to claim.actors and name it in events[].actors",
                Location(f"claim.events[{i}].actors"),
            )
    for i, fear in enumerate(claim.fears):
        if not fear.from_whom:
            yield Finding(
                "claim.missing-persecutor",
                Severity.WARNING,
                f"The fear of '{fear.harm}' names no one who would cause it",
                "Name the persecutor (claim.fears[].from_whom)",
                Location(f"claim.fears[{i}].from_whom"),
            )


@check("claim.no-fear")
def fear_stated(data: ReviewInput) -> Iterator[Finding]:
    if not data.case.claim.fears:
        yield Finding(
            "claim.no-fear",
            Severity.BLOCKING,
            "No fear of future harm is stated (I-589 Part B.1.B)",
            "Say what harm the applicant fears on return, from whom, and why (claim.fears)",
            Location("claim.fears"),
        )


@check("claim.torture-without-cat")
def cat_requested(data: ReviewInput) -> Iterator[Finding]:
    claim = data.case.claim
    if any(f.torture for f in claim.fears) and not claim.apply_for_cat:
        yield Finding(
            "claim.torture-without-cat",
            Severity.WARNING,
            "A fear of torture is stated but the Torture Convention box is not checked",
            "Set claim.apply_for_cat: true so the I-589 also asks for CAT protection",
            Location("claim.apply_for_cat"),
        )


_BARS = (
    ("harmed_others", "harmed_others_explanation", "I-589 Part C.3"),
    ("crimes_in_us", "crimes_explanation", "I-589 Part C.6"),
    ("serious_crime_abroad", "serious_crime_explanation", "the serious nonpolitical crime bar"),
    ("armed_group_support", "armed_group_explanation", "the terrorism-related bars"),
)


@check("claim.bar-unexplained")
def bars_explained(data: ReviewInput) -> Iterator[Finding]:
    bars = data.case.claim.bars
    for answer, explanation, where in _BARS:
        if getattr(bars, answer) and not getattr(bars, explanation):
            yield Finding(
                "claim.bar-unexplained",
                Severity.BLOCKING,
                f"'{answer.replace('_', ' ')}' is answered yes with no explanation ({where})",
                f"Explain what happened in claim.bars.{explanation}; the attorney must assess "
                "the bar before filing",
                Location(f"claim.bars.{explanation}"),
                (Location(f"claim.bars.{answer}"),),
            )


@check("claim.bar-unanswered")
def bars_answered(data: ReviewInput) -> Iterator[Finding]:
    """A bars question nobody asked: the form needs the applicant's own yes or no."""
    bars = data.case.claim.bars
    for answer, _explanation, where in _BARS:
        if getattr(bars, answer) is None:
            yield Finding(
                "claim.bar-unanswered",
                Severity.BLOCKING,
                f"'{answer.replace('_', ' ')}' is not answered yet ({where})",
                f"Ask the applicant and record true or false in claim.bars.{answer}; the form "
                "cannot be signed with the question open",
                Location(f"claim.bars.{answer}"),
            )


@check("claim.late-unexplained")
def one_year_explained(data: ReviewInput) -> Iterator[Finding]:
    deadline = one_year_deadline(data.case, data.today)
    if deadline is None:
        return
    filed = filing_date(data.case, data.today)
    late = data.case.claim.late_filing
    if filed <= deadline:
        return
    listed = late is not None and bool(
        late.changed_circumstances or late.extraordinary_circumstances or late.lawful_status_until
    )
    barred = one_year_barred(data.case, data.today) if listed else None
    if late is None or not listed:
        yield Finding(
            "claim.late-unexplained",
            Severity.BLOCKING,
            f"The application is filed {(filed - deadline).days} days after the one-year "
            f"deadline ({deadline}) and no exception is explained (I-589 Part C.5)",
            "Record the changed or extraordinary circumstances in claim.late_filing and explain "
            "the delay (INA 208(a)(2)(D); 8 CFR 208.4(a)(4)-(5))",
            Location("claim.late_filing"),
        )
    elif barred is not None:
        yield Finding(
            "claim.late-unexplained",
            Severity.BLOCKING,
            f"The application is filed {(filed - deadline).days} days after the one-year "
            f"deadline ({deadline}) and the exception listed cannot excuse it: {barred}",
            "Record a change that happened after the last arrival (with its date) or other "
            "circumstances that excuse the delay in claim.late_filing (INA 208(a)(2)(D); "
            "8 CFR 208.4(a)(4)-(5))",
            Location("claim.late_filing"),
        )
    elif not late.explanation:
        yield Finding(
            "claim.late-unexplained",
            Severity.WARNING,
            "An exception to the one-year deadline is listed but not explained in words",
            "Write claim.late_filing.explanation: it goes in the Part C.5 box",
            Location("claim.late_filing.explanation"),
        )


@check("claim.relocation-unexplained")
def relocation_explained(data: ReviewInput) -> Iterator[Finding]:
    if data.case.claim.events and not data.case.claim.relocation:
        yield Finding(
            "claim.relocation-unexplained",
            Severity.INFO,
            "The case does not say why moving elsewhere in Belarus would not help",
            "Add claim.relocation (when the state persecutes, relocation is presumed "
            "unreasonable, 8 CFR 208.13(b)(3)(ii), but the declaration should still say why)",
            Location("claim.relocation"),
        )
