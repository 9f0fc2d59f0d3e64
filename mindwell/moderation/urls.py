from django.urls import path  # noqa: F401

from mindwell.core import converters  # noqa: F401 - registers <username:…>
from mindwell.moderation import dashboard, views_feedback
from mindwell.moderation.views import flags, log, posts, queue, users
from mindwell.reputation import views as reputation_views

app_name = "moderation"
urlpatterns: list = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("feedback/", views_feedback.feedback, name="feedback"),
    # Flags, moderator actions, the queue and the audit log.
    path("flag/<int:pk>/", flags.flag_post, name="flag"),
    path("queue/", queue.queue, name="queue"),
    path("post/<int:pk>/", posts.post_tools, name="post"),
    path("post/<int:pk>/<slug:action>/", posts.post_act, name="post-action"),
    path("user/<username:username>/", users.user_tools, name="user"),
    # Before the member actions, whose slug would otherwise take "level".
    path("user/<username:username>/level/", reputation_views.member_level, name="user-level"),
    path("user/<username:username>/<slug:action>/", users.user_act, name="user-action"),
    path("log/", log.log, name="log"),
]
