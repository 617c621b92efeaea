"""Addresses, residences, education and work (I-589 Part A.I items 8-9, Part A.III items 1-4)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import ApproxDateField, check_order

__all__ = ["EducationForm", "EmploymentForm", "HomeForm", "ResidenceForm"]


class HomeForm(forms.Form):
    us_street = forms.CharField(label=_("Street and number"), required=False)
    us_apartment = forms.CharField(label=_("Apartment"), required=False)
    us_city = forms.CharField(label=_("Town or city"), required=False)
    us_state = forms.CharField(label=_("State (e.g. IL)"), required=False)
    us_zip = forms.CharField(label=_("ZIP code"), required=False)
    by_street = forms.CharField(
        label=_("Last address in Belarus: street and number"), required=False
    )
    by_city = forms.CharField(label=_("Last address in Belarus: town or city"), required=False)
    by_region = forms.CharField(
        label=_("Last address in Belarus: region (voblast)"), required=False
    )
    abroad_street = forms.CharField(
        label=_("Last address before the US, if not in Belarus: street and number"),
        required=False,
    )
    abroad_city = forms.CharField(label=_("Town or city"), required=False)
    abroad_country = forms.CharField(label=_("Country"), required=False)


HOME_FIELDS: tuple[tuple[str, str], ...] = (
    ("us_street", "applicant.residence.street"),
    ("us_apartment", "applicant.residence.apartment"),
    ("us_city", "applicant.residence.city"),
    ("us_state", "applicant.residence.region"),
    ("us_zip", "applicant.residence.postal_code"),
    ("by_street", "history.last_address_in_belarus.street"),
    ("by_city", "history.last_address_in_belarus.city"),
    ("by_region", "history.last_address_in_belarus.region"),
    ("abroad_street", "history.last_address_abroad.street"),
    ("abroad_city", "history.last_address_abroad.city"),
    ("abroad_country", "history.last_address_abroad.country"),
)
HOME_FILL = (
    ("applicant.residence", "country", "United States"),
    ("history.last_address_in_belarus", "country", "Belarus"),
)
"""Values a group takes when it has any answer (an address's country)."""


class _Period(forms.Form):
    start = ApproxDateField(label=_("From"), required=False)
    end = ApproxDateField(
        label=_("To"), required=False, help_text=_("Leave empty if it is still so today.")
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        check_order(self, "start", "end")
        return cleaned


class ResidenceForm(_Period):
    street = forms.CharField(label=_("Street and number"), required=False)
    city = forms.CharField(label=_("Town or city"))
    region = forms.CharField(label=_("Region or state"), required=False)
    country = forms.CharField(label=_("Country"), initial="Belarus")

    field_order = ("street", "city", "region", "country", "start", "end")


RESIDENCE_FIELDS: tuple[tuple[str, str], ...] = (
    ("street", "address.street"),
    ("city", "address.city"),
    ("region", "address.region"),
    ("country", "address.country"),
    ("start", "from"),
    ("end", "to"),
)


class EducationForm(_Period):
    school = forms.CharField(label=_("Name of the school or university"))
    kind = forms.CharField(label=_("Type (e.g. secondary school, university, college)"))
    location = forms.CharField(label=_("Town and country"))

    field_order = ("school", "kind", "location", "start", "end")


EDUCATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("school", "school"),
    ("kind", "kind"),
    ("location", "location"),
    ("start", "from"),
    ("end", "to"),
)


class EmploymentForm(_Period):
    employer = forms.CharField(label=_("Employer"))
    address = forms.CharField(
        label=_("Employer's address (town and country is enough)"), required=False
    )
    occupation = forms.CharField(label=_("Your job"))

    field_order = ("employer", "address", "occupation", "start", "end")


EMPLOYMENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("employer", "employer"),
    ("address", "address"),
    ("occupation", "occupation"),
    ("start", "from"),
    ("end", "to"),
)
