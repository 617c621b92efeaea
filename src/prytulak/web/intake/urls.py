from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("<int:pk>/", views.portal, name="portal"),
    path("<int:pk>/<slug:name>/", views.step_view, name="step"),
]
