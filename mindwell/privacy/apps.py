from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "mindwell.privacy"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from mindwell.privacy.deletion_notice import remember_pending_deletion

        # The grace-period banner reads a session key so that ordinary pages cost no query;
        # logging in (on any device) is when that key is set from the database.
        user_logged_in.connect(remember_pending_deletion, dispatch_uid="privacy-deletion-notice")
