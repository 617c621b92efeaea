"""Form fields for the questionnaire: approximate dates, yes/no/not sure, lists of lines.

Each field checks its answer in the form, so a problem is shown next to the question, in the
client's language, and the answer stays in the box.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from prytulak.case import PartialDate, parse_partial_date

__all__ = [
    "DATE_HELP",
    "ApproxDateField",
    "I94Field",
    "LinesField",
    "YesNoField",
    "YesOrNoField",
    "check_order",
    "dotted_to_iso",
]

DATE_HELP = _(
    "Write what you remember: 2020-08-10 (exact day), 2020-08 (month), 2020 (year), "
    "or put ~ in front if you are not sure, e.g. ~2020-08."
)


class ApproxDateField(forms.CharField):
    """A date as people remember it (``2020``, ``2020-08``, ``~2020-08-10``, ``10.08.2020``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", DATE_HELP)
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        if not text:
            return text
        text = dotted_to_iso(text.strip())
        try:
            parse_partial_date(text)
        except (ValueError, TypeError) as error:
            raise ValidationError(
                _(
                    '"%(value)s" is not a date we can read. Write it like 2020-08-10, 2020-08 or '
                    "2020; put ~ in front when you are not sure."
                ),
                code="date",
                params={"value": text},
            ) from error
        return text


_DOTTED = re.compile(r"^(~?)(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$")


def dotted_to_iso(text: str) -> str:
    """10.08.2020 and 08.2020 (as written at home) become 2020-08-10 and 2020-08."""
    match = _DOTTED.match(text.replace(" ", ""))
    if match is None:
        return text
    about, day, month, year = match.groups()
    iso = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return about + iso


def as_date(value: object) -> PartialDate | None:
    if not value:
        return None
    try:
        return parse_partial_date(value)
    except (ValueError, TypeError):
        return None


def check_order(form: forms.Form, start: str, end: str) -> None:
    """Put an error on ``end`` when it is surely before ``start``."""
    first = as_date(form.cleaned_data.get(start))
    last = as_date(form.cleaned_data.get(end))
    if first is not None and last is not None and last.surely_before(first):
        form.add_error(end, _("This date is before the first one. Please check both."))


class I94Field(forms.CharField):
    """The I-94 admission record number: 11 letters and digits."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("I-94 number (11 letters and digits), if you have it"))
        kwargs.setdefault(
            "help_text",
            _("It is on the I-94 record (i94.cbp.dhs.gov) or the stamp in the passport."),
        )
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        text = re.sub(r"[\s-]", "", super().clean(value) or "")
        if text and not re.fullmatch(r"[0-9A-Za-z]{11}", text):
            raise ValidationError(
                _("An I-94 number has 11 letters and digits; you wrote %(count)s."),
                code="i94",
                params={"count": len(text)},
            )
        return text


class YesNoField(forms.TypedChoiceField):
    """Yes, no, or not sure (stored as true, false, or nothing)."""

    answers: tuple[tuple[str, Any], ...] = (("", _("Not sure")), ("yes", _("Yes")), ("no", _("No")))

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(
            choices=list(self.answers),
            coerce=lambda v: v == "yes",
            empty_value=None,
            **kwargs,
        )

    def prepare_value(self, value: Any) -> Any:
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value


class YesOrNoField(YesNoField):
    """A question answered only yes or no, as radio buttons with neither ticked until answered.

    Left unanswered it is stored as nothing (not asked yet), never as no.
    """

    answers = (("yes", _("Yes")), ("no", _("No")))

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(**kwargs)


class LinesField(forms.CharField):
    """One answer per line, stored as a list."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(str(v) for v in value)
        return value

    def clean(self, value: Any) -> Any:
        text = super().clean(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]
