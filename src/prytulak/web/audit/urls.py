from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [path("cases/<int:pk>/audit/", views.case_log, name="case_log")]
