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
"""A fixed 'today' (YYYY-MM-DD) for demonstrations and tests; unset means the real date."""
