from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "prytulak.web.api"
    label = "api"
    verbose_name = "API"
