"""The referral packet: a short summary of a case for a prospective attorney.

What is in it: profile, key dates (arrival, the one-year filing deadline, hearing and court),
the claim in headlines, languages, and the evidence (on hand, described only, or not
obtainable). Identifying details (name,
A-number, address, phone and e-mail, birth date) are withheld unless ``referral-consent.yaml``
records the applicant's consent for this recipient; withheld text is also removed from every
free-text line (evidence titles, event summaries), so a name cannot leak through a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from prytulak.case import CaseFile, PersonName
from prytulak.law import RuleFileError, Status, assess, headline

from .consent import Consent, ConsentRecord, Detail
from .courts import case_court
from .needs import case_needs
from .service_terms import language_name

__all__ = ["WITHHELD", "ReferralPacket", "build_referral", "render_markdown"]

WITHHELD = "[withheld: no consent recorded]"
DISCLAIMER = (
    "Prepared with Prytulak from the case file. A draft for the receiving attorney's review; "
    "not legal advice. Confidential: asylum information is protected by 8 CFR 208.6."
)
ONE_YEAR_RULE = "INA 208(a)(2)(B), 8 U.S.C. 1158(a)(2)(B); 8 CFR 208.4(a)(2)"


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)


@dataclass
class ReferralPacket:
    title: str
    recipient: str | None
    prepared_on: date
    consent: Consent | None
    shared: set[Detail]
    sections: list[Section]
    disclaimer: str = DISCLAIMER


class _Redactor:
    """Removes the applicant's identifying strings from free text unless consent allows them."""

    def __init__(self, case: CaseFile, shared: set[Detail]) -> None:
        self.patterns: list[re.Pattern[str]] = []
        applicant = case.applicant
        if Detail.NAME not in shared:
            names = [applicant.name.family, applicant.name.given, *applicant.name.other_names]
            names += [part for n in applicant.name.native for part in (n.family, n.given)]
            names += [applicant.name.patronymic or ""]
            names += [
                part for person in _family_names(case) for part in (person.family, person.given)
            ]
            self._add(sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True))
        if Detail.A_NUMBER not in shared and applicant.a_number:
            digits = applicant.a_number
            self.patterns.append(
                re.compile(r"A?[\s-]?" + r"[\s-]?".join(digits.lstrip("0") or digits))
            )
        if Detail.ADDRESS not in shared:
            places = [
                a.street for a in (applicant.residence, applicant.mailing_address) if a and a.street
            ]
            self._add(places)
        if Detail.CONTACT not in shared:
            self._add([x for x in (applicant.phone, applicant.email) if x])

    def _add(self, texts: list[str]) -> None:
        for text in texts:
            self.patterns.append(re.compile(re.escape(text), re.IGNORECASE))

    def __call__(self, text: str) -> str:
        for pattern in self.patterns:
            text = pattern.sub("[withheld]", text)
        return text


def _family_names(case: CaseFile) -> list[PersonName]:
    family = case.family
    people = [r.name for r in family.relatives] + [c.name for c in family.children]
    if family.spouse:
        people.append(family.spouse.name)
    return people


def build_referral(
    case: CaseFile, consents: ConsentRecord, today: date, recipient: str | None = None
) -> ReferralPacket:
    shared, consent = consents.allowed(recipient, today)
    redact = _Redactor(case, shared)
    sections = [
        _consent_section(shared, consent),
        _profile(case, shared, today),
        _dates(case, today),
        _claim(case, redact),
        _assessment(case, today, redact),
        _evidence(case, redact),
        _referrer(case),
    ]
    return ReferralPacket(
        title="Referral summary: asylum case of a Belarusian national",
        recipient=recipient,
        prepared_on=today,
        consent=consent,
        shared=shared,
        sections=[s for s in sections if s.lines],
    )


def _consent_section(shared: set[Detail], consent: Consent | None) -> Section:
    if consent is None:
        return Section("Consent", [
            "No consent to share identifying details is recorded (referral-consent.yaml in the "
            "case folder). Name, A-number, address, contacts and birth date are withheld; ask "
            "the referring contact below to arrange an intake.",
        ])  # fmt: skip
    details = ", ".join(sorted(d.value.replace("_", " ") for d in shared))
    return Section("Consent", [
        f"The applicant agreed on {consent.given_on.isoformat()} to share: {details} "
        f"(recipient: {consent.recipient}; how: {consent.how}; recorded by {consent.recorded_by}).",
    ])  # fmt: skip


def _profile(case: CaseFile, shared: set[Detail], today: date) -> Section:
    applicant = case.applicant
    lines = [
        f"Name: {applicant.name.full() if Detail.NAME in shared else WITHHELD}",
        f"A-number: {_a_number(case) if Detail.A_NUMBER in shared else WITHHELD}",
        f"Nationality: {applicant.nationality}",
    ]
    if applicant.sex:
        lines.append(f"Sex: {applicant.sex.value}")
    if applicant.birth:
        age = relativedelta(today, applicant.birth.date.latest).years
        born = applicant.birth.date.describe() if Detail.BIRTH_DATE in shared else WITHHELD
        lines.append(f"Age: about {age}; date of birth: {born}")
    lines.append(f"Residence: {_residence(case, shared)}")
    if Detail.CONTACT in shared:
        contact = ", ".join(x for x in (applicant.phone, applicant.email) if x)
        lines.append(f"Contact: {contact or 'none recorded'}")
    needs = case_needs(case, today)
    spoken = [language_name(c) for c in (*needs.primary_languages, *needs.other_languages)]
    english = (
        "speaks English fluently"
        if applicant.languages and applicant.languages.fluent_in_english
        else "needs an interpreter (not fluent in English)"
    )
    lines.append(f"Languages: {', '.join(spoken)}; {english}")
    return Section("Applicant", lines)


def _a_number(case: CaseFile) -> str:
    number = case.applicant.a_number
    return f"A{number[:3]}-{number[3:6]}-{number[6:]}" if number else "none"


def _residence(case: CaseFile, shared: set[Detail]) -> str:
    residence = case.applicant.residence
    if residence is None:
        return "not recorded"
    if Detail.ADDRESS in shared:
        return residence.one_line()
    return f"state: {residence.region or 'not recorded'} (street and city {WITHHELD})"


def _dates(case: CaseFile, today: date) -> Section:
    lines = []
    arrival = case.travel.last_arrival()
    if arrival:
        lines.append(f"Last arrival in the US: {arrival.date.describe()} ({arrival.manner.value})")
        deadline = arrival.date.earliest + relativedelta(years=1)
        left = (deadline - today).days
        state = (
            f"{left} days left"
            if left >= 0
            else f"passed {-left} days ago: an exception must be shown"
        )
        lines.append(
            f"One-year filing deadline: {deadline.isoformat()} ({state}); counted from the "
            f"earliest possible arrival day, {ONE_YEAR_RULE}. The attorney must confirm it."
        )
    filing = case.filing
    filed = f"filed {filing.filed_on.describe()}" if filing.filed_on else "not yet filed"
    planned = (
        f", planned {filing.planned_filing_date.describe()}"
        if filing.planned_filing_date and not filing.filed_on
        else ""
    )
    lines.append(f"Form I-589: {filing.posture.value}, {filed}{planned}")
    court = case.travel.court
    where = case_court(case)
    if court.next_hearing:
        kind = f" ({court.hearing_kind})" if court.hearing_kind else ""
        lines.append(f"Next hearing: {court.next_hearing.describe()}{kind}, {where.describe()}")
    lines.append(f"Immigration court: {court.court or 'none named'} ({where.how})")
    lines.append(f"Detained: {'yes' if court.detained else 'no'}")
    return Section("Key dates and court", lines)


def _claim(case: CaseFile, redact: _Redactor) -> Section:
    claim = case.claim
    lines = []
    if claim.grounds:
        lines.append(
            "Grounds claimed: " + ", ".join(g.value.replace("_", " ") for g in claim.grounds)
        )
    for event in claim.events:
        harms = ", ".join(h.value.replace("_", " ") for h in event.harms)
        charges = "; ".join(f"{c.code.value} code art. {c.article}" for c in event.charges)
        extra = "; ".join(x for x in (harms, charges) if x)
        lines.append(
            f"{event.date.describe()}: {redact(event.summary)}" + (f" ({extra})" if extra else "")
        )
    for fear in claim.fears:
        lines.append(f"Fears: {redact(fear.harm)}" + (" (torture)" if fear.torture else ""))
    if claim.apply_for_cat:
        lines.append("Also asks for protection under the Convention Against Torture")
    lines.append(
        "Headlines are taken from the case file as entered; they are not an assessment of the "
        "claim's merits."
    )
    return Section("The claim in headlines", lines)


def _assessment(case: CaseFile, today: date, redact: _Redactor) -> Section:
    """The law engine's headline and every finding that is not plainly met."""
    try:
        assessment = assess(case, today)
        lines = [redact(headline(assessment))]
    except RuleFileError as error:
        return Section("Assessment", [f"not available: {error}"])
    for finding in assessment.findings:
        if finding.status is Status.MET:
            continue
        status = finding.status.value.replace("_", " ")
        cite = f" ({finding.citations[0]})" if finding.citations else ""
        lines.append(f"{finding.title['en']}: {status}{cite}. {redact(finding.text())}")
    lines.append(assessment.disclaimer["en"])
    return Section("Assessment headlines", lines)


def _evidence(case: CaseFile, redact: _Redactor) -> Section:
    """Each item of evidence and whether a copy exists: "on hand" only for a file named in the
    case or an evidence-locker item linked to it (``blob``); a description alone is not."""
    lines = []
    for item in case.evidence:
        if not item.available:
            state = "not obtainable"
        elif item.file or item.blob:
            state = "on hand"
        else:
            state = "described, no file yet"
        language = f", {item.language}" if item.language else ""
        lines.append(f"{item.id}: {redact(item.title)} ({state}{language})")
    return Section("Evidence", lines)


def _referrer(case: CaseFile) -> Section:
    rep = case.representation.representative
    if rep is None:
        return Section("Referring contact", ["none recorded in the case file"])
    contact = ", ".join(x for x in (rep.organization, rep.phone, rep.email) if x)
    return Section("Referring contact", [f"{rep.name}" + (f", {contact}" if contact else "")])


def render_markdown(packet: ReferralPacket) -> str:
    out = [f"# {packet.title}", ""]
    if packet.recipient:
        out += [f"For: {packet.recipient}", ""]
    out += [f"Prepared on {packet.prepared_on.isoformat()}.", "", f"*{packet.disclaimer}*", ""]
    for section in packet.sections:
        out += [f"## {section.title}", ""]
        out += [f"- {line}" for line in section.lines]
        out.append("")
    return "\n".join(out)
