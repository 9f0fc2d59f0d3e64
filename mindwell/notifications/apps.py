from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "mindwell.notifications"
    verbose_name = "notifications"

    def ready(self) -> None:
        # Email delivery listens for new notifications (notifications_created).
        from mindwell.notifications import delivery  # noqa: F401
