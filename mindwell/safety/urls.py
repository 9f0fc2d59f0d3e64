from django.urls import path

from mindwell.safety import views

app_name = "safety"
urlpatterns = [
    path("assess/", views.assess_draft, name="assess"),
    path("resources/", views.resources, name="resources"),
    path("queue/", views.queue, name="queue"),
    path("queue/<int:pk>/", views.case, name="case"),
]
