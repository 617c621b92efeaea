"""Who the applicant is (I-589 Part A.I): numbers, sex, status, languages, passports."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .fields import ApproxDateField, LinesField, YesNoField, check_order

__all__ = ["IDENTITY_FIELDS", "PASSPORT_FIELDS", "IdentityForm", "PassportForm"]


class _DigitsField(forms.CharField):
    """A number written with spaces or dashes; checked for its digit count in the form."""

    message = _("This number should have %(expected)s digits; you wrote %(count)s.")
    expected = "9"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def digits(self, text: str) -> str:
        return re.sub(r"[\s-]", "", text)

    def valid(self, digits: str) -> bool:
        return digits.isdigit() and len(digits) == int(self.expected)

    def clean(self, value: Any) -> Any:
        text = (super().clean(value) or "").strip()
        if not text:
            return text
        digits = self.digits(text)
        if not self.valid(digits):
            raise ValidationError(
                self.message,
                code="digits",
                params={"expected": self.expected, "count": len(re.sub(r"\D", "", digits))},
            )
        return text


class ANumberField(_DigitsField):
    """The Alien Registration Number: A and 7 to 9 digits, stored as nine digits."""

    message = _(
        "An A-number has 7 to 9 digits, e.g. A201-234-567 or 201234567; you wrote %(count)s."
    )
    expected = "7-9"

    def digits(self, text: str) -> str:
        return super().digits(text).upper().removeprefix("A")

    def valid(self, digits: str) -> bool:
        return digits.isdigit() and 7 <= len(digits) <= 9

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        return self.digits(text).zfill(9) if text else text


class SsnField(_DigitsField):
    message = _("A Social Security number has 9 digits, e.g. 123-45-6789; you wrote %(count)s.")


class UscisAccountField(_DigitsField):
    message = _("A USCIS online account number has 12 digits; you wrote %(count)s.")
    expected = "12"

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        return self.digits(text) if text else text


SEXES = [("", "—"), ("female", _("Female")), ("male", _("Male"))]
MARITAL = [
    ("", "—"),
    ("single", _("Single")),
    ("married", _("Married")),
    ("divorced", _("Divorced")),
    ("widowed", _("Widowed")),
]


class IdentityForm(forms.Form):
    a_number = ANumberField(
        label=_("A-number, if you have one"),
        help_text=_("It is on letters from immigration, after the letter A. Leave empty if none."),
    )
    ssn = SsnField(label=_("US Social Security number, if you have one"))
    uscis_account = UscisAccountField(
        label=_("USCIS online account number, if you have one"),
        help_text=_("12 digits, shown in your USCIS online account. Leave empty if none."),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=SEXES, required=False)
    marital_status = forms.ChoiceField(label=_("Marital status"), choices=MARITAL, required=False)
    nationality = forms.CharField(label=_("Citizenship now"), initial="Belarus", required=False)
    nationality_at_birth = forms.CharField(
        label=_("Citizenship at birth, if different"), required=False
    )
    ethnicity = forms.CharField(label=_("Ethnic group (e.g. Belarusian)"), required=False)
    religion = forms.CharField(label=_("Religion, if any"), required=False)
    native_language = forms.CharField(
        label=_("Native language (e.g. Belarusian, Russian)"), required=False
    )
    other_languages = LinesField(label=_("Other languages you speak, one per line"))
    fluent_in_english = YesNoField(label=_("Do you speak English fluently?"))
    phone = forms.CharField(label=_("Phone number, with the area code"), required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    parent_or_legal_guardian_in_us = YesNoField(
        label=_(
            "Only if you are under 18: is one of your parents, or a legal guardian, in the US?"
        ),
        help_text=_(
            "A legal guardian is one a court appointed, not a relative you live with. If you are "
            "under 18 and neither is here, the one-year deadline may not apply to you."
        ),
    )

    def clean_phone(self) -> str:
        text = str(self.cleaned_data.get("phone") or "").strip()
        if text and len(re.sub(r"\D", "", text)) < 7:
            raise ValidationError(
                _("Write the phone number with the area code, e.g. (312) 555-0147."),
                code="phone",
            )
        return text

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        fluency = cleaned.get("fluent_in_english")
        has_languages = cleaned.get("other_languages") or fluency is not None
        if has_languages and not cleaned.get("native_language"):
            self.add_error("native_language", _("Please write your native language too."))
        return cleaned


IDENTITY_FIELDS: tuple[tuple[str, str], ...] = (
    ("a_number", "a_number"),
    ("ssn", "ssn"),
    ("uscis_account", "uscis_account"),
    ("sex", "sex"),
    ("marital_status", "marital_status"),
    ("nationality", "nationality"),
    ("nationality_at_birth", "nationality_at_birth"),
    ("ethnicity", "ethnicity"),
    ("religion", "religion"),
    ("native_language", "languages.native"),
    ("other_languages", "languages.other"),
    ("fluent_in_english", "languages.fluent_in_english"),
    ("phone", "phone"),
    ("email", "email"),
    ("parent_or_legal_guardian_in_us", "parent_or_legal_guardian_in_us"),
)

DOCUMENT_KINDS = [
    ("passport", _("Passport")),
    ("travel_document", _("Travel document")),
    ("internal_id", _("Identity card")),
    ("residence_card", _("Residence card")),
]


class PassportForm(forms.Form):
    number = forms.CharField(label=_("Document number"), max_length=40)
    kind = forms.ChoiceField(label=_("Type of document"), choices=DOCUMENT_KINDS)
    issuing_country = forms.CharField(label=_("Country that issued it"), initial="Belarus")
    issued = ApproxDateField(label=_("Date of issue"), required=False)
    expires = ApproxDateField(label=_("Date of expiry"), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        check_order(self, "issued", "expires")
        return cleaned


PASSPORT_FIELDS: tuple[tuple[str, str], ...] = (
    ("number", "number"),
    ("kind", "kind"),
    ("issuing_country", "issuing_country"),
    ("issued", "issued"),
    ("expires", "expires"),
)
