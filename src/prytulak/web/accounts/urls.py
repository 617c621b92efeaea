from django.urls import path

from . import users, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("verify/", views.verify_view, name="verify"),
    path("two-factor/setup/", views.setup_view, name="setup"),
    path("password/", views.password_view, name="password"),
    path("users/", users.users_view, name="users"),
    path("tokens/", views.tokens_view, name="tokens"),
    path("language/", views.language_view, name="language"),
]
