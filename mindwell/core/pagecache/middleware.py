"""The page cache's middleware: last in MIDDLEWARE, so sessions, CSRF cookies, language,
security headers and every other middleware still run for a cached page."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase

from mindwell.core.pagecache import holes, keys, store
from mindwell.core.pagecache.question_pages import count_cached_view

logger = logging.getLogger(__name__)


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        spec = keys.page_spec(request) if keys.enabled() else None
        if spec is None:
            return self.get_response(request)
        entry = store.lookup(spec)
        if entry is not None:
            hit = store.respond(request, entry)
            hit["X-Cache"] = "hit"
            if entry.get("question") and request.method == "GET":
                count_cached_view(request, hit, entry["question"])
            return hit
        if request.method != "GET":  # HEAD: answered from a stored GET only
            response = self.get_response(request)
            response["X-Cache"] = "miss"
            return response
        token = holes.start()
        try:
            response = self.get_response(request)
        finally:
            holes.stop(token)
        if isinstance(response, HttpResponse) and not response.streaming:
            why_not = store.refusal(request, response, spec)
            if why_not is None:
                store.save(request, response, spec)
            else:
                logger.debug("Page not cached (%s): %s", why_not, request.path)
            # Filled after saving: the stored copy keeps the holes, this response gets values.
            response.content = holes.fill(request, response.content)
        response["X-Cache"] = "miss"
        return response
