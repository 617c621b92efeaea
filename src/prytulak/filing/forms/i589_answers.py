"""Case file → I-589 answers: a flat map of answer keys (``applicant.last_name``) to text.

The keys are the same for every I-589 edition; each edition's field map says which PDF field
shows which key. A missing key means the case does not answer that question: the field is left
blank (or gets the map's ``if_empty`` value, e.g. "None") and is listed for the attorney.
Table rows beyond the form's capacity come back as :class:`Continuation` for Supplement B, and
children beyond the fourth as Supplement A blocks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from prytulak.case import (
    Address,
    CaseFile,
    Child,
    EntryManner,
    FamilyLocation,
    Ground,
    MaritalStatus,
    PartialDate,
    Passport,
    Relative,
    Spouse,
    ThirdCountryStatus,
    UsEntry,
)

from ..one_year import filing_time
from ..sentences import clause
from . import i589_narratives as narratives
from .continuation import Continuation
from .values import month_year, phone_parts, place, street_line, unit, us_date, yes_no

__all__ = [
    "ENTRY_STATUS",
    "I589Answers",
    "entry_status",
    "entry_status_notes",
    "i589_answers",
    "is_applicable",
]

Answers = dict[str, str]

ENTRY_STATUS = {
    EntryManner.B1_B2: "B1/B2",
    EntryManner.B2: "B2",
    EntryManner.F1: "F1",
    EntryManner.J1: "J1",
    EntryManner.PAROLE: "Parole",
    EntryManner.HUMANITARIAN_PAROLE: "Humanitarian parole",
    EntryManner.CBP_ONE_PAROLE: "Parole (CBP One)",
    EntryManner.WITHOUT_INSPECTION: "EWI",
}
"""The class of admission or status written for each manner of entry (I-589 A.I 19.c, I-765
item 24). ``other`` has none: the attorney writes it (a note says so). The free-text
``status_detail`` is never written in these boxes: it may hold what the form does not ask
(an earlier visa refusal, how an appointment was made)."""


def entry_status(entry: UsEntry) -> str | None:
    return ENTRY_STATUS.get(entry.manner)


def entry_status_notes(
    entries: list[UsEntry],
    form_item: str,
    where: str = "; add it on a supplement only if it helps the claim",
) -> list[str]:
    """Notes for entries whose status the form leaves to the attorney, or whose free-text
    detail is not written on the form."""
    notes = []
    for entry in entries:
        when = entry.date.describe()
        detail = f' The case notes: "{clause(entry.status_detail)}".' if entry.status_detail else ""
        if entry_status(entry) is None:
            notes.append(
                f"{form_item}: the status at the entry of {when} is recorded only as 'other' "
                f"(travel.us_entries[].manner): write the class of admission.{detail}"
            )
        elif entry.status_detail:
            notes.append(
                f"{form_item}: the entry of {when} is written as {entry_status(entry)}; its "
                f'detail "{clause(entry.status_detail)}" (travel.us_entries[].status_detail) is '
                f"not written on the form{where}"
            )
    return notes


@dataclass
class I589Answers:
    main: Answers = field(default_factory=dict)
    supplement_children: list[Answers] = field(default_factory=list)
    """Children after the fourth, each keyed like a child block (``last_name`` ...)."""
    continuations: list[Continuation] = field(default_factory=list)
    """Table rows that the form has no room for."""
    notes: list[str] = field(default_factory=list)
    """What the attorney must do about particular answers (e.g. a bars question not asked)."""
    noted: set[str] = field(default_factory=set)
    """Answer keys a note in ``notes`` already covers (left out of the generic gap list)."""

    def put(self, key: str, value: str | None) -> None:
        if value is not None and str(value).strip():
            self.main[key] = str(value).strip()

    def put_all(self, prefix: str, values: Mapping[str, str | None]) -> None:
        for key, value in values.items():
            self.put(f"{prefix}.{key}", value)


def i589_answers(case: CaseFile, capacity: Mapping[str, int]) -> I589Answers:
    out = I589Answers()
    _applicant(case, out)
    _travel(case, out, capacity.get("entries", 3))
    _spouse(case, out)
    _children(case, out, capacity.get("children", 4))
    _background(case, out, capacity)
    _part_b(case, out)
    _part_c(case, out)
    _part_d_e(case, out, capacity.get("family_helpers", 2))
    out.put("header.a_number", case.applicant.a_number)
    out.put("header.name", case.applicant.name.full())
    return out


def _address(prefix: str, address: Address | None, phone: str | None, out: I589Answers) -> None:
    area, number = phone_parts(phone)
    if address is None:
        return
    found = unit(address)
    apartment = found.number if found and found.kind == "apt" else None
    out.put_all(
        prefix,
        {
            # The I-589 has an "Apt. Number" box only: a suite or floor stays on the street line
            "street": address.street if apartment or not found else street_line(address),
            "apartment": apartment,
            "city": address.city,
            "state": address.region,
            "zip": address.postal_code,
            "area_code": area,
            "phone": number,
            "in_care_of": address.in_care_of,
        },
    )


def _applicant(case: CaseFile, out: I589Answers) -> None:
    a = case.applicant
    native = a.name.native[0].full() if a.name.native else None
    out.put_all(
        "applicant",
        {
            "a_number": a.a_number,
            "ssn": a.ssn.replace("-", "") if a.ssn else None,
            "uscis_account": a.uscis_account,
            "last_name": a.name.family,
            "first_name": a.name.given,
            "middle_name": a.name.middle,
            "other_names": ", ".join(a.name.other_names) or None,
            "sex": a.sex.value if a.sex else None,
            "marital_status": a.marital_status.value if a.marital_status else None,
            "birth_date": us_date(a.birth.date) if a.birth else None,
            "birth_place": place(a.birth.city, a.birth.country) if a.birth else None,
            "nationality": a.nationality,
            "nationality_at_birth": a.nationality_at_birth,
            "ethnicity": a.ethnicity,
            "religion": a.religion,
            "full_name": a.name.full(),
            "native_name": native,
        },
    )
    if a.languages is not None:
        out.put("applicant.native_language", a.languages.native)
        out.put("applicant.other_languages", ", ".join(a.languages.other) or None)
        out.put("applicant.fluent_in_english", yes_no(a.languages.fluent_in_english))
    _address("residence", a.residence, a.phone, out)
    if a.mailing_address is not None:
        _address("mailing", a.mailing_address, None, out)
    elif a.residence is not None and a.residence.in_care_of:
        # Item 8 has no "in care of" box: mail reaches the applicant in care of someone at the
        # residence, so item 9 gives that address with the name (the I-765 writes it too).
        _address("mailing", a.residence, None, out)
        out.notes.append(
            f"A.I item 9: the residence is in care of {a.residence.in_care_of}; item 9 repeats "
            "the residence address with that name so mail reaches the applicant (as on the "
            "I-765): check it"
        )
    if a.passports:
        _passport(a.passports[0], out)


def _passport(passport: Passport, out: I589Answers) -> None:
    out.put("passport.country", passport.issuing_country)
    key = "number" if passport.kind == "passport" else "travel_document_number"
    out.put(f"passport.{key}", passport.number)
    out.put("passport.expires", us_date(passport.expires))


def _travel(case: CaseFile, out: I589Answers, capacity: int) -> None:
    travel = case.travel
    out.put("court.history", travel.court.history.value)
    out.put("claim.apply_for_cat", yes_no(case.claim.apply_for_cat))
    departure = travel.last_departure()
    out.put("travel.last_left_home_country", us_date(departure.date) if departure else None)
    last = travel.last_arrival()
    out.put("travel.i94", travel.i94 or (last.i94 if last else None))
    entries = sorted(travel.us_entries, key=lambda e: e.date.sort_key(), reverse=True)
    rows = []
    out.notes += entry_status_notes(entries, "A.I 19.c")
    for index, entry in enumerate(entries, start=1):
        status = entry_status(entry)
        row = {"date": us_date(entry.date), "place": entry.place, "status": status}
        if index == 1:
            row["status_expires"] = us_date(entry.status_expires)
        if index <= capacity:
            out.put_all(f"entry.{index}", row)
        else:
            rows.append(f"{row['date']}, {entry.place}, status {status or 'not recorded'}")
    _rows_continue(out, "A.I", "19.c", "U.S. entries", rows)


def _rows_continue(out: I589Answers, part: str, question: str, what: str, rows: list[str]) -> None:
    if rows:
        title = f"Part {part}, Question {question} (continued): further {what}"
        out.continuations.append(Continuation(part, question, title, "\n".join(rows)))


def _derivative_values(person: Child | Spouse) -> dict[str, str | None]:
    presence = person.us_presence
    in_us = {FamilyLocation.IN_US: "yes", FamilyLocation.UNKNOWN: None}.get(person.location, "no")
    values: dict[str, str | None] = {
        "a_number": person.a_number,
        "passport": person.passport_number,
        "birth_date": us_date(person.birth.date),
        "ssn": person.ssn.replace("-", "") if person.ssn else None,
        "last_name": person.name.family,
        "first_name": person.name.given,
        "middle_name": person.name.middle,
        "other_names": ", ".join(person.name.other_names) or None,
        "birth_place": place(person.birth.city, person.birth.country),
        "nationality": person.nationality,
        "ethnicity": person.ethnicity,
        "sex": person.sex.value if person.sex else None,
        "in_us": in_us,
        "location": person.location_detail if in_us == "no" else None,
        "included": yes_no(person.include_in_application),
    }
    if presence is not None and in_us == "yes":
        values.update(
            {
                "last_entry_place": presence.last_entry_place,
                "last_entry_date": us_date(presence.last_entry_date),
                "i94": presence.i94,
                "status_when_admitted": presence.status_when_admitted,
                "current_status": presence.current_status,
                "status_expires": us_date(presence.status_expires),
                "in_court": yes_no(presence.in_court_proceedings),
                "previous_arrival_date": us_date(presence.previous_arrival_date),
            }
        )
    if isinstance(person, Child):
        values["marital_status"] = person.marital_status.value.capitalize()
    else:
        values["marriage_date"] = us_date(person.marriage_date)
        values["marriage_place"] = person.marriage_place
    return values


def _spouse(case: CaseFile, out: I589Answers) -> None:
    spouse = case.family.spouse
    if spouse is None:
        if case.applicant.marital_status not in (None, MaritalStatus.MARRIED):
            out.put("spouse.not_married", "yes")
        return
    out.put_all("spouse", _derivative_values(spouse))


def _children(case: CaseFile, out: I589Answers, capacity: int) -> None:
    children = case.family.children
    out.put("children.any", yes_no(bool(children)))
    if children:
        out.put("children.count", str(len(children)))
    for index, child in enumerate(children, start=1):
        if index <= capacity:
            out.put_all(f"child.{index}", _derivative_values(child))
        else:
            values = _derivative_values(child)
            out.supplement_children.append({k: v for k, v in values.items() if v})


def _background(case: CaseFile, out: I589Answers, capacity: Mapping[str, int]) -> None:
    history = case.history
    dated = {_same_place(r.address): r for r in history.residences}
    for row, address in ((1, history.last_address_abroad), (2, history.last_address_in_belarus)):
        if address is None or (row == 2 and address == history.last_address_abroad):
            continue
        match = dated.get(_same_place(address))
        out.put_all(
            f"last_address.{row}",
            _address_row(
                address, match.start if match else None, match.end if match else None, False
            ),
        )
    rows = []
    for index, residence in enumerate(history.residences, start=1):
        values = _address_row(residence.address, residence.start, residence.end, index == 1)
        if index <= capacity.get("residences", 5):
            out.put_all(f"residence.{index}", values)
        else:
            rows.append(", ".join(v for v in values.values() if v))
    _rows_continue(out, "A.III", "2", "residences", rows)
    _education(case, out, capacity.get("education", 4))
    _employment(case, out, capacity.get("employment", 3))
    _relatives(case, out, capacity.get("siblings", 4))


_REMARK = re.compile(r"\([^)]*\)")


def _same_place(address: Address) -> tuple[str, str]:
    """The street and city an address is matched by: 'vul. Savetskaja 7, kv. 21' is the
    residence 'vul. Savetskaja 7, kv. 21 (grandmother)' (remarks in brackets, case and spaces
    aside)."""

    def plain(text: str | None) -> str:
        return " ".join(_REMARK.sub(" ", text or "").lower().replace(",", " ").split())

    return plain(street_line(address)), plain(address.city)


def _address_row(
    address: Address, start: PartialDate | None, end: PartialDate | None, current: bool
) -> dict[str, str | None]:
    return {
        "street": street_line(address),
        "city": address.city,
        "region": address.region,
        "country": address.country,
        "from": month_year(start),
        "to": month_year(end) or ("Present" if current else None),
    }


def _education(case: CaseFile, out: I589Answers, capacity: int) -> None:
    rows = []
    # The form lists schools most recent first, whatever order the case file has them in
    schools = sorted(
        case.history.education,
        key=lambda e: e.start.sort_key() if e.start else (date.min, date.min),
        reverse=True,
    )
    for index, school in enumerate(schools, start=1):
        current = index == 1 and school.end is None and school.start is not None
        values = {
            "school": school.school,
            "kind": school.kind,
            "location": school.location,
            "from": month_year(school.start),
            "to": month_year(school.end) or ("Present" if current else None),
        }
        if index <= capacity:
            out.put_all(f"education.{index}", values)
        else:
            rows.append(", ".join(v for v in values.values() if v))
    _rows_continue(out, "A.III", "3", "schools", rows)


def _employment(case: CaseFile, out: I589Answers, capacity: int) -> None:
    rows = []
    for index, job in enumerate(case.history.employment, start=1):
        values = {
            "employer": place(job.employer, job.address),
            "occupation": job.occupation,
            "from": month_year(job.start),
            "to": month_year(job.end) or ("Present" if index == 1 else None),
        }
        if index <= capacity:
            out.put_all(f"employment.{index}", values)
        else:
            rows.append(", ".join(v for v in values.values() if v))
    _rows_continue(out, "A.III", "4", "employment", rows)


def _relative_values(relative: Relative) -> dict[str, str | None]:
    return {
        "name": relative.name.full(),
        "birth_place": relative.birth_place,
        "location": relative.location or ("N/A (deceased)" if relative.deceased else None),
        "deceased": yes_no(relative.deceased),
    }


def _relatives(case: CaseFile, out: I589Answers, capacity: int) -> None:
    rows = []
    siblings = [r for r in case.family.relatives if r.relation == "sibling"]
    for relation in ("mother", "father"):
        parent = next((r for r in case.family.relatives if r.relation == relation), None)
        if parent is not None:
            out.put_all(f"relative.{relation}", _relative_values(parent))
    for index, sibling in enumerate(siblings, start=1):
        values = _relative_values(sibling)
        if index <= capacity:
            out.put_all(f"sibling.{index}", values)
        else:
            dead = " (deceased)" if sibling.deceased else ""
            rows.append(
                f"{values['name']}, born {values['birth_place']}, {values['location']}{dead}"
            )
    _rows_continue(out, "A.III", "5", "siblings", rows)


def _part_b(case: CaseFile, out: I589Answers) -> None:
    grounds = set(case.claim.grounds)
    for ground in Ground:
        out.put(f"ground.{ground.value}", yes_no(ground in grounds))
    if case.claim.apply_for_cat:
        out.put("ground.torture_convention", "yes")
    questions = {
        "1a": narratives.past_harm_text(case),
        "1b": narratives.fears_text(case),
        "2": narratives.arrests_text(case),
        "3a": narratives.organizations_text(case),
        "3b": narratives.organizations_text(case, continuing_only=True),
        "4": narratives.torture_text(case),
    }
    for key, text in questions.items():
        out.put(f"part_b.{key}", yes_no(text is not None))
        out.put(f"part_b.{key}.text", text)
    out.notes += _organization_notes(case)
    family = narratives.family_arrests(case)
    if family:
        whom = ", ".join(sorted({h.who for h in family}))
        out.notes.append(
            f"B.2 lists {len(family)} entr{'y' if len(family) == 1 else 'ies'} of harm to family "
            f"({whom}) because their words say a relative was questioned, summoned, detained, "
            "charged or imprisoned: check that each belongs in B.2, and that no other family "
            "member's arrest, detention, interrogation, charge or conviction is missing"
        )


def _organization_notes(case: CaseFile) -> list[str]:
    """B.3.A/B ask about organizations in the home country: those recorded abroad are left
    out (they are activities abroad); those with no place recorded are listed, and the ones
    joined after leaving are named for the attorney to check."""
    notes = []
    home = narratives.home_organizations(case)
    abroad = [o for o in case.claim.organizations if o not in home]
    if abroad:
        names = "; ".join(f"{o.name} ({o.country})" for o in abroad)
        notes.append(
            f"B.3.A and B.3.B leave out organizations outside the home country: {names}; "
            "describe them with the activities abroad (sur place) in the declaration"
        )
    departure = case.travel.last_departure()
    later = [
        o.name
        for o in home
        if o.country is None and departure and o.start and o.start.earliest > departure.date.latest
    ]
    if later:
        notes.append(
            "B.3.A and B.3.B list organizations joined after leaving Belarus, so possibly abroad: "
            f"{'; '.join(later)}; if one exists only outside Belarus, record its country "
            "(claim.organizations[].country) and it moves out of B.3"
        )
    return notes


BARS_QUESTIONS = {
    "3": (
        "harmed_others",
        "whether the applicant, spouse or children ever ordered, incited, assisted or otherwise "
        "participated in causing harm or suffering to any person (persecutor bar)",
    ),
    "6": (
        "crimes_in_us",
        "whether the applicant or any included family member ever committed a crime or was "
        "arrested, charged, convicted or sentenced for any crime in the United States",
    ),
}
"""Part C questions answered from ``claim.bars``: question → (bars field, what to ask)."""


def _part_c(case: CaseFile, out: I589Answers) -> None:
    bars = case.claim.bars
    for question, (name, ask) in BARS_QUESTIONS.items():
        if getattr(bars, name) is None:
            out.notes.append(
                f"C.{question} not answered: ask the applicant {ask}, and record the "
                f"answer (claim.bars.{name}); both Yes and No are left empty"
            )
            out.noted.add(f"part_c.{question}")
    third = case.travel.third_countries
    late = _filed_late(case, out)
    if late:
        out.notes += narratives.late_filing_notes(case)
    questions: dict[str, tuple[bool | None, str | None]] = {
        "1": (bool(case.claim.prior_applications), narratives.prior_applications_text(case)),
        "2a": (bool(third), narratives.third_countries_text(case)),
        "2b": (_lawful_status_elsewhere(case, out), None),
        "3": (bars.harmed_others, bars.harmed_others_explanation),
        "4": (any(d.returned for d in case.travel.departures), narratives.returns_text(case)),
        "5": (late, narratives.late_filing_text(case)),
        "6": (bars.crimes_in_us, bars.crimes_explanation),
    }
    for key, (answer, text) in questions.items():
        out.put(f"part_c.{key}", yes_no(answer))
        out.put(f"part_c.{key}.text", text if answer else None)
    out.put("part_c.2.text", narratives.third_countries_text(case))


NOT_LAWFUL_STATUS = frozenset({ThirdCountryStatus.NONE, ThirdCountryStatus.VISA_FREE})
"""Third-country stays that are no lawful status applied for or received (C.2.B): transit,
and a visitor's stay without a visa."""


def _lawful_status_elsewhere(case: CaseFile, out: I589Answers) -> bool:
    """C.2.B: the applicant, or a family member included in the application, applied for or
    received lawful status in a country other than Belarus. The case file records third-country
    stays for the applicant only: included family members are left to the attorney (a note)."""
    applied = any(
        s.status not in NOT_LAWFUL_STATUS or s.sought_protection
        for s in case.travel.third_countries
    )
    family = case.family
    included = [p for p in (family.spouse, *family.children) if p and p.include_in_application]
    if included:
        names = ", ".join(p.name.full() for p in included)
        answer = "Yes" if applied else "No"
        out.notes.append(
            f"C.2.B is {answer} from the applicant's own stays (travel.third_countries); the "
            f"case file does not record where the family members included in the application "
            f"({names}) applied for or received lawful status: ask, and change the answer if "
            "any of them did"
        )
    return applied


def _filed_late(case: CaseFile, out: I589Answers) -> bool | None:
    """More than a year after the last arrival (C.5), from the dates alone: a recorded
    ``claim.late_filing`` explains a late filing, it does not make one. None (both boxes left
    empty, with a note) when the dates do not tell.

    With no filing date recorded the form is taken to be filed today (USCIS rejects a form
    with this box blank), and a note asks for the planned filing date."""
    timing = filing_time(case, date.today())
    if timing.late is None:
        if timing.why_unknown and case.travel.last_arrival() is not None:
            out.notes.append(
                f"C.5 not answered: {timing.why_unknown}; check the exact dates and answer "
                "whether the application is filed more than one year after the last arrival"
            )
            out.noted.add("part_c.5")
        return None
    if timing.assumed_today:
        out.notes.append(
            "C.5 answered as if filed today: set filing.planned_filing_date for the real day"
        )
        out.noted.add("part_c.5")
    if not timing.late and case.claim.late_filing is not None:
        out.notes.append(
            "C.5 is No: the application is filed within one year of the last arrival, so the "
            "late-filing reasons recorded in claim.late_filing are not written on the form"
        )
    return timing.late


def _part_d_e(case: CaseFile, out: I589Answers, helper_capacity: int) -> None:
    rep = case.representation
    out.put("part_d.family_helped", yes_no(bool(rep.family_helpers)))
    for index, helper in enumerate(rep.family_helpers[:helper_capacity], start=1):
        name, _, relation = helper.partition("(")
        out.put(f"part_d.helper.{index}.name", name.strip())
        out.put(f"part_d.helper.{index}.relationship", relation.rstrip(")").strip() or None)
    extra = rep.family_helpers[helper_capacity:]
    _rows_continue(out, "D", "helpers", "family members who helped", list(extra))
    out.put(
        "part_d.other_preparer", yes_no(rep.preparer is not None or rep.representative is not None)
    )
    out.put("part_d.provider_list", yes_no(rep.received_provider_list))
    preparer = rep.preparer or rep.representative
    if preparer is not None:
        out.put("preparer.name", preparer.name)
        _address("preparer", preparer.address, preparer.phone, out)
    if rep.representative is not None:
        out.put("representative.bar_number", rep.representative.bar_number)
        out.put("representative.uscis_account", rep.representative.uscis_account)
        out.put("representative.g28_attached", yes_no(rep.representative.g28_attached))


_BLOCKS = re.compile(
    r"^(spouse|child\.\d+|supp_a\.\d+|supp_b|entry\.\d+|residence\.\d+|education\.\d+|"
    r"employment\.\d+|sibling\.\d+|last_address\.\d+|part_d\.helper\.\d+|mailing|preparer|"
    r"representative|relative\.(mother|father))\."
)
_US_PRESENCE = (
    "last_entry_place",
    "last_entry_date",
    "i94",
    "status_when_admitted",
    "current_status",
    "status_expires",
    "in_court",
    "previous_arrival_date",
)
_ALTERNATIVES = {
    "passport.number",
    "passport.travel_document_number",
    "children.count",
    "spouse.not_married",
    "header.a_number",
}


def is_applicable(key: str, answers: Mapping[str, str]) -> bool:
    """Whether an unanswered key is a real gap (not an unused row or an inapplicable item)."""
    if key in _ALTERNATIVES:
        return False
    if key.endswith(".text"):
        return answers.get(key.removesuffix(".text")) == "yes"
    match = _BLOCKS.match(key)
    if match is None:
        return True
    block = match.group(0)
    if not any(k.startswith(block) and k not in _ALTERNATIVES for k in answers):
        return False
    field_name = key.removeprefix(block)
    if field_name in _US_PRESENCE:
        return answers.get(f"{block}in_us") == "yes"
    if field_name == "location":
        return answers.get(f"{block}in_us") == "no"
    return True
