"""Family: marital status, derivatives' eligibility and papers, plausibility of ages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from prytulak.case import (
    CaseFile,
    Child,
    EvidenceRef,
    FamilyLocation,
    MaritalStatus,
    PartialDate,
    Spouse,
)
from prytulak.law.deadlines import add_years

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
    """INA 208(b)(3): a child included must be under 21 and unmarried; all must be in the US and
    none may be a U.S. citizen (only an alien can be granted asylum as a derivative)."""
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
        elif data.case.filing.filed_on is None:
            yield from _turning_21(child.name.full(), child.birth.date, on, i)
        if child.marital_status is not MaritalStatus.SINGLE:
            yield Finding(
                "family.derivative-eligibility",
                Severity.BLOCKING,
                f"{child.name.full()} is {child.marital_status.value}; only unmarried children "
                "can be included",
                "File a separate I-589 for this child",
                Location(f"family.children[{i}].marital_status"),
            )
    for path, member in _included(data.case):
        if member.location is not FamilyLocation.IN_US:
            yield Finding(
                "family.derivative-eligibility",
                Severity.WARNING,
                f"{member.name.full()} is included but not recorded as being in the US",
                "Only family in the US can be included; others may follow later with Form I-730",
                Location(f"{path}.location"),
            )

    for path, member in _included(data.case):
        why = _us_citizen(member)
        if why:
            yield Finding(
                "family.derivative-eligibility",
                Severity.BLOCKING,
                f"{member.name.full()} is included as a derivative but is a U.S. citizen ({why}); "
                "a U.S. citizen cannot be granted asylum as a derivative (INA 208(b)(3); "
                "8 CFR 208.21)",
                "Set include_in_application to false: list the person in Part A.II, but do not "
                "include them in the application",
                Location(f"{path}.include_in_application"),
                (Location(f"{path}.nationality"), Location(f"{path}.birth")),
            )


AGE_OUT_WARNING_DAYS = 180
"""How far ahead of the filing a child's 21st birthday is flagged."""


def _turning_21(name: str, born: PartialDate, on: date, index: int) -> Iterator[Finding]:
    """A child who turns 21 soon after the planned filing: the age is fixed on the day the
    I-589 is filed (INA 208(b)(3)(B)), so the date the filing must beat is the birthday."""
    birthday = add_years(born.earliest, 21)
    if not on < birthday <= on + timedelta(days=AGE_OUT_WARNING_DAYS):
        return
    yield Finding(
        "family.derivative-age-out",
        Severity.WARNING,
        f"{name} turns 21 on {birthday}, {(birthday - on).days} days after the filing date used "
        f"here ({on}); a child's age is fixed on the day the I-589 is filed (INA 208(b)(3)(B))",
        f"File before {birthday}; filed later, {name} needs an I-589 of their own",
        Location(f"family.children[{index}].birth.date"),
    )


def _included(case: CaseFile) -> list[tuple[str, Spouse | Child]]:
    """The spouse and children included in the application, with their case-file paths."""
    family = case.family
    members: list[tuple[str, Spouse | Child]] = []
    if family.spouse:
        members.append(("family.spouse", family.spouse))
    members += [(f"family.children[{i}]", c) for i, c in enumerate(family.children)]
    return [(path, m) for path, m in members if m.include_in_application]


_UNITED_STATES = re.compile(
    r"^(?:the\s+)?(?:u\.?\s?s\.?(?:\s?a\.?)?|united\s+states(?:\s+of\s+america)?|american)$",
    re.IGNORECASE,
)


def _is_united_states(text: str | None) -> bool:
    return bool(text) and bool(_UNITED_STATES.match((text or "").strip()))


def _us_citizen(member: Spouse | Child) -> str | None:
    """Why the case shows the person to be a U.S. citizen: nationality, or birth in the US."""
    if _is_united_states(member.nationality):
        return f"nationality {member.nationality}"
    birth = member.birth
    if _is_united_states(birth.country):
        place = ", ".join(p for p in (birth.city, birth.country) if p)
        return f"born in {place}"
    return None


_WORD = re.compile(r"[^\W_]+")
_CHILD_WORDS = frozenset({"child", "children", "son", "sons", "daughter", "daughters"})


def _words(item: EvidenceRef) -> set[str]:
    return set(_WORD.findall(f"{item.kind or ''} {item.title}".lower()))


def _names_child(words: set[str], child: Child) -> bool:
    given = {child.name.given.lower(), *(n.given.lower() for n in child.name.native)}
    return bool(words & given) or bool(words & _CHILD_WORDS)


def _proves_relationship(item: EvidenceRef, member: Spouse | Child, children: int) -> bool:
    words = _words(item)
    if not item.available:
        return False
    if isinstance(member, Spouse):
        return "marriage" in words
    return "birth" in words and (children == 1 or _names_child(words, member))


@check("family.relationship-proof")
def relationship_proof(data: ReviewInput) -> Iterator[Finding]:
    """Form I-589 instructions: evidence of the relationship for each spouse and child included
    (a marriage certificate, a birth certificate)."""
    included = [(p, m) for p, m in _included(data.case) if not _us_citizen(m)]
    children = sum(1 for _, m in included if isinstance(m, Child))
    for path, member in included:
        if any(_proves_relationship(e, member, children) for e in data.case.evidence):
            continue
        paper = "marriage certificate" if isinstance(member, Spouse) else "birth certificate"
        yield Finding(
            "family.relationship-proof",
            Severity.WARNING,
            f"{member.name.full()} is included in the application but no {paper} is in the "
            "evidence: the relationship must be proved (Form I-589 instructions; 8 CFR 208.3(a))",
            f"Add the {paper} (with a certified English translation) to the evidence list; if it "
            "cannot be obtained, add other proof of the relationship and explain why",
            Location(path),
            (Location("evidence"),),
        )


@check("family.derivative-copies")
def derivative_copies(data: ReviewInput) -> Iterator[Finding]:
    """Form I-589 instructions: an extra copy of the application and photos for each family
    member included."""
    for path, member in _included(data.case):
        if _us_citizen(member):
            continue
        yield Finding(
            "family.derivative-copies",
            Severity.INFO,
            f"{member.name.full()} is included: the filing needs an additional copy of the "
            "completed I-589 (with supplements and evidence) and two passport-style photos of "
            "them (Form I-589 instructions; 8 CFR 208.3(a))",
            "Prepare the extra copy and the photos for each included family member",
            Location(f"{path}.include_in_application"),
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
