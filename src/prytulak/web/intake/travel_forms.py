"""Travel (leaving Belarus, returns, countries on the way, US entries) and Part C background."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prytulak.case import EntryManner, ThirdCountryStatus

from .fields import (
    ApproxDateField,
    I94Field,
    LinesField,
    YesNoField,
    YesOrNoField,
    check_order,
)

__all__ = ["BarsForm", "DepartureForm", "PriorApplicationForm", "ThirdCountryForm", "UsEntryForm"]


class DepartureForm(forms.Form):
    date = ApproxDateField(label=_("When did you leave Belarus?"))
    via = forms.CharField(
        label=_("Where did you cross the border (place or airport)?"), required=False
    )
    returned = ApproxDateField(
        label=_("If you went back to Belarus after this: when?"),
        required=False,
        help_text=_("The form asks about every return. Leave empty if you did not go back."),
    )
    purpose_of_return = forms.CharField(
        label=_("Why did you go back?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        check_order(self, "date", "returned")
        if cleaned.get("returned") and not cleaned.get("purpose_of_return"):
            self.add_error("purpose_of_return", _("Please say why you went back."))
        return cleaned


DEPARTURE_FIELDS: tuple[tuple[str, str], ...] = (
    ("date", "date"),
    ("via", "via"),
    ("returned", "returned"),
    ("purpose_of_return", "purpose_of_return"),
)

STATUSES = [
    (ThirdCountryStatus.NONE.value, _("None: I only passed through")),
    (ThirdCountryStatus.VISA_FREE.value, _("None: I stayed as a visitor without a visa")),
    (ThirdCountryStatus.VISA.value, _("A visa (for example a Polish or Lithuanian visa)")),
    (ThirdCountryStatus.HUMANITARIAN_VISA.value, _("A humanitarian visa")),
    (ThirdCountryStatus.TEMPORARY_RESIDENCE.value, _("A temporary residence permit")),
    (ThirdCountryStatus.PERMANENT_RESIDENCE.value, _("Permanent residence")),
    (ThirdCountryStatus.REFUGEE_STATUS.value, _("Refugee status")),
    (ThirdCountryStatus.SUBSIDIARY_PROTECTION.value, _("Subsidiary or other protection")),
    (ThirdCountryStatus.CITIZENSHIP.value, _("Citizenship")),
    (
        ThirdCountryStatus.OFFER_OF_PERMANENT_RESIDENCE.value,
        _("I was offered permanent residence or citizenship"),
    ),
]


class ThirdCountryForm(forms.Form):
    country = forms.CharField(label=_("Country"))
    arrived = ApproxDateField(label=_("When did you arrive there?"), required=False)
    left = ApproxDateField(label=_("When did you leave?"), required=False)
    status = forms.ChoiceField(
        label=_("What permit or status did you have there?"), choices=STATUSES
    )
    status_detail = forms.CharField(
        label=_("Name of the document and its dates, if any"),
        help_text=_("For example: Karta pobytu, temporary residence card, valid to 2024-03."),
        required=False,
    )
    status_expires = ApproxDateField(label=_("When does (or did) it expire?"), required=False)
    offered_permanent_status = forms.BooleanField(
        label=_("Were you offered permanent residence or citizenship there?"), required=False
    )
    permanent_status_path = forms.CharField(
        label=_("Could you have got permanent residence or citizenship there? How?"),
        help_text=_("For example: with a Karta Polaka I could apply for permanent residence."),
        required=False,
    )
    could_return = YesNoField(label=_("Could you go back and live there now?"))
    worked = forms.BooleanField(label=_("I worked there"), required=False)
    sought_protection = forms.BooleanField(
        label=_("I asked for asylum or protection there"), required=False
    )
    restrictions = forms.CharField(
        label=_(
            "Were there limits on where you could live, work or travel, or on help you could get?"
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reason_left = forms.CharField(
        label=_("Why did you leave that country?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        check_order(self, "arrived", "left")
        return cleaned


THIRD_COUNTRY_FIELDS: tuple[tuple[str, str], ...] = tuple(
    (name, name)
    for name in (
        "country",
        "arrived",
        "left",
        "status",
        "status_detail",
        "status_expires",
        "offered_permanent_status",
        "permanent_status_path",
        "could_return",
        "worked",
        "sought_protection",
        "restrictions",
        "reason_left",
    )
)

ENTRY_MANNERS = [
    (EntryManner.B1_B2.value, _("With a visitor visa (B1/B2)")),
    (EntryManner.B2.value, _("With a tourist visa (B2)")),
    (EntryManner.F1.value, _("With a student visa (F1)")),
    (EntryManner.J1.value, _("With an exchange visa (J1)")),
    (EntryManner.PAROLE.value, _("Parole")),
    (EntryManner.HUMANITARIAN_PAROLE.value, _("Humanitarian parole")),
    (EntryManner.CBP_ONE_PAROLE.value, _("Parole after a CBP One appointment")),
    (EntryManner.WITHOUT_INSPECTION.value, _("Without passing a border check")),
    (EntryManner.OTHER.value, _("Other")),
]


class UsEntryForm(forms.Form):
    date = ApproxDateField(label=_("When did you arrive in the US?"))
    place = forms.CharField(label=_("Where did you arrive (airport or border crossing)?"))
    manner = forms.ChoiceField(label=_("How did you enter?"), choices=ENTRY_MANNERS)
    i94 = I94Field()
    status_expires = ApproxDateField(
        label=_("Until when were you allowed to stay (date on the I-94)?"), required=False
    )
    status_detail = forms.CharField(label=_("Anything else about this entry"), required=False)


US_ENTRY_FIELDS: tuple[tuple[str, str], ...] = (
    ("date", "date"),
    ("place", "place"),
    ("manner", "manner"),
    ("i94", "i94"),
    ("status_expires", "status_expires"),
    ("status_detail", "status_detail"),
)


class PriorApplicationForm(forms.Form):
    who = forms.CharField(label=_("Who applied (you, or which family member)?"))
    country = forms.CharField(label=_("In which country?"), initial="United States")
    date = ApproxDateField(label=_("When?"), required=False)
    outcome = forms.CharField(label=_("What was decided (or is it still pending)?"))
    a_number = forms.CharField(label=_("A-number or case number, if any"), required=False)


PRIOR_FIELDS: tuple[tuple[str, str], ...] = (
    ("who", "who"),
    ("country", "country"),
    ("date", "date"),
    ("outcome", "outcome"),
    ("a_number", "a_number"),
)

_EXPLAIN = _("If yes, explain what happened, when and where.")


def _explanation() -> forms.CharField:
    return forms.CharField(
        label=_("Explanation"),
        help_text=_EXPLAIN,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BarsForm(forms.Form):
    harmed_others = YesOrNoField(
        label=_(
            "Have you or a family member ever caused harm or suffering to anyone because of "
            "their race, religion, nationality, social group or political opinion, or "
            "ordered or helped to do so?"
        ),
    )
    harmed_others_explanation = _explanation()
    crimes_in_us = YesOrNoField(
        label=_(
            "Have you or a family member ever been charged, arrested, convicted or sentenced "
            "for a crime in the US?"
        ),
    )
    crimes_explanation = _explanation()
    serious_crime_abroad = YesOrNoField(
        label=_(
            "Have you ever committed a crime outside the US (not counting the political "
            "charges against you in Belarus)?"
        ),
    )
    serious_crime_explanation = _explanation()
    armed_group_support = YesOrNoField(
        label=_("Have you ever given money, goods or service to an armed group?")
    )
    armed_group_explanation = _explanation()
    served_in = LinesField(
        label=_("Military, police or security service, with the years (one per line)"),
        help_text=_("Include compulsory military service, e.g. 'Belarusian army, 2010-2011'."),
    )

    PAIRS = (
        ("harmed_others", "harmed_others_explanation"),
        ("crimes_in_us", "crimes_explanation"),
        ("serious_crime_abroad", "serious_crime_explanation"),
        ("armed_group_support", "armed_group_explanation"),
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        for question, explanation in self.PAIRS:
            if cleaned.get(question) and not cleaned.get(explanation):
                self.add_error(explanation, _("You answered yes; please explain."))
        return cleaned


BARS_FIELDS: tuple[tuple[str, str], ...] = tuple(
    (name, f"claim.bars.{name}")
    for name in (
        "harmed_others",
        "harmed_others_explanation",
        "crimes_in_us",
        "crimes_explanation",
        "serious_crime_abroad",
        "serious_crime_explanation",
        "armed_group_support",
        "armed_group_explanation",
        "served_in",
    )
)
