"""Settings, one module per concern; ``main`` composes them, ``test`` adjusts for the suite.

``DJANGO_SETTINGS_MODULE=prytulak.web.settings.main`` (what ``prytulak serve`` uses).
"""
