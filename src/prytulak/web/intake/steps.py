"""The questionnaire's steps, in the order the client meets them, each with its sections.

Answers are applied to the case file's data and validated by ``prytulak.case`` itself, so
the intake can only save what the case file accepts; problems come back in plain words. The
steps cover the I-589's questions (Part A: you, your family, addresses, education and work,
travel; Part B: what happened and what you fear; Part C: background) and the documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .claim_forms import (
    ACTIVITY_FIELDS,
    FAMILY_HARM_FIELDS,
    ORGANIZATION_FIELDS,
    ActivityForm,
    FamilyHarmForm,
    OrganizationForm,
)
from .family_forms import (
    CHILD_FIELDS,
    RELATIVE_FIELDS,
    SPOUSE_FIELDS,
    ChildForm,
    RelativeForm,
    SpouseForm,
)
from .feared_actors import ActorsByKind, FearAnswers
from .forms import EVENT_FIELDS, FEAR_FIELDS, AboutForm, EventForm, FearForm
from .history_forms import (
    EDUCATION_FIELDS,
    EMPLOYMENT_FIELDS,
    HOME_FIELDS,
    HOME_FILL,
    RESIDENCE_FIELDS,
    EducationForm,
    EmploymentForm,
    HomeForm,
    ResidenceForm,
)
from .identity_forms import IDENTITY_FIELDS, PASSPORT_FIELDS, IdentityForm, PassportForm
from .late_forms import LATE_FIELDS, LateFilingForm, may_be_late
from .sections import Section
from .travel_forms import (
    BARS_FIELDS,
    DEPARTURE_FIELDS,
    PRIOR_FIELDS,
    THIRD_COUNTRY_FIELDS,
    US_ENTRY_FIELDS,
    BarsForm,
    DepartureForm,
    PriorApplicationForm,
    ThirdCountryForm,
    UsEntryForm,
)

__all__ = ["STEPS", "Step", "step_named", "visible_steps"]

Data = dict[str, Any]


def _about_initial(data: Data) -> Data:
    name = data["applicant"]["name"]
    native = (name.get("native") or [{}])[0]
    birth = data["applicant"].get("birth") or {}
    return {
        "family": name.get("family"),
        "given": name.get("given"),
        "native_family": native.get("family"),
        "native_given": native.get("given"),
        "native_patronymic": native.get("patronymic"),
        "birth_date": birth.get("date"),
        "birth_city": birth.get("city"),
    }


def _about_apply(data: Data, answers: Data) -> None:
    """Write the answers over what the form showed: an emptied answer clears what was there."""
    applicant = data["applicant"]
    name = applicant["name"]
    name["family"], name["given"] = answers["family"], answers["given"]
    others = (name.get("native") or [])[1:]
    if answers["native_family"] and answers["native_given"]:
        native = {
            "language": _cyrillic_language(
                answers["native_family"] + answers["native_given"], data.get("language")
            ),
            "family": answers["native_family"],
            "given": answers["native_given"],
        }
        if answers["native_patronymic"]:
            native["patronymic"] = answers["native_patronymic"]
        name["native"] = [native, *others]
    elif others:
        name["native"] = others
    else:
        name.pop("native", None)
    if answers["birth_date"]:
        birth = applicant.get("birth") or {}
        birth.update({"date": answers["birth_date"], "city": answers["birth_city"] or None})
        applicant["birth"] = {k: v for k, v in birth.items() if v}
    else:
        applicant.pop("birth", None)


def _cyrillic_language(text: str, case_language: object) -> str:
    """Belarusian where the name has і or ў, Russian where it has и, щ or ъ; otherwise the
    case's language (or Russian)."""
    letters = set(text.lower())
    if letters & set("іў"):
        return "be"
    if letters & set("ищъ"):
        return "ru"
    return str(case_language) if case_language in ("be", "ru") else "ru"


def _given(section: Section, answers: Data) -> bool:
    """Whether some answer is neither empty nor just the form field's default."""
    fields = section.form.base_fields
    return any(
        value not in (None, "", [], {}) and (name not in fields or value != fields[name].initial)
        for name, value in answers.items()
    )


@dataclass(frozen=True)
class Step:
    name: str
    title: Promise
    help: Promise
    sections: tuple[Section, ...] = ()
    when: Callable[[Data, date], bool] | None = None
    """Shown only when this says so for the case's data and today (the late-filing step)."""

    def answered(self, data: Data) -> bool:
        """Some answer of this step is in the case file (the overview marks it).

        A value that is only the question's default (citizenship "Belarus", which a new case
        file holds before anyone is asked) is no answer.
        """
        for section in self.sections:
            if section.many and section.records(data):
                return True
            if not section.many and _given(section, section.initial(data)):
                return True
        return False

    def shown_for(self, data: Data, today: date) -> bool:
        return self.when is None or self.when(data, today)

    def section(self, name: str | None) -> Section | None:
        if not name and len(self.sections) == 1:
            return self.sections[0]
        return next((s for s in self.sections if s.name == name), None)

    @property
    def prefixed(self) -> bool:
        """Several forms on one page: their fields get the section's name as prefix."""
        return len(self.sections) > 1

    @property
    def moves_on(self) -> bool:
        """After saving, go to the next step (one form), or stay to add more (lists)."""
        return len(self.sections) == 1 and not self.sections[0].many


ABOUT = Section("about", AboutForm, (), read=_about_initial, write=_about_apply)

IDENTITY = (
    Section(
        "identity",
        IdentityForm,
        IDENTITY_FIELDS,
        ("applicant",),
        title=_("Numbers, languages and how to reach you"),
        help=_("Leave empty what you do not have. Your attorney checks every answer."),
    ),
    Section(
        "passports",
        PassportForm,
        PASSPORT_FIELDS,
        ("applicant", "passports"),
        many=True,
        title=_("Passports and travel documents"),
        help=_(
            "Add every passport or travel document, the newest first. An expired Belarusian "
            "passport is common and fine to enter: consulates abroad stopped issuing them in "
            "September 2023."
        ),
        summary=("kind", "number", "issuing_country", "expires"),
    ),
)

FAMILY = (
    Section(
        "spouse",
        SpouseForm,
        SPOUSE_FIELDS,
        ("family", "spouse"),
        title=_("Husband or wife"),
        help=_("Leave this empty if you are not married."),
        ids="spouse",
    ),
    Section(
        "children",
        ChildForm,
        CHILD_FIELDS,
        ("family", "children"),
        many=True,
        title=_("Children"),
        help=_("Every child, of any age, wherever they live."),
        summary=("given", "family", "birth_date", "location"),
        ids="child",
    ),
    Section(
        "relatives",
        RelativeForm,
        RELATIVE_FIELDS,
        ("family", "relatives"),
        many=True,
        title=_("Parents, brothers and sisters"),
        summary=("relation", "given", "family", "location"),
        ids="rel",
    ),
)

ADDRESSES = (
    Section(
        "home",
        HomeForm,
        HOME_FIELDS,
        title=_("Where you live now, and where you lived before"),
        fill=HOME_FILL,
    ),
    Section(
        "residences",
        ResidenceForm,
        RESIDENCE_FIELDS,
        ("history", "residences"),
        many=True,
        title=_("Every place you lived in the last five years"),
        help=_("Start with where you live now. Include other countries."),
        summary=("city", "country", "start", "end"),
    ),
)

WORK = (
    Section(
        "education",
        EducationForm,
        EDUCATION_FIELDS,
        ("history", "education"),
        many=True,
        title=_("Schools and universities"),
        summary=("school", "location", "start", "end"),
    ),
    Section(
        "employment",
        EmploymentForm,
        EMPLOYMENT_FIELDS,
        ("history", "employment"),
        many=True,
        title=_("Work in the last five years"),
        help=_("Start with the most recent job. Include work abroad and in the US."),
        summary=("employer", "occupation", "start", "end"),
    ),
)

TRAVEL = (
    Section(
        "departures",
        DepartureForm,
        DEPARTURE_FIELDS,
        ("travel", "departures"),
        many=True,
        title=_("Each time you left Belarus"),
        help=_("If you left and came back, add each departure and say when you returned."),
        summary=("date", "via", "returned"),
    ),
    Section(
        "third_countries",
        ThirdCountryForm,
        THIRD_COUNTRY_FIELDS,
        ("travel", "third_countries"),
        many=True,
        title=_("Countries you passed through or lived in before the US"),
        help=_(
            "Include every country, even for one day, and any permit or status you had or "
            "were offered there. This decides whether the US can say you were already safe "
            "elsewhere, so be complete."
        ),
        summary=("country", "arrived", "left", "status"),
    ),
    Section(
        "us_entries",
        UsEntryForm,
        US_ENTRY_FIELDS,
        ("travel", "us_entries"),
        many=True,
        title=_("Each arrival in the US"),
        help=_(
            "The one-year deadline to ask for asylum counts from your last arrival. "
            "An approximate date is fine; your attorney will check it."
        ),
        summary=("date", "place", "manner"),
    ),
)

EVENTS = Section(
    "events",
    EventForm,
    EVENT_FIELDS,
    ("claim", "events"),
    many=True,
    summary=("date", "summary", "place"),
    ids="ev",
    translation=ActorsByKind("actors"),
)

FEAR = Section(
    "fear",
    FearForm,
    FEAR_FIELDS,
    ("claim", "fears"),
    many=True,
    summary=("harm",),
    translation=FearAnswers("from_whom"),
)

OTHERS = (
    Section(
        "organizations",
        OrganizationForm,
        ORGANIZATION_FIELDS,
        ("claim", "organizations"),
        many=True,
        title=_("Parties, groups and organizations"),
        help=_(
            "Every political party, civic initiative, religious community, union, media or "
            "armed service you belonged to or helped, in Belarus or abroad, even briefly."
        ),
        summary=("name", "kind", "start", "end"),
    ),
    Section(
        "family_harm",
        FamilyHarmForm,
        FAMILY_HARM_FIELDS,
        ("claim", "family_harm"),
        many=True,
        title=_("Harm to your family or people close to you"),
        help=_(
            "Was anyone in your family, or a friend or colleague, arrested, beaten, threatened "
            "or questioned because of you or for the same reasons? Add each time."
        ),
        summary=("who", "date", "what"),
    ),
    Section(
        "activities_abroad",
        ActivityForm,
        ACTIVITY_FIELDS,
        ("claim", "activities_abroad"),
        many=True,
        title=_("What you did after leaving Belarus"),
        help=_(
            "Protests abroad, posts, interviews, donations, volunteering: anything the "
            "Belarusian authorities may have seen or learned of. Add each on its own."
        ),
        summary=("what", "where", "start"),
    ),
)

BACKGROUND = (
    Section(
        "prior_applications",
        PriorApplicationForm,
        PRIOR_FIELDS,
        ("claim", "prior_applications"),
        many=True,
        title=_("Earlier applications for asylum or refugee status"),
        help=_("Yours or your family's, in the US or any other country. Leave empty if none."),
        summary=("who", "country", "date", "outcome"),
    ),
    Section(
        "bars",
        BarsForm,
        BARS_FIELDS,
        title=_("Questions the form asks everyone"),
        help=_(
            "Answer honestly; a yes does not end your case. Your attorney needs to know now, "
            "not at the interview."
        ),
    ),
)

LATE = Section("late_filing", LateFilingForm, LATE_FIELDS, ("claim", "late_filing"))

STEPS: tuple[Step, ...] = (
    Step(
        "about",
        _("About you"),
        _("Your name exactly as in your passport, and in Cyrillic as you write it at home."),
        (ABOUT,),
    ),
    Step(
        "identity",
        _("Identity and documents"),
        _(
            "Your immigration numbers if you have them, citizenship, languages, phone and "
            "e-mail, and your passports."
        ),
        IDENTITY,
    ),
    Step(
        "family",
        _("Your family"),
        _(
            "The form asks about your husband or wife and all your children, even if they are "
            "in Belarus, and about your parents, brothers and sisters."
        ),
        FAMILY,
    ),
    Step(
        "addresses",
        _("Addresses"),
        _("Where you live now, your last address in Belarus, and where you lived before."),
        ADDRESSES,
    ),
    Step(
        "education",
        _("Education and work"),
        _("Your schools, and your jobs in the last five years. Approximate years are fine."),
        WORK,
    ),
    Step(
        "travel",
        _("Travel"),
        _(
            "How you left Belarus, the countries on your way, and each arrival in the US, "
            "with the I-94 number when you have it."
        ),
        TRAVEL,
    ),
    Step(
        "events",
        _("What happened to you"),
        _(
            "Add each event on its own: arrests, searches, beatings, threats, summons, fines. "
            "If you do not remember the exact day, give the month or the year."
        ),
        (EVENTS,),
    ),
    Step(
        "others",
        _("Organizations and your family"),
        _(
            "The groups you took part in, harm done to your family or people close to you, "
            "and what you did after leaving Belarus. Approximate dates are fine."
        ),
        OTHERS,
    ),
    Step(
        "fear",
        _("Your fear of return"),
        _(
            "Say in your own words what you fear and why. Add each fear on its own: from "
            "whom, and what they would do. There are no wrong answers."
        ),
        (FEAR,),
    ),
    Step(
        "background",
        _("Other questions"),
        _(
            "Earlier applications, and questions the form asks everyone. Returns to Belarus "
            "are asked in the Travel step."
        ),
        BACKGROUND,
    ),
    Step(
        "late_filing",
        _("Why you apply after one year"),
        _(
            "Your last arrival in the US may be more than a year ago. Asylum is asked for "
            "within a year, unless something changed or something kept you from applying. "
            "Tell your attorney what it was; they decide how to present it."
        ),
        (LATE,),
        when=may_be_late,
    ),
    Step(
        "documents",
        _("Documents"),
        _(
            "Photograph each page with your phone: summons, court rulings, medical records, "
            "fines, photos. Say what each one is. Your files are encrypted."
        ),
    ),
)


def step_named(name: str) -> Step | None:
    return next((s for s in STEPS if s.name == name), None)


def visible_steps(data: Data, today: date) -> tuple[Step, ...]:
    """The steps this case's client sees today."""
    return tuple(s for s in STEPS if s.shown_for(data, today))
