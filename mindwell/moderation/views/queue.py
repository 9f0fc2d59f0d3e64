from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from mindwell.moderation import permissions
from mindwell.moderation.selectors import flagged_posts, queue_counts, queued_posts
from mindwell.moderation.views.common import moderators_only

PAGE_SIZE = 25
TABS = {"waiting": gettext_lazy("Waiting for approval"), "flagged": gettext_lazy("Flagged")}


@moderators_only
def queue(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "waiting")
    if tab not in TABS:
        tab = "waiting"
    posts = queued_posts() if tab == "waiting" else flagged_posts()
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "tab": tab,
        "tabs": TABS,
        "page": page,
        "counts": queue_counts(fresh=True),
        "can_browse_log": permissions.can_browse_log(request.user),
    }
    return render(request, "moderation/queue.html", context)
