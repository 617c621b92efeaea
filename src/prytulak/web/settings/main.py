"""The settings ``prytulak serve`` uses, composed from one module per concern.

Tests use ``prytulak.web.settings.test``.
"""

import os as _os

from .apps import *  # noqa: F403
from .database import *  # noqa: F403
from .i18n import *  # noqa: F403
from .paths import *  # noqa: F403
from .security import *  # noqa: F403

PRYTULAK_TODAY = _os.environ.get("PRYTULAK_TODAY") or None
PRYTULAK_PACKAGE_KEEP = int(_os.environ.get("PRYTULAK_PACKAGE_KEEP", "5"))
"""Finished filing-package builds kept per case; older ones and their files are deleted."""
"""A fixed 'today' (YYYY-MM-DD) for demonstrations and tests; unset means the real date."""
