"""Stored pages: what is kept of a response, when it may be kept, and when it is still
fresh."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from mindwell.core.pagecache import generations, holes
from mindwell.core.pagecache.keys import PageSpec

# A page whose generations moved a moment ago (generations.moved_recently) is kept for one
# second only, so nobody sees it stale for longer if its render raced the write.
SHORT_SECONDS = 1
# Headers that belong to one response, never to the stored page.
PER_RESPONSE_HEADERS = frozenset({"x-cache", "content-length", "set-cookie", "date"})


def page_seconds() -> int:
    """How long a page is kept at most: relative times ("5 minutes ago") and view counts
    may lag this much; content changes never do (see generations)."""
    return int(getattr(settings, "MINDWELL_PAGE_CACHE_SECONDS", 300))


def refusal(request: HttpRequest, response: HttpResponseBase, spec: PageSpec) -> str | None:
    """Why this response must not be stored, or None."""
    if request.method != "GET" or response.status_code != 200:
        return "not a 200 GET"
    if response.streaming or not isinstance(response, HttpResponse):
        return "streaming"
    if not response.get("Content-Type", "").startswith("text/html"):
        return "not HTML"
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return "sets cookies"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "a real CSRF token was rendered"
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return "the session changed"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return "a member"
    directives = {d.strip().lower() for d in response.get("Cache-Control", "").split(",")}
    if directives & {"private", "no-store", "no-cache"}:
        return "Cache-Control forbids it"
    if spec.url_name == "question" and not hasattr(request, "pagecache_notes"):
        return "the question page did not name its dependencies"
    if holes.unfilled_kinds(response.content):
        return "holes without a filler"
    return None


def save(request: HttpRequest, response: HttpResponse, spec: PageSpec) -> None:
    notes: dict[str, Any] = getattr(request, "pagecache_notes", {})
    keys = [*spec.dependencies, *notes.get("dependencies", [])]
    current = generations.read(keys)
    seconds = page_seconds()
    if generations.moved_recently(current):
        seconds = min(seconds, SHORT_SECONDS)
    entry = {
        "content": response.content,
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in PER_RESPONSE_HEADERS
        ],
        "generations": current,
        "question": notes.get("question"),
    }
    cache.set(spec.key, entry, timeout=seconds)


def lookup(spec: PageSpec) -> dict[str, Any] | None:
    """The stored page, when every generation it was rendered with is still current."""
    entry = cache.get(spec.key)
    if not isinstance(entry, dict):
        return None
    stored: dict[str, int] = entry["generations"]
    if generations.read(stored) != stored:
        return None
    return entry


def respond(request: HttpRequest, entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(holes.fill(request, entry["content"]), status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response
