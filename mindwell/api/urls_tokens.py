from __future__ import annotations

from django.urls import path

from mindwell.api import views_tokens

urlpatterns = [
    path("", views_tokens.token_page, name="api-tokens"),
    path("<str:pk>/revoke/", views_tokens.token_revoke_view, name="api-token-revoke"),
]
