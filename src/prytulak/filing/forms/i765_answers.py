"""Case file → I-765 answers for category (c)(8), employment authorization while asylum is pending.

Only what the case states is written. Two questions the case file cannot answer are left for the
attorney: whether an I-765 was filed before (and so the reason for applying), and the current
immigration status (it changes when the I-589 is filed).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from prytulak.case import Address, CaseFile, Event, HarmType, RepresentativeKind

from .i589_answers import entry_status
from .values import phone_parts, unit, us_date, yes_no

__all__ = ["i765_answers", "i765_arrest_events"]

I765_ARREST_HARMS = frozenset({HarmType.DETENTION, HarmType.PROSECUTION, HarmType.CONVICTION})
"""Item 30 asks whether the applicant was ever arrested for or convicted of a crime. Being
questioned (an interrogation without detention) is neither: unlike I-589 B.2, which asks about
being "accused, charged, arrested, detained, interrogated", it does not make item 30 Yes."""


def i765_arrest_events(case: CaseFile) -> list[Event]:
    """The applicant's events that make I-765 item 30 Yes: detained (arrested), prosecuted or
    convicted, or charged with an offence."""
    return [e for e in case.claim.timeline() if I765_ARREST_HARMS & set(e.harms) or e.charges]


Answers = dict[str, str]


def _put(out: Answers, key: str, value: str | None) -> None:
    if value is not None and str(value).strip():
        out[key] = str(value).strip()


_REMARK = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _split_name(name: str) -> tuple[str | None, str | None]:
    """(family name, given name) from a name written as one string.

    Remarks in brackets are dropped ("Siarhei Lahvin (pen name)" → ('Lahvin', 'Siarhei')); a
    comma separates the family name first ("Kozlov, Evgeniy"); otherwise the last word is the
    family name ("Evgeniy Kozlov" → ('Kozlov', 'Evgeniy'))."""
    text = " ".join(_REMARK.sub(" ", name).split()).strip(" ,;")
    if "," in text:
        family, _, given = text.partition(",")
        return family.strip() or None, " ".join(given.split()) or None
    words = text.split()
    if not words:
        return None, None
    return words[-1], " ".join(words[:-1]) or None


def _digits_phone(phone: str | None) -> str | None:
    area, number = phone_parts(phone)
    if area and number:
        return area + number.replace("-", "")
    return number


def _address(out: Answers, prefix: str, address: Address | None) -> None:
    if address is None:
        return
    found = unit(address)
    values = {
        "in_care_of": address.in_care_of,
        "street": address.street,
        "apartment": found.number if found else None,
        "unit": found.kind if found else None,
        "city": address.city,
        "zip": address.postal_code if address.country == "United States" else None,
        "postal_code": address.postal_code if address.country != "United States" else None,
        "country": address.country,
    }
    if address.country == "United States":
        values["state"] = address.region
    else:
        values["province"] = address.region
    for key, value in values.items():
        _put(out, f"{prefix}.{key}", value)


def i765_answers(case: CaseFile, capacity: Mapping[str, int]) -> Answers:
    out: Answers = {"category.1": "c", "category.2": "8"}
    _applicant(case, out, capacity.get("other_names", 3))
    _travel(case, out)
    _statement(case, out)
    return out


def _applicant(case: CaseFile, out: Answers, other_capacity: int) -> None:
    a = case.applicant
    _put(out, "applicant.last_name", a.name.family)
    _put(out, "applicant.first_name", a.name.given)
    _put(out, "applicant.middle_name", a.name.middle)
    for index, other in enumerate(a.name.other_names[:other_capacity], start=1):
        family, given = _split_name(other)
        _put(out, f"other_name.{index}.last_name", family)
        _put(out, f"other_name.{index}.first_name", given)
    _put(out, "applicant.a_number", a.a_number)
    _put(out, "applicant.uscis_account", a.uscis_account)
    _put(out, "applicant.ssn", a.ssn.replace("-", "") if a.ssn else None)
    _put(out, "applicant.sex", a.sex.value if a.sex else None)
    _put(out, "applicant.marital_status", a.marital_status.value if a.marital_status else None)
    _put(out, "applicant.citizenship.1", a.nationality)
    if a.birth is not None:
        _put(out, "applicant.birth_city", a.birth.city)
        _put(out, "applicant.birth_country", a.birth.country)
        _put(out, "applicant.birth_date", us_date(a.birth.date))
    _put(out, "applicant.phone", _digits_phone(a.phone))
    _put(out, "applicant.email", a.email)
    mailing = a.mailing_address or a.residence
    _address(out, "mailing", mailing)
    if a.residence is not None:
        _put(out, "mailing.same_as_physical", yes_no(a.mailing_address is None))
    if a.mailing_address is not None:
        _address(out, "physical", a.residence)
    if a.passports:
        passport = a.passports[0]
        key = "number" if passport.kind == "passport" else "travel_document_number"
        _put(out, f"passport.{key}", passport.number)
        _put(out, "passport.country", passport.issuing_country)
        _put(out, "passport.expires", us_date(passport.expires))


def _travel(case: CaseFile, out: Answers) -> None:
    last = case.travel.last_arrival()
    _put(out, "travel.i94", case.travel.i94 or (last.i94 if last else None))
    if last is not None:
        _put(out, "travel.last_entry_date", us_date(last.date))
        _put(out, "travel.last_entry_place", last.place)
        _put(out, "travel.last_entry_status", entry_status(last))
    crimes_in_us = case.claim.bars.crimes_in_us
    # Yes when an arrest is recorded anywhere; otherwise the U.S. question decides, and while
    # it is not asked (None) both boxes stay empty: None is never "no".
    arrested = True if i765_arrest_events(case) or crimes_in_us else crimes_in_us
    _put(out, "c8.arrested", yes_no(arrested))


def _statement(case: CaseFile, out: Answers) -> None:
    rep = case.representation
    languages = case.applicant.languages
    if languages is not None and languages.fluent_in_english:
        out["part3.reads_english"] = "yes"
    elif rep.interpreter is not None:
        out["part3.interpreter_used"] = "yes"
        _put(out, "part3.interpreter_language", rep.interpreter.language)
    if rep.interpreter is not None:
        family, given = _split_name(rep.interpreter.name)
        _put(out, "interpreter.last_name", family)
        _put(out, "interpreter.first_name", given)
        _put(out, "interpreter.language", rep.interpreter.language)
        _put(out, "interpreter.phone", _digits_phone(rep.interpreter.phone))
        _address(out, "interpreter", rep.interpreter.address)
    preparer = rep.preparer or rep.representative
    if preparer is None:
        return
    out["part3.preparer_used"] = "yes"
    _put(out, "preparer.name", preparer.name)
    family, given = _split_name(preparer.name)
    _put(out, "preparer.last_name", family)
    _put(out, "preparer.first_name", given)
    _put(out, "preparer.phone", _digits_phone(preparer.phone))
    _address(out, "preparer", preparer.address)
    representative = rep.representative
    if representative is not None and preparer is representative:
        _put(out, "preparer.organization", representative.organization)
        _put(out, "preparer.email", representative.email)
        is_attorney = representative.kind in (
            RepresentativeKind.ATTORNEY,
            RepresentativeKind.ACCREDITED_REPRESENTATIVE,
        )
        _put(out, "preparer.is_attorney", yes_no(is_attorney))
        _put(out, "preparer.extends_beyond", yes_no(representative.g28_attached))
        _put(out, "representative.bar_number", representative.bar_number)
        _put(out, "representative.uscis_account", representative.uscis_account)
        _put(out, "representative.g28_attached", yes_no(representative.g28_attached))
    elif representative is None:
        out["preparer.is_attorney"] = "no"
