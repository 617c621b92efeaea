"""Adding a report: the file and where it comes from (the citation needs publisher and date)."""

from __future__ import annotations

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from prytulak.case import parse_partial_date
from prytulak.search import supported_suffixes
from prytulak.web.cases.clock import today
from prytulak.web.intake.fields import dotted_to_iso

__all__ = ["MAX_REPORT_BYTES", "ReportForm", "SearchForm"]

MAX_REPORT_BYTES = 100 * 1024 * 1024
LANGUAGES = [("", _("Any language")), ("en", "English"), ("ru", "Русский"), ("be", "Беларуская")]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the reports"), required=False, max_length=500)
    lang = forms.ChoiceField(label=_("Passages in"), choices=LANGUAGES, required=False)


class ReportForm(forms.Form):
    file = forms.FileField(label=_("Report (PDF, HTML or text)"))
    title = forms.CharField(label=_("Title (default: from the file)"), required=False)
    publisher = forms.CharField(label=_("Publisher, e.g. Human Rights Center Viasna"))
    date = forms.CharField(label=_("Publication date: YYYY-MM-DD, YYYY-MM or YYYY"))
    url = forms.CharField(
        label=_("Where it was published"),
        required=False,
        # not type=url: the browser would refuse "spring96.org/report", which is fine here
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
    )

    def clean_url(self) -> str:
        text = self.cleaned_data["url"].strip()
        if not text:
            return ""
        if "://" not in text:
            text = "https://" + text
        try:
            URLValidator(schemes=["http", "https"])(text)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("%(text)s is not a web address; copy it from the browser's address bar.")
                % {"text": self.cleaned_data["url"]}
            ) from None
        return text

    def clean_file(self) -> object:
        sent = self.cleaned_data["file"]
        suffix = "." + sent.name.rsplit(".", 1)[-1].lower() if "." in sent.name else ""
        if suffix not in supported_suffixes():
            known = ", ".join(sorted(supported_suffixes()))
            raise forms.ValidationError(
                _("%(name)s: this kind of file cannot be read; use one of %(known)s.")
                % {"name": sent.name, "known": known}
            )
        if sent.size > MAX_REPORT_BYTES:
            raise forms.ValidationError(
                _("%(name)s is larger than 100 MB; split it into parts.") % {"name": sent.name}
            )
        return sent

    def clean_date(self) -> str:
        text = dotted_to_iso(self.cleaned_data["date"].strip())  # 19.02.2025 as written at home
        try:
            published = parse_partial_date(text)
        except ValueError:
            raise forms.ValidationError(
                _("%(text)s is not a date we can read; write 2025-02-19, 2025-02 or 2025.")
                % {"text": text}
            ) from None
        if published.earliest > today():
            raise forms.ValidationError(
                _("%(text)s is in the future; give the date the report was published.")
                % {"text": text}
            )
        return text
