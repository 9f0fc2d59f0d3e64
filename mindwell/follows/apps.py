from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "mindwell.follows"
    verbose_name = "Following"
