from django.urls import path

from mindwell.follows import views

app_name = "follows"

urlpatterns = [
    path("updates/", views.updates, name="updates"),
    path(
        "follow/<str:kind>/<str:key>/",
        views.follow,
        name="follow",
    ),
]
