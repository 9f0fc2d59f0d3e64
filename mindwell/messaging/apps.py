from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "mindwell.messaging"
    verbose_name = "Private messages and walls"
