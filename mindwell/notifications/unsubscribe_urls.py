"""Unsubscribe links from emails, under /unsubscribe/ (no login)."""

from django.urls import path

from mindwell.notifications.views_unsubscribe import unsubscribe

urlpatterns = [
    path("<str:token>/", unsubscribe, name="unsubscribe"),
]
