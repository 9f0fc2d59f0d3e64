"""Account URLs under /accounts/: allauth's, with the site's own versions of a few views and
the names the templates use (`login`, `logout`, `register`)."""

from __future__ import annotations

from allauth.account import views as allauth_views
from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from mindwell.accounts import views_auth

# The admin's own login form would skip email confirmation, two-factor codes and the login
# limits: send it to the site's login page instead.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    # Before allauth's, so these paths are served by the site's versions.
    path("login/", views_auth.login, name="login"),
    path("register/", views_auth.register, name="register"),
    path("signup/", RedirectView.as_view(pattern_name="register", query_string=True)),
    path(
        "confirm-email/",
        views_auth.verification_sent,
        name="account_email_verification_sent",
    ),
    path("sessions/", views_auth.sessions, name="usersessions_list"),
    path("", include("allauth.urls")),
    # After allauth's: Django reverses a repeated name to its last pattern, so allauth's own
    # links to "account_signup" lead to /accounts/register/ too.
    path("register/", views_auth.register, name="account_signup"),
    path("logout/", allauth_views.logout, name="logout"),
]
