from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "mindwell.qa"
    verbose_name = "Questions and answers"
