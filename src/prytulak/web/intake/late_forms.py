"""The one-year deadline (I-589 Part C.5): why the application is filed late.

The step is shown only when the last arrival in the US may be more than a year before today
(INA 208(a)(2)(B), 8 CFR 208.4(a)(2)); the exceptions are changed or extraordinary
circumstances (INA 208(a)(2)(D), 8 CFR 208.4(a)(4)-(5)).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import ApproxDateField, LinesField, as_date

__all__ = ["LATE_FIELDS", "LateFilingForm", "may_be_late"]


class LateFilingForm(forms.Form):
    changed_circumstances = LinesField(
        label=_("What changed after you arrived, one per line"),
        help_text=_(
            "For example: new arrests or a criminal case against you in Belarus, your name on "
            "a list of 'extremists', harm to your family, a change in the law."
        ),
    )
    changed_on = ApproxDateField(
        label=_("When did it change, or when did you learn of it?"), required=False
    )
    extraordinary_circumstances = LinesField(
        label=_("What kept you from applying earlier, one per line"),
        help_text=_(
            "For example: serious illness or trauma, a lawyer who did not file, being under 18."
        ),
    )
    lawful_status_until = ApproxDateField(
        label=_("Last day of your legal status (TPS, parole, visa), if you had one"),
        required=False,
    )
    explanation = forms.CharField(
        label=_("Explain in your own words why you apply now"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


LATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("changed_circumstances", "changed_circumstances"),
    ("changed_on", "changed_on"),
    ("extraordinary_circumstances", "extraordinary_circumstances"),
    ("lawful_status_until", "lawful_status_until"),
    ("explanation", "explanation"),
)


def may_be_late(data: dict[str, Any], today: date) -> bool:
    """Whether the last US arrival may be more than a year before ``today``."""
    entries = (data.get("travel") or {}).get("us_entries") or []
    arrivals = [d for d in (as_date(e.get("date")) for e in entries if isinstance(e, dict)) if d]
    if not arrivals:
        return False
    last = max(arrivals, key=lambda d: d.sort_key())
    return last.earliest + relativedelta(years=1) < today
