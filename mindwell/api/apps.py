from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mindwell.api"
    label = "api"
    verbose_name = "JSON API"
