"""Part B beyond the events: organizations (I-589 B.3), harm to others (B.1.A), and what the
client did after leaving Belarus that the authorities may learn of (sur place, B.1.B)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import ApproxDateField, check_order

__all__ = [
    "ACTIVITY_FIELDS",
    "FAMILY_HARM_FIELDS",
    "ORGANIZATION_FIELDS",
    "ActivityForm",
    "FamilyHarmForm",
    "OrganizationForm",
]

ORGANIZATION_KINDS = [
    ("party", _("Political party")),
    ("civic initiative", _("Civic initiative or movement")),
    ("religious", _("Religious community")),
    ("media", _("Media or blog")),
    ("union", _("Trade union")),
    ("military", _("Army, police or armed group")),
    ("other", _("Other")),
]


class OrganizationForm(forms.Form):
    name = forms.CharField(label=_("Name of the organization or group"))
    kind = forms.ChoiceField(label=_("What kind of group"), choices=ORGANIZATION_KINDS)
    role = forms.CharField(
        label=_("What you did there (member, volunteer, leader …)"), required=False
    )
    start = ApproxDateField(label=_("From"), required=False)
    end = ApproxDateField(label=_("To"), required=False)
    continuing = forms.BooleanField(label=_("I still take part"), required=False)
    member = forms.CharField(
        label=_("Whose membership was it, if not yours? (e.g. my brother Andrei)"), required=False
    )
    country = forms.CharField(label=_("Country, if not Belarus"), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        check_order(self, "start", "end")
        return cleaned


ORGANIZATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "name"),
    ("kind", "kind"),
    ("role", "role"),
    ("start", "start"),
    ("end", "end"),
    ("continuing", "continuing"),
    ("member", "member"),
    ("country", "country"),
)


class FamilyHarmForm(forms.Form):
    who = forms.CharField(label=_("Who was harmed (e.g. my brother, my mother)?"))
    date = ApproxDateField(label=_("When did it happen?"))
    what = forms.CharField(
        label=_("What happened to them?"), widget=forms.Textarea(attrs={"rows": 3})
    )


FAMILY_HARM_FIELDS: tuple[tuple[str, str], ...] = (
    ("who", "who"),
    ("date", "date"),
    ("what", "what"),
)


class ActivityForm(forms.Form):
    what = forms.CharField(
        label=_("What did you do? (a protest, posts, an interview, donations, volunteering)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    start = ApproxDateField(label=_("When did it start?"), required=False)
    where = forms.CharField(label=_("Where (country, city, or website)?"), required=False)
    public = forms.BooleanField(
        label=_("It can be seen online or in the press, with my name or face"),
        required=False,
    )


ACTIVITY_FIELDS: tuple[tuple[str, str], ...] = (
    ("what", "what"),
    ("start", "start"),
    ("where", "where"),
    ("public", "public"),
)
