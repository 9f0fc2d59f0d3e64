from django.apps import AppConfig


class SiteconfigConfig(AppConfig):
    name = "mindwell.siteconfig"
    verbose_name = "Site settings and pages"
