from django.urls import path

from . import documents, editing, filing, members, starting, views

app_name = "cases"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("demo/", views.load_demo_case, name="demo"),
    path("cases/new/", starting.new_case_view, name="new"),
    path("cases/<int:pk>/", views.case_page, name="case"),
    path("cases/<int:pk>/timeline/", views.timeline_fragment, name="timeline"),
    path("cases/<int:pk>/edit/", editing.edit_case, name="edit"),
    path("cases/<int:pk>/members/", members.members, name="members"),
    path("cases/<int:pk>/upload/", documents.upload, name="upload"),
    path("cases/<int:pk>/uploads/<int:upload_pk>/", documents.upload_status, name="upload_status"),
    path("cases/<int:pk>/uploads/<int:upload_pk>/file", documents.download, name="download"),
    path("cases/<int:pk>/uploads/<int:upload_pk>/text", documents.document, name="document"),
    path(
        "cases/<int:pk>/uploads/<int:upload_pk>/describe",
        documents.describe,
        name="describe",
    ),
    path(
        "cases/<int:pk>/uploads/<int:upload_pk>/withdraw",
        documents.withdraw,
        name="withdraw",
    ),
    path("cases/<int:pk>/package/", filing.package_page, name="package"),
    path("cases/<int:pk>/package/build/", filing.build, name="package_build"),
    path("cases/<int:pk>/package/<int:build_pk>/", filing.build_status, name="package_status"),
    path("cases/<int:pk>/package/<int:build_pk>/zip", filing.download_zip, name="package_zip"),
    path(
        "cases/<int:pk>/package/<int:build_pk>/files/<path:name>",
        filing.download_file,
        name="package_file",
    ),
]
