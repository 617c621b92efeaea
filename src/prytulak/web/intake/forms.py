"""The story's forms: about you, events, fear of return. Dates may be approximate."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import ApproxDateField

__all__ = ["EVENT_FIELDS", "FEAR_FIELDS", "AboutForm", "EventForm", "FearForm"]


class AboutForm(forms.Form):
    family = forms.CharField(label=_("Family name, as in your passport (Latin letters)"))
    given = forms.CharField(label=_("Given name, as in your passport (Latin letters)"))
    native_family = forms.CharField(label=_("Family name in Cyrillic"), required=False)
    native_given = forms.CharField(label=_("Given name in Cyrillic"), required=False)
    native_patronymic = forms.CharField(label=_("Patronymic in Cyrillic"), required=False)
    birth_date = ApproxDateField(label=_("Date of birth"), required=False)
    birth_city = forms.CharField(label=_("Town or city of birth"), required=False)


class EventForm(forms.Form):
    date = ApproxDateField(label=_("When did it happen?"))
    place = forms.CharField(label=_("Where did it happen?"))
    summary = forms.CharField(label=_("What happened, in one line?"), max_length=300)
    narrative = forms.CharField(
        label=_("Tell more if you can: who, what they said, what they did"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class FearForm(forms.Form):
    harm = forms.CharField(
        label=_("What do you fear will happen if you return?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    why = forms.CharField(
        label=_("Why do you think they would do this to you?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    torture = forms.BooleanField(
        label=_("I fear torture: severe pain or suffering on purpose, by or with officials"),
        required=False,
    )


EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("date", "date"),
    ("place", "place"),
    ("summary", "summary"),
    ("narrative", "narrative"),
)
FEAR_FIELDS: tuple[tuple[str, str], ...] = (
    ("harm", "harm"),
    ("why", "why"),
    ("torture", "torture"),
)
