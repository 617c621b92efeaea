"""Family (I-589 Part A.II and A.III item 5): spouse, children, parents and siblings."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prytulak.case import FamilyLocation, MaritalStatus, Sex

from .fields import ApproxDateField, I94Field

__all__ = ["ChildForm", "RelativeForm", "SpouseForm"]

LOCATIONS = [
    (FamilyLocation.IN_BELARUS.value, _("In Belarus")),
    (FamilyLocation.IN_US.value, _("In the US")),
    (FamilyLocation.ELSEWHERE.value, _("In another country")),
    (FamilyLocation.UNKNOWN.value, _("I do not know")),
]
SEXES = [("", "—"), (Sex.FEMALE.value, _("Female")), (Sex.MALE.value, _("Male"))]


class _Person(forms.Form):
    family = forms.CharField(label=_("Family name (Latin letters, as in the passport)"))
    given = forms.CharField(label=_("Given name (Latin letters, as in the passport)"))
    birth_date = ApproxDateField(label=_("Date of birth"))
    birth_city = forms.CharField(label=_("Town or city of birth"), required=False)
    birth_country = forms.CharField(label=_("Country of birth"), required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=SEXES, required=False)
    passport_number = forms.CharField(label=_("Passport number, if known"), required=False)
    location = forms.ChoiceField(label=_("Where is this person now?"), choices=LOCATIONS)
    location_detail = forms.CharField(
        label=_("Where exactly (town and country), if not in the US"), required=False
    )
    us_entry_date = ApproxDateField(
        label=_("If in the US: date of the last arrival"), required=False
    )
    us_entry_place = forms.CharField(label=_("If in the US: place of arrival"), required=False)
    i94 = I94Field()
    us_status = forms.CharField(
        label=_("If in the US: current status (e.g. parole, B2, asylum applicant)"),
        required=False,
    )
    include = forms.BooleanField(
        label=_("Include this person in my asylum application"),
        help_text=_(
            "A spouse, and children under 21 who are not married, can be included if they are "
            "in the US. Your attorney will confirm."
        ),
        required=False,
    )


class SpouseForm(_Person):
    marriage_date = ApproxDateField(label=_("Date of marriage"), required=False)
    marriage_place = forms.CharField(label=_("Place of marriage"), required=False)


class ChildForm(_Person):
    marital_status = forms.ChoiceField(
        label=_("Is this child married?"),
        choices=[
            (MaritalStatus.SINGLE.value, _("Not married")),
            (MaritalStatus.MARRIED.value, _("Married")),
            (MaritalStatus.DIVORCED.value, _("Divorced")),
            (MaritalStatus.WIDOWED.value, _("Widowed")),
        ],
    )


PERSON_FIELDS: tuple[tuple[str, str], ...] = (
    ("family", "name.family"),
    ("given", "name.given"),
    ("birth_date", "birth.date"),
    ("birth_city", "birth.city"),
    ("birth_country", "birth.country"),
    ("sex", "sex"),
    ("passport_number", "passport_number"),
    ("location", "location"),
    ("location_detail", "location_detail"),
    ("us_entry_date", "us_presence.last_entry_date"),
    ("us_entry_place", "us_presence.last_entry_place"),
    ("i94", "us_presence.i94"),
    ("us_status", "us_presence.current_status"),
    ("include", "include_in_application"),
)
SPOUSE_FIELDS = (
    *PERSON_FIELDS,
    ("marriage_date", "marriage_date"),
    ("marriage_place", "marriage_place"),
)
CHILD_FIELDS = (*PERSON_FIELDS, ("marital_status", "marital_status"))


class RelativeForm(forms.Form):
    relation = forms.ChoiceField(
        label=_("Who is this?"),
        choices=[
            ("mother", _("Mother")),
            ("father", _("Father")),
            ("sibling", _("Brother or sister")),
        ],
    )
    family = forms.CharField(label=_("Family name (Latin letters)"))
    given = forms.CharField(label=_("Given name (Latin letters)"))
    birth_place = forms.CharField(label=_("Town and country of birth"), required=False)
    location = forms.CharField(
        label=_("Where does this person live now (town, country)?"), required=False
    )
    deceased = forms.BooleanField(label=_("This person has died"), required=False)


RELATIVE_FIELDS: tuple[tuple[str, str], ...] = (
    ("relation", "relation"),
    ("family", "name.family"),
    ("given", "name.given"),
    ("birth_place", "birth_place"),
    ("location", "location"),
    ("deceased", "deceased"),
)
