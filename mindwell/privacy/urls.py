from django.urls import path

from mindwell.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.privacy_home, name="home"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
    path("delete/cancel/", views.delete_cancel, name="cancel"),
    path("delete/cancel/<str:token>/", views.cancel_link, name="cancel-link"),
    path("claim/<int:pk>/", views.claim_request_view, name="claim"),
    path("claim/confirm/<str:token>/", views.claim_confirm, name="claim-confirm"),
]
