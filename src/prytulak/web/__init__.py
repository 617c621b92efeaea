"""The web application: a Django project over Prytulak's domain verbs (no domain logic here).

Run it with ``prytulak serve``; settings are in ``prytulak.web.settings`` (split by concern).
"""
