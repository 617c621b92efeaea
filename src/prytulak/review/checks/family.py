"""Family: marital status, derivatives' eligibility, plausibility of ages."""

from __future__ import annotations

from collections.abc import Iterator

from prytulak.case import Child, FamilyLocation, MaritalStatus, Spouse

from ..findings import Finding, Location, Severity
from ..inputs import ReviewInput
from ..registry import check
from ..situation import age_on, filing_date


@check("family.marital-status")
def marital_status(data: ReviewInput) -> Iterator[Finding]:
    status = data.case.applicant.marital_status
    spouse = data.case.family.spouse
    if status is MaritalStatus.MARRIED and spouse is None:
        yield Finding(
            "family.marital-status",
            Severity.WARNING,
            "The applicant is married but no spouse is listed (I-589 Part A.II)",
            "Add family.spouse, even if the spouse stays in Belarus and is not included",
            Location("applicant.marital_status"),
        )
    if spouse is not None and status in (MaritalStatus.SINGLE, MaritalStatus.DIVORCED):
        yield Finding(
            "family.marital-status",
            Severity.BLOCKING,
            f"The applicant is '{status.value}' but a spouse is listed",
            "Correct the marital status or remove the spouse",
            Location("applicant.marital_status"),
            (Location("family.spouse"),),
        )


@check("family.derivative-eligibility")
def derivative_eligibility(data: ReviewInput) -> Iterator[Finding]:
    """INA 208(b)(3): a child included must be under 21 and unmarried; all must be in the US."""
    on = filing_date(data.case, data.today)
    family = data.case.family
    for i, child in enumerate(family.children):
        if not child.include_in_application:
            continue
        age = age_on(child.birth.date, on)
        if age >= 21:
            yield Finding(
                "family.derivative-eligibility",
                Severity.BLOCKING,
                f"{child.name.full()} will be {age} on filing ({on}); a child must be under 21 to "
                "be included (INA 208(b)(3)(A))",
                "File a separate I-589 for this child",
                Location(f"family.children[{i}].include_in_application"),
            )
        if child.marital_status is not MaritalStatus.SINGLE:
            yield Finding(
                "family.derivative-eligibility",
                Severity.BLOCKING,
                f"{child.name.full()} is {child.marital_status.value}; only unmarried children "
                "can be included",
                "File a separate I-589 for this child",
                Location(f"family.children[{i}].marital_status"),
            )
    members: list[tuple[str, Spouse | Child]] = []
    if family.spouse:
        members.append(("family.spouse", family.spouse))
    members += [(f"family.children[{i}]", c) for i, c in enumerate(family.children)]
    for path, member in members:
        if member and member.include_in_application and member.location is not FamilyLocation.IN_US:
            yield Finding(
                "family.derivative-eligibility",
                Severity.WARNING,
                f"{member.name.full()} is included but not recorded as being in the US",
                "Only family in the US can be included; others may follow later with Form I-730",
                Location(f"{path}.location"),
            )


@check("family.implausible-age")
def implausible_ages(data: ReviewInput) -> Iterator[Finding]:
    birth = data.case.applicant.birth
    if birth is None:
        return
    for i, child in enumerate(data.case.family.children):
        parent_age = age_on(birth.date, child.birth.date.earliest)
        if parent_age < 13:
            yield Finding(
                "family.implausible-age",
                Severity.WARNING,
                f"{child.name.full()} was born when the applicant was {parent_age}",
                "Check the child's and the applicant's dates of birth",
                Location(f"family.children[{i}].birth.date"),
                (Location("applicant.birth.date"),),
            )


@check("family.parents-missing")
def parents_listed(data: ReviewInput) -> Iterator[Finding]:
    relations = {r.relation for r in data.case.family.relatives}
    for parent in ("mother", "father"):
        if parent not in relations:
            yield Finding(
                "family.parents-missing",
                Severity.WARNING,
                f"No {parent} is listed (I-589 Part A.III item 5 asks for both parents)",
                f"Add the {parent} to family.relatives (write 'deceased' or 'unknown' if so)",
                Location("family.relatives"),
            )
