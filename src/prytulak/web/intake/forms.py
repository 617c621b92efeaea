"""The questionnaire's forms, one per step, in plain language. Dates may be approximate."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prytulak.case import EntryManner

DATE_HELP = _(
    "Write what you remember: 2020-08-10 (exact day), 2020-08 (month), 2020 (year), "
    "or put ~ in front if you are not sure, e.g. ~2020-08."
)


class AboutForm(forms.Form):
    family = forms.CharField(label=_("Family name, as in your passport (Latin letters)"))
    given = forms.CharField(label=_("Given name, as in your passport (Latin letters)"))
    native_family = forms.CharField(label=_("Family name in Cyrillic"), required=False)
    native_given = forms.CharField(label=_("Given name in Cyrillic"), required=False)
    native_patronymic = forms.CharField(label=_("Patronymic in Cyrillic"), required=False)
    birth_date = forms.CharField(label=_("Date of birth"), required=False, help_text=DATE_HELP)
    birth_city = forms.CharField(label=_("Town or city of birth"), required=False)


class ArrivalForm(forms.Form):
    date = forms.CharField(label=_("When did you last arrive in the US?"), help_text=DATE_HELP)
    place = forms.CharField(label=_("Where did you arrive (airport or border crossing)?"))
    manner = forms.ChoiceField(
        label=_("How did you enter?"),
        choices=[
            (EntryManner.B1_B2.value, _("With a visitor visa (B1/B2)")),
            (EntryManner.B2.value, _("With a tourist visa (B2)")),
            (EntryManner.F1.value, _("With a student visa (F1)")),
            (EntryManner.J1.value, _("With an exchange visa (J1)")),
            (EntryManner.PAROLE.value, _("Parole")),
            (EntryManner.HUMANITARIAN_PAROLE.value, _("Humanitarian parole")),
            (EntryManner.CBP_ONE_PAROLE.value, _("Parole after a CBP One appointment")),
            (EntryManner.WITHOUT_INSPECTION.value, _("Without passing a border check")),
            (EntryManner.OTHER.value, _("Other")),
        ],
    )


class EventForm(forms.Form):
    date = forms.CharField(label=_("When did it happen?"), help_text=DATE_HELP)
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
