"""The case file's two commonest date problems, said again in the user's language.

``prytulak.case`` words its problems in English for the command line; a web page shows the
two a person typing dates meets most (a date in the future, a date before the birth) in
Russian or Belarusian too. Anything else is shown as the case file says it.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

__all__ = ["date_problem_in_words"]

_FUTURE = re.compile(r"^(?P<value>.+) is in the future \(today is (?P<today>[\d-]+)\)")
_BEFORE_BIRTH = re.compile(r"^(?P<value>.+) is before the applicant was born \((?P<born>[^)]+)\)")


def date_problem_in_words(message: str, before_birth: str) -> str:
    """``message`` in the user's language; ``before_birth`` is the caller's wording (with
    ``%(value)s`` and ``%(born)s``) for a date before the birth: "your" to a client, "the
    applicant's" to staff."""
    found = _FUTURE.match(message)
    if found:
        return _("%(value)s is in the future (today is %(today)s); check the year.") % {
            "value": found["value"],
            "today": found["today"],
        }
    found = _BEFORE_BIRTH.match(message)
    if found:
        return before_birth % {"value": found["value"], "born": found["born"]}
    return message
