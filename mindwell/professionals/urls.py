from django.urls import path

from mindwell.professionals.views import member, review

app_name = "professionals"
urlpatterns = [
    path("apply/", member.apply, name="apply"),
    path("applications/<int:pk>/withdraw/", member.withdraw, name="withdraw"),
    path("queue/", review.queue, name="queue"),
    path("queue/<int:pk>/document/", review.document, name="document"),
    path("queue/<int:pk>/<slug:action>/", review.decide, name="decide"),
]
