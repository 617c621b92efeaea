"""Django's own strings that the app's catalogues translate again.

Django's Belarusian catalogue uses the classical orthography (Taraškievica: "зьмяніць",
"ня можа"); the app's Belarusian is the standard orthography, so the strings a user meets on
the password page are listed here for ``makemessages`` and translated in ``locale/be`` (the
app's catalogues come first, ``LOCALE_PATHS``). Nothing calls this module at run time.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, ngettext_lazy

__all__ = ["STRINGS"]

STRINGS = (
    gettext_noop("New password"),
    gettext_noop("New password confirmation"),
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
)
