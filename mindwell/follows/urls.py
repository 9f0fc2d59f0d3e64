from django.urls import path

from mindwell.core import converters  # noqa: F401 - registers <username:…>
from mindwell.follows import views

app_name = "follows"

urlpatterns = [
    path("updates/", views.updates, name="updates"),
    path(
        # The key of a member is their username, which may hold any symbol.
        "follow/<str:kind>/<username:key>/",
        views.follow,
        name="follow",
    ),
]
