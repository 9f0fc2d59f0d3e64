"""The inbox and notification settings, under /inbox/."""

from django.urls import path

from mindwell.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("open/", views.open_group, name="open"),
    path("read/", views.mark_read, name="read"),
    path("read-all/", views.mark_all_read, name="read-all"),
    path("settings/", views.notification_settings, name="settings"),
]
