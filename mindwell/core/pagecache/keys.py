"""Which requests the page cache may answer, and under which key."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils import translation

from mindwell.core.pagecache import generations

# Pages audited for per-visitor content, by URL name, with the generation their content
# follows besides the site's ("question" pages also name their writers, see
# question_pages). Anything not listed is never cached.
CACHEABLE: dict[str, str] = {
    "home": "lists",
    "question-list": "lists",
    "activity": "lists",
    "category-list": "lists",
    "category-detail": "lists",
    "tag-list": "lists",
    "tag-detail": "lists",
    "question-detail": "question",
    "question-detail-short": "question",
    "page-detail": "site",
}
# Query parameters those pages read; any other (tracking tags, typos) bypasses the cache,
# so nobody can fill it with variants or see another visitor's parameters echoed back.
QUERY_PARAMETERS = frozenset({"sort", "kind", "category", "tag", "after", "before", "page"})
MAX_QUERY_LENGTH = 512
# Cookies that change an anonymous page: the crisis lines' country, the colour theme and
# the language (its value also comes from Accept-Language, hence the active language below).
VARY_COOKIES = ("mw_crisis_country", "theme")
MESSAGES_COOKIE = "messages"


@dataclass(frozen=True)
class PageSpec:
    key: str
    dependencies: tuple[str, ...]
    url_name: str


def enabled() -> bool:
    return bool(getattr(settings, "MINDWELL_PAGE_CACHE", False))


def _has_visitor_state(request: HttpRequest) -> bool:
    """A session (a member, or an anonymous writer being greeted), messages waiting, or
    credentials: the page may be theirs alone."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or MESSAGES_COOKIE in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def _cookie_value(request: HttpRequest, name: str) -> str:
    raw = request.COOKIES.get(name, "")[:16]
    return "".join(ch for ch in raw if ch.isalnum() or ch in "-_")


def page_spec(request: HttpRequest) -> PageSpec | None:
    """The cache key and generations of this request's page, or None: not cacheable."""
    if request.method not in ("GET", "HEAD") or _has_visitor_state(request):
        return None
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH or any(
        part.split("=", 1)[0] not in QUERY_PARAMETERS for part in query.split("&") if part
    ):
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    scope = CACHEABLE.get(match.url_name or "")
    if scope is None:
        return None
    dependencies = [generations.SITE]
    if scope == "lists":
        dependencies.append(generations.LISTS)
    elif scope == "question":
        dependencies.append(generations.question_key(int(match.kwargs["pk"])))
    variant = "|".join(
        [
            request.scheme or "",
            request.get_host(),
            request.path,
            query,
            translation.get_language() or "",
            *(_cookie_value(request, name) for name in VARY_COOKIES),
        ]
    )
    digest = hashlib.sha256(variant.encode()).hexdigest()[:40]
    return PageSpec(key=f"pc:page:{digest}", dependencies=tuple(dependencies), url_name=scope)
