from django.apps import AppConfig


class BadgesConfig(AppConfig):
    name = "mindwell.badges"
