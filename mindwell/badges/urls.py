from django.urls import path

from mindwell.badges import views

app_name = "badges"
urlpatterns = [
    path("", views.badges, name="list"),
]
