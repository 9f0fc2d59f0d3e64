from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "mindwell.taxonomy"
    verbose_name = "Categories and tags"
