"""Ranking providers for a case, each result with the reasons for its place.

A provider is weighed as listed for one court (the EOIR list prints different phones and rules
per court), or as a whole where a source has no courts (roster, local list). Points are plain
and few, so an attorney can check them; the table is in docs/directory.md. A value the source
does not give scores nothing and is said to be unknown. Rules that shut the applicant out
(children only, another state, detained only...) exclude the provider, and the exclusion is
reported with the provider's own words, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel, ConfigDict

from prytulak.case import CaseFile

from .courts import CaseCourt, ImmigrationCourt, court_by_id, find_court
from .model import (
    Accreditation,
    CostModel,
    CourtListing,
    DetainedScope,
    Provider,
    ProviderKind,
    RestrictionKind,
    ServiceTerms,
)
from .needs import CaseNeeds, case_needs
from .service_terms import language_name

__all__ = ["Match", "MatchFilters", "Option", "Reason", "match_case", "search"]

KIND_POINTS = {
    ProviderKind.NONPROFIT: (10, "non-profit organization"),
    ProviderKind.ATTORNEY: (10, "attorney on the organization's own list"),
    ProviderKind.RECOGNIZED_ORGANIZATION: (8, "DOJ-recognized organization"),
    ProviderKind.ACCREDITED_REPRESENTATIVE: (8, "accredited representative"),
    ProviderKind.PRIVATE_ATTORNEY: (5, "private attorney (pro bono listing)"),
    ProviderKind.REFERRAL_SERVICE: (3, "referral service: refers to lawyers, does not represent"),
}
COST_POINTS = {CostModel.PRO_BONO: 5, CostModel.LOW_FEE: 3}
DETENTION_COURT_POINTS = -30
"""Listed only for a court inside a detention facility, for an applicant who is not detained."""
UNMET_COUNTY_POINTS = -40
"""A residence rule naming counties the applicant's address does not name (no county table:
not an exclusion, but below any provider the applicant can use)."""


class MatchFilters(BaseModel):
    """Filters for search and match; None or empty means 'any'."""

    model_config = ConfigDict(frozen=True)

    languages: tuple[str, ...] = ()
    include_unknown_language: bool = False
    court: str | None = None
    state: str | None = None
    detained: bool | None = None
    full_accreditation: bool = False
    case_types: tuple[str, ...] = ()
    costs: tuple[CostModel, ...] = ()
    kinds: tuple[ProviderKind, ...] = ()
    any_location: bool = False  # match: also providers outside the case's state


@dataclass(frozen=True)
class Reason:
    points: int
    text: str


@dataclass(frozen=True)
class Option:
    """A provider as it serves one court (``listing``), or as a whole (``listing`` None)."""

    provider: Provider
    listing: CourtListing | None

    @property
    def terms(self) -> ServiceTerms:
        return self.listing.terms if self.listing else self.provider.terms

    @property
    def state(self) -> str | None:
        if self.listing:
            return self.listing.state
        return self.provider.states[0] if self.provider.states else None

    def states(self) -> set[str]:
        return (
            {self.listing.state}
            if self.listing and self.listing.state
            else set(self.provider.states)
        )


@dataclass
class Match:
    option: Option
    reasons: list[Reason] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(r.points for r in self.reasons)

    @property
    def provider(self) -> Provider:
        return self.option.provider


def options(providers: list[Provider]) -> list[Option]:
    out: list[Option] = []
    for provider in providers:
        if provider.listings:
            out.extend(Option(provider, listing) for listing in provider.listings)
        else:
            out.append(Option(provider, None))
    return out


def match_case(
    case: CaseFile, providers: list[Provider], today: date, filters: MatchFilters | None = None
) -> tuple[CaseNeeds, list[Match], list[Match]]:
    """(what the case needs, ranked matches, excluded ones with why) for one case."""
    needs = case_needs(case, today)
    filters = filters or MatchFilters()
    best: dict[str, Match] = {}
    for option in options(providers):
        if not _passes(option, filters):
            continue
        result = _weigh(option, needs, filters)
        current = best.get(option.provider.id)
        if current is None or _better(result, current):
            best[option.provider.id] = result
    ranked = sorted(
        best.values(),
        key=lambda m: (not _at_case_court(m, needs), -m.score, m.provider.name.lower()),
    )
    return needs, [m for m in ranked if not m.excluded], [m for m in ranked if m.excluded]


def _at_case_court(match: Match, needs: CaseNeeds) -> bool:
    """Listed for the case's own court: such providers come before any listed elsewhere."""
    listing, court = match.option.listing, needs.court.court
    return bool(listing and court and listing.court_id == court.id)


def search(providers: list[Provider], filters: MatchFilters) -> list[Option]:
    """Provider options that pass the filters, by state, court and name."""
    found = [o for o in options(providers) if _passes(o, filters)]
    return sorted(
        found,
        key=lambda o: (
            o.state or "~",
            o.listing.court if o.listing else "",
            o.provider.name.lower(),
        ),
    )


def _better(new: Match, old: Match) -> bool:
    if bool(new.excluded) != bool(old.excluded):
        return not new.excluded
    return new.score > old.score


def _passes(option: Option, filters: MatchFilters) -> bool:
    terms = option.terms
    checks = [
        not filters.kinds or option.provider.kind in filters.kinds,
        not filters.costs or terms.cost in filters.costs,
        _language_passes(terms, filters),
        _place_passes(option, filters),
        _detained_passes(terms.detained, filters.detained),
        not filters.full_accreditation or _can_appear_in_court(option.provider) is not False,
        not filters.case_types or _offers_any(terms, filters.case_types),
    ]
    return all(checks)


def _language_passes(terms: ServiceTerms, filters: MatchFilters) -> bool:
    if not filters.languages:
        return True
    if terms.language_codes() & set(filters.languages):
        return True
    return filters.include_unknown_language and not terms.languages


def _place_passes(option: Option, filters: MatchFilters) -> bool:
    if filters.state and filters.state.upper() not in option.states():
        return False
    if filters.court:
        court = find_court(filters.court)
        if court is None or option.listing is None or option.listing.court_id != court.id:
            return False
    return True


def _detained_passes(scope: DetainedScope, detained: bool | None) -> bool:
    if detained is True:
        return scope is not DetainedScope.NON_DETAINED_ONLY
    if detained is False:
        return scope is not DetainedScope.DETAINED_ONLY
    return True


def _offers_any(terms: ServiceTerms, wanted: tuple[str, ...]) -> bool:
    offered = {c.case_type for c in terms.case_types if c.offered}
    return bool(offered & set(wanted)) or "all_types" in offered


def _can_appear_in_court(provider: Provider) -> bool | None:
    """False only for a roster organization whose every active representative is DHS-only."""
    if provider.accreditation is Accreditation.DHS_ONLY:
        return False
    if provider.kind is ProviderKind.RECOGNIZED_ORGANIZATION and provider.representatives:
        active = [r for r in provider.representatives if r.status.lower() == "active"]
        return any(r.accreditation is Accreditation.FULL for r in active)
    return None


def _weigh(option: Option, needs: CaseNeeds, filters: MatchFilters) -> Match:
    match = Match(option)
    _weigh_language(match, needs)
    _weigh_place(match, needs.court, filters)
    _weigh_detention(match, needs)
    _weigh_kind_and_cost(match)
    _weigh_accreditation(match, needs)
    _weigh_case_types(match, needs)
    _weigh_restrictions(match, needs)
    _weigh_local_facts(match)
    return match


def _weigh_language(match: Match, needs: CaseNeeds) -> None:
    terms = match.option.terms
    spoken = {n.code: n for n in terms.languages}
    primary = [spoken[c] for c in needs.primary_languages if c in spoken]
    others = [spoken[c] for c in needs.other_languages if c in spoken and c != "en"]
    if primary:
        names = " and ".join(n.name for n in primary)
        match.reasons.append(Reason(40, f"speaks {names}: “{primary[0].text}”"))
    elif others:
        names = ", ".join(n.name for n in others)
        match.reasons.append(
            Reason(15, f"speaks {names}, which the applicant also speaks: “{others[0].text}”")
        )
    if not primary and terms.interpretation:
        match.reasons.append(Reason(8, f"offers interpretation: “{terms.interpretation}”"))
    if not terms.languages and not terms.interpretation:
        match.cautions.append("languages not listed: unknown (ask whether Russian is spoken)")
    elif not primary and not others:
        listed = ", ".join(n.name for n in terms.languages) or "none named"
        match.cautions.append(f"lists {listed}; Russian and Belarusian not among them")


def _weigh_place(match: Match, court: CaseCourt, filters: MatchFilters) -> None:
    listing = match.option.listing
    if court.court and listing and listing.court_id == court.court.id:
        points = 30 if court.confirmed else 25
        match.reasons.append(Reason(points, f"listed for {listing.court}, the case's court"))
    elif court.state and court.state in match.option.states():
        where = listing.court if listing else f"offices in {court.state}"
        match.reasons.append(Reason(12, f"serves {where}, in the case's state"))
    elif court.state and not filters.any_location:
        where = listing.court if listing else ", ".join(sorted(match.option.states())) or "no state"
        match.excluded.append(f"serves {where}, not {court.state}")


def _weigh_detention(match: Match, needs: CaseNeeds) -> None:
    terms = match.option.terms
    scope, text = terms.detained, terms.detained_text
    if needs.detained and scope is DetainedScope.NON_DETAINED_ONLY:
        match.excluded.append(f"does not take detained cases: “{text}”")
    elif not needs.detained and scope is DetainedScope.DETAINED_ONLY:
        match.excluded.append(f"detained cases only: “{text}”")
    elif needs.detained and scope in (
        DetainedScope.DETAINED_ONLY,
        DetainedScope.BOTH,
        DetainedScope.DETAINED_ACCEPTED,
    ):
        match.reasons.append(Reason(10, f"takes detained cases: “{text}”"))
    elif not needs.detained and scope in (DetainedScope.NON_DETAINED_ONLY, DetainedScope.BOTH):
        match.reasons.append(Reason(5, f"takes non-detained cases: “{text}”"))
    listing = match.option.listing
    if listing and listing.juvenile_docket:
        _children_only(match, needs, f"listed for the {listing.court}")
    court = court_by_id(listing.court_id) if listing and listing.court_id else None
    if court and not needs.detained and _in_detention(court):
        match.reasons.append(
            Reason(
                DETENTION_COURT_POINTS,
                f"listed for {court.name}, a court inside a detention or correctional "
                "facility; the applicant is not detained",
            )
        )


_CUSTODY = re.compile(r"detention|correctional|processing cent|residential cent", re.IGNORECASE)


def _in_detention(court: ImmigrationCourt) -> bool:
    """The court sits in a detention facility: so marked, or its own address says so."""
    if court.detention_facility:
        return True
    return any(_CUSTODY.search(f"{a.street} {court.name}") for a in court.addresses)


def _weigh_kind_and_cost(match: Match) -> None:
    points, label = KIND_POINTS.get(match.provider.kind, (0, "kind of provider not stated"))
    match.reasons.append(Reason(points, label))
    terms = match.option.terms
    cost_points = COST_POINTS.get(terms.cost, 0)
    if cost_points:
        why = f": “{terms.cost_text}”" if terms.cost_text else " (on the EOIR pro bono list)"
        match.reasons.append(Reason(cost_points, f"{terms.cost.value.replace('_', ' ')}{why}"))


def _weigh_accreditation(match: Match, needs: CaseNeeds) -> None:
    status = match.provider.status
    if status and not status.lower().startswith("active"):
        match.excluded.append(f"roster status: {status}")
    if _can_appear_in_court(match.provider) is False:
        if needs.defensive:
            match.excluded.append(
                "representatives are DHS-only: cannot appear in immigration court"
            )
        else:
            match.cautions.append("representatives are DHS-only: USCIS filing only, not court")


def _weigh_case_types(match: Match, needs: CaseNeeds) -> None:
    notes = match.option.terms.case_types
    asylum = [c for c in notes if c.case_type == "asylum"]
    if any(c.offered for c in asylum):
        match.reasons.append(
            Reason(10, f"takes asylum cases: “{next(c for c in asylum if c.offered).text}”")
        )
    elif asylum and "rarely" in asylum[0].text.lower():
        match.reasons.append(Reason(-10, f"rarely takes asylum: “{asylum[0].text}”"))
    elif asylum and "interview" not in asylum[0].text.lower():
        match.excluded.append(f"does not take asylum cases: “{asylum[0].text}”")
    removal = next((c for c in notes if c.case_type == "removal_defense" and c.offered), None)
    if needs.defensive and removal:
        match.reasons.append(Reason(5, f"removal defense: “{removal.text}”"))
    if any(c.case_type == "all_types" and c.offered for c in notes) and not asylum:
        match.reasons.append(Reason(5, "takes all types of immigration cases"))


def _weigh_restrictions(match: Match, needs: CaseNeeds) -> None:
    lives_in = needs.residence_state or needs.state
    for restriction in match.option.terms.restrictions:
        kind, text = restriction.kind, restriction.text
        if kind is RestrictionKind.CHILDREN_ONLY:
            _children_only(match, needs, f"“{text}”")
        elif kind is RestrictionKind.AREA and restriction.places and lives_in:
            if lives_in not in restriction.places:
                match.excluded.append(f"residence rule excludes {lives_in}: “{text}”")
        elif kind is RestrictionKind.AREA:
            _weigh_counties(match, needs, text)
        elif kind is RestrictionKind.NO_CRIMINAL_CASES and needs.criminal_history:
            match.excluded.append(f"no criminal cases: “{text}”")
        elif kind is RestrictionKind.POPULATION:
            match.reasons.append(Reason(-5, f"limited to a named group, check: “{text}”"))
        elif kind is RestrictionKind.ORIGIN and not _EASTERN_EUROPE.search(text):
            match.excluded.append(f"for people from another region: “{text}”")
        elif kind is RestrictionKind.ORIGIN:
            match.reasons.append(Reason(5, f"serves people from the region: “{text}”"))
        elif kind in (RestrictionKind.INCOME, RestrictionKind.COURT, RestrictionKind.PREFERENCE):
            match.cautions.append(f"check: “{text}”")


_EASTERN_EUROPE = re.compile(
    r"\b(belarus\w*|eastern europe\w*|europe\w*|former soviet|post-soviet|russian\w*|"
    r"slavic)\b",
    re.IGNORECASE,
)
"""A named region that includes a Belarusian applicant."""

_TOKEN = re.compile(r"[A-Za-z.'-]+|&|,")
_CONNECTORS = frozenset({"and", "or", "&", ","})


def _names(words: list[str]) -> list[str]:
    """Capitalised names separated by connectors, up to the first other word."""
    names: list[list[str]] = [[]]
    for word in words:
        if word.lower() in _CONNECTORS:
            names.append([])
        elif word[:1].isupper():
            names[-1].append(word)
        else:
            break
    return [" ".join(n) for n in names if n]


def named_counties(text: str) -> list[str]:
    """County names a residence rule gives: 'Nassau and Suffolk county', 'counties of Los
    Angeles, Orange, & Kern' → the names."""
    tokens = _TOKEN.findall(text)
    found: list[str] = []
    for i, token in enumerate(tokens):
        if token.lower() not in {"county", "counties"}:
            continue
        if i + 1 < len(tokens) and tokens[i + 1].lower() == "of":
            found += _names(tokens[i + 2 :])
        else:
            found += [" ".join(reversed(n.split())) for n in _names(tokens[:i][::-1])][::-1]
    return found


def _weigh_counties(match: Match, needs: CaseNeeds, text: str) -> None:
    """A rule naming counties the applicant's address does not name puts a provider listed
    elsewhere below those he can use; at his own court's listing it stays a thing to check
    (no county table: West Hollywood lies in Los Angeles County without saying so)."""
    counties = named_counties(text)
    address = (needs.residence_text or "").lower()
    if needs.residence_county:  # known: the rule is met or it is not, at any court
        address = needs.residence_county.lower()
        unsure = not counties
    else:
        unsure = not counties or _at_case_court(match, needs)
    if unsure or any(c.lower() in address for c in counties):
        match.reasons.append(Reason(-3, f"residence rule to check: “{text}”"))
        return
    where = needs.residence_text or "not recorded"
    match.reasons.append(
        Reason(
            UNMET_COUNTY_POINTS,
            f"residence rule names {' / '.join(counties)} county; the applicant's address "
            f"({where}{_county_note(needs)}) is not shown to be there: “{text}”",
        )
    )


def _county_note(needs: CaseNeeds) -> str:
    return f", {needs.residence_county} County" if needs.residence_county else ""


def _children_only(match: Match, needs: CaseNeeds, why: str) -> None:
    if needs.adult is True:
        match.excluded.append(f"children only: {why}")
    elif needs.adult is None:
        match.cautions.append(f"children only ({why}); the applicant's age is not recorded")


def _weigh_local_facts(match: Match) -> None:
    provider = match.provider
    capacity = (provider.capacity or "").lower()
    if capacity == "full":
        match.reasons.append(Reason(-20, "capacity: full (organization's own list)"))
    elif capacity == "limited":
        match.reasons.append(Reason(-5, "capacity: limited (organization's own list)"))
    elif capacity == "open":
        match.reasons.append(Reason(5, "capacity: open (organization's own list)"))
    if provider.asylum_experience:
        match.reasons.append(Reason(5, f"asylum experience: {provider.asylum_experience}"))
    if provider.fees:
        match.cautions.append(f"fees: {provider.fees}")


def language_label(code: str) -> str:
    return language_name(code)
