"""The story's forms: about you, events, fear of return. Dates may be approximate."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import ApproxDateField

__all__ = [
    "EVENT_FIELDS",
    "FEARED_ACTORS",
    "FEAR_FIELDS",
    "AboutForm",
    "EventForm",
    "FearForm",
]


class AboutForm(forms.Form):
    family = forms.CharField(label=_("Family name, as in your passport (Latin letters)"))
    given = forms.CharField(label=_("Given name, as in your passport (Latin letters)"))
    native_family = forms.CharField(label=_("Family name in Cyrillic"), required=False)
    native_given = forms.CharField(label=_("Given name in Cyrillic"), required=False)
    native_patronymic = forms.CharField(label=_("Patronymic in Cyrillic"), required=False)
    birth_date = ApproxDateField(label=_("Date of birth"), required=False)
    birth_city = forms.CharField(label=_("Town or city of birth"), required=False)

    def clean(self) -> dict[str, object]:
        """Half a name or a birthplace without a date cannot be stored: say so, keep the text."""
        answers = super().clean() or {}
        native = [answers.get(f) for f in ("native_family", "native_given")]
        half = any(native) and not all(native)
        if half or (answers.get("native_patronymic") and not any(native)):
            missing = "native_given" if answers.get("native_family") else "native_family"
            self.add_error(
                missing, _("Give both the family and the given name in Cyrillic, or neither.")
            )
        if answers.get("birth_city") and not answers.get("birth_date"):
            self.add_error(
                "birth_date",
                _("Give the date of birth too (approximate is fine), or leave the town out."),
            )
        return answers


HARMS = [
    ("detention", _("I was detained or arrested")),
    ("interrogation", _("I was questioned or interrogated")),
    ("beating", _("I was beaten")),
    ("torture", _("I was tortured")),
    ("sexual_violence", _("Sexual violence")),
    ("threats", _("I was threatened")),
    ("search", _("My home, phone or things were searched")),
    ("prosecution", _("A case was opened or I was charged")),
    ("conviction", _("A court convicted or sentenced me")),
    ("fines", _("I was fined")),
    ("dismissal", _("I lost my job")),
    ("expulsion_from_university", _("I was expelled from my studies")),
    ("surveillance", _("I was watched or followed")),
    ("property_seizure", _("My property was taken")),
    ("travel_ban", _("I was banned from leaving the country")),
    ("forced_confession_video", _("I was forced to record a 'repentance' video")),
    ("discrimination", _("I was treated unfairly by officials")),
]


class EventForm(forms.Form):
    date = ApproxDateField(label=_("When did it happen?"))
    place = forms.CharField(label=_("Where did it happen?"))
    summary = forms.CharField(label=_("What happened, in one line?"), max_length=300)
    harms = forms.MultipleChoiceField(
        label=_("What did they do to you? Tick all that apply."),
        choices=HARMS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    who = forms.MultipleChoiceField(
        label=_("Who did it? Tick all that apply."),
        choices=lambda: FEARED_ACTORS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    narrative = forms.CharField(
        label=_("Tell more if you can: who, what they said, what they did"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


FEARED_ACTORS = [
    ("kgb", _("KGB")),
    ("gubopik", _("GUBOPiK (the main directorate against organized crime)")),
    ("police", _("Police (militia, district police department)")),
    ("omon", _("OMON or other riot police")),
    ("investigative_committee", _("Investigative Committee")),
    ("prosecutor", _("Prosecutors")),
    ("court", _("Courts")),
    ("prison_service", _("Prison or detention staff")),
    ("military", _("The army or the military enlistment office")),
    ("local_authority", _("Local authorities")),
    ("state_employer", _("A state employer or school")),
    ("pro_government_group", _("Pro-government people or groups")),
    ("family_member", _("My family")),
    ("private_person", _("Another private person")),
    ("unknown", _("I do not know who")),
]
FEAR_REASONS = [
    (
        "political_opinion",
        _("My political views, or views they think I hold (protests, donations, posts)"),
    ),
    ("religion", _("My religion or faith")),
    ("nationality", _("My nationality or ethnic group (for example, Polish)")),
    ("race", _("My race")),
    (
        "particular_social_group",
        _("Who I am or a group I belong to (for example, LGBT people, relatives of activists)"),
    ),
]


class FearForm(forms.Form):
    harm = forms.CharField(
        label=_("What do you fear will happen if you return?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    who = forms.MultipleChoiceField(
        label=_("Who would do it? Tick all that apply."),
        choices=FEARED_ACTORS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    why = forms.CharField(
        label=_("Why do you think they would do this to you?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    grounds = forms.MultipleChoiceField(
        label=_("Because of … (tick all that apply; your attorney decides how to present it)"),
        choices=FEAR_REASONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    torture = forms.BooleanField(
        label=_("I fear torture: severe pain or suffering on purpose, by or with officials"),
        required=False,
    )


EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("date", "date"),
    ("place", "place"),
    ("summary", "summary"),
    ("harms", "harms"),
    ("who", "actors"),
    ("narrative", "narrative"),
)
FEAR_FIELDS: tuple[tuple[str, str], ...] = (
    ("harm", "harm"),
    ("who", "from_whom"),
    ("why", "why"),
    ("grounds", "grounds"),
    ("torture", "torture"),
)
