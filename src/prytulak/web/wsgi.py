"""WSGI entry point (``prytulak serve`` runs it under waitress)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prytulak.web.settings.main")
application = get_wsgi_application()
