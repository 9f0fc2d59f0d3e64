from django.apps import AppConfig


class SeoConfig(AppConfig):
    name = "mindwell.seo"
    verbose_name = "SEO"
