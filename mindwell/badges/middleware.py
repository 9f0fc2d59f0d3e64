"""Noting members' visits for the daily-visits badge, without slowing pages.

A member's first request of the day (by the site's time zone) enqueues a background task
that records the visit; a cache key says it has been done, so every later request that day
costs one cache lookup and no query. Losing the cache at worst enqueues the task again,
and the task ignores a day already recorded.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from mindwell.core.tasks import enqueue_on_commit

# A little over a day, so the key outlives the day it stands for in every time zone.
SEEN_SECONDS = 26 * 3600


class VisitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            day = timezone.localdate().isoformat()
            if cache.add(f"badges:visit:{user.pk}:{day}", 1, timeout=SEEN_SECONDS):
                from mindwell.badges.tasks import visit_record

                enqueue_on_commit(visit_record, int(user.pk), day)
        return self.get_response(request)
