"""Profile URLs: the public profile, the member's edit page, and pictures. Included at the
site root, before allauth's /accounts/ URLs."""

from __future__ import annotations

from django.urls import path

from mindwell.accounts import views_profile
from mindwell.core import converters  # noqa: F401 - registers <username:…>

urlpatterns = [
    path("users/<username:username>/", views_profile.user_profile, name="user-profile"),
    path(
        "users/<username:username>/avatar.svg",
        views_profile.default_avatar,
        name="default-avatar",
    ),
    path("media/avatars/<str:name>", views_profile.avatar_file, name="avatar-file"),
    path("accounts/profile/", views_profile.profile_edit, name="profile-edit"),
    path("accounts/profile/picture/", views_profile.avatar_upload, name="avatar-upload"),
    path("accounts/profile/picture/remove/", views_profile.avatar_delete, name="avatar-remove"),
]
