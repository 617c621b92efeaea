"""URL map: one namespace per app."""

from django.urls import include, path

from prytulak.web.api.routes import api
from prytulak.web.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("prytulak.web.accounts.urls")),
    path("intake/", include("prytulak.web.intake.urls")),
    path("library/", include("prytulak.web.library.urls")),
    path("api/", api.urls),
    path("", include("prytulak.web.audit.urls")),
    path("", include("prytulak.web.cases.urls")),
]
