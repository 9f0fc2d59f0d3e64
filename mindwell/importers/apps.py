from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "mindwell.importers"
    verbose_name = "Imports from other Q&A sites"
    default_auto_field = "django.db.models.BigAutoField"
