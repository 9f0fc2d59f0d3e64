from django.apps import AppConfig


class ProfessionalsConfig(AppConfig):
    name = "mindwell.professionals"
    verbose_name = "verified professionals"
