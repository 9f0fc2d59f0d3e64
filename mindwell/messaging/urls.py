"""Private messages, blocks, wall posts and their reports, under /messages/. Nothing here
is in the sitemap, feeds, search or the API."""

from django.urls import path

from mindwell.core import converters  # noqa: F401 - registers <username:…>
from mindwell.messaging.views import conversations, reports, walls

app_name = "messaging"

urlpatterns = [
    path("", conversations.inbox, name="inbox"),
    path("new/<username:username>/", conversations.compose, name="compose"),
    path("<int:pk>/", conversations.conversation, name="conversation"),
    path("message/<int:pk>/report/", reports.report_message, name="report-message"),
    path("blocked/", conversations.blocked_list, name="blocked"),
    path("block/<username:username>/", conversations.block, name="block"),
    path("unblock/<username:username>/", conversations.unblock, name="unblock"),
    path("reports/", reports.report_list, name="reports"),
    path("reports/<int:pk>/", reports.report_detail, name="report-detail"),
    path("wall/<username:username>/", walls.wall_post, name="wall-post"),
    path("wall/posts/<int:pk>/delete/", walls.wall_post_remove, name="wall-post-delete"),
    path(
        "wall/posts/<int:pk>/hide/",
        walls.wall_post_visibility,
        {"hide": True},
        name="wall-post-hide",
    ),
    path(
        "wall/posts/<int:pk>/show/",
        walls.wall_post_visibility,
        {"hide": False},
        name="wall-post-show",
    ),
    path("wall/posts/<int:pk>/report/", reports.report_wall_post, name="report-wall-post"),
]
