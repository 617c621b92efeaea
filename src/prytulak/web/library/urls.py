from django.urls import path

from . import views

app_name = "library"
urlpatterns = [
    path("", views.library_page, name="library"),
    path("add/", views.add_report, name="add"),
    path("<int:report_id>/remove/", views.remove_report, name="remove"),
]
