"""Links to a Question2Answer site keep working after it moves here: each old address
answers with a permanent (301) redirect to the page that now holds the same thing.

Done as a middleware that acts only on a 404, rather than as URL patterns, because:
- Question2Answer's category pages live at their bare slug path ("/relationships/dating"):
  as a pattern that is a catch-all, which would take every unknown address (and
  APPEND_SLASH's "/admin" to "/admin/" with it). After a 404 nothing exists to be shadowed.
- A page that exists never pays anything: the middleware reads the status code and
  returns. Only a request about to get "Page not found" costs a lookup.
- Mindwell's own addresses all end in "/" and Question2Answer's never do, so a 404 from one
  of ours (a deleted question, an unknown member) is left alone, and the middleware sits
  outside CommonMiddleware so that "/tags" or "/search?q=…" still reach "/tags/" and
  "/search/?q=…" through APPEND_SLASH, exactly as for anyone else.

The one address that is not a 404 is "/?qa=…" (Question2Answer's query-string scheme at the
site root, where our home page is): it is read before the home page is built, and only
when a `qa` parameter is present.

Redirects are the same for every visitor (browsers and proxies keep a 301), so they never
depend on who asks; the pages they lead to decide what the visitor may see.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse

from mindwell.importers import old_links
from mindwell.qa.selectors import SORTS

# Question2Answer's unanswered lists (?by=) and ours (?kind=).
UNANSWERED_BY = {"": "no-answer", "selected": "no-best", "upvotes": "no-upvoted"}
# Question2Answer's profile sub-pages and our profile tabs.
PROFILE_TABS = {"questions": "questions", "answers": "answers", "wall": "wall", "activity": ""}
# Question2Answer feed names and the closest of our list feeds.
FEED_SORTS = {
    "questions": "recent",
    "hot": "hot",
    "unanswered": "unanswered",
    "qa": "active",
    "activity": "active",
    "answers": "active",
    "comments": "active",
}
# Question2Answer pages with a fixed address here (no lookup).
FIXED = {
    "ask": "ask",
    "tags": "tag-list",
    "users": "user-list",
    "categories": "category-list",
    "activity": "activity",
    "qa": "home",
    "login": "login",
    "register": "register",
    "forgot": "account_reset_password",
    "account": "profile-edit",
}
# Question2Answer's list pages, which may end in a category path.
LISTS = {"questions", "unanswered", "hot", "activity", "qa", "categories"}


class OldLinkRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == "/" and request.method in ("GET", "HEAD") and "qa" in request.GET:
            target = old_link_target("/index.php", request.GET)
            if target:
                return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = old_link_target(request.path_info, request.GET)
        return HttpResponsePermanentRedirect(target) if target else response


def old_link_target(path: str, query: Mapping[str, str]) -> str | None:
    """Where a Question2Answer address now lives, or None. `path` is decoded, as Django
    gives it; `query` the request's GET parameters."""
    if path.endswith("/") and path != "/":
        return None  # one of ours: Question2Answer never ends an address with "/"
    segments = [part for part in path.split("/") if part]
    front = segments[:1] == ["index.php"]
    if front:
        # "/index.php/123/why" or "/index.php?qa=123&qa_1=why" (and "/?qa=…" at the root).
        segments = segments[1:] or _query_segments(query)
    if not segments and not front:
        return None
    keys = old_links.source_keys()
    if not keys:
        return None  # nothing was imported from Question2Answer
    return _route(keys, segments, query) if segments else reverse("home")


def _query_segments(query: Mapping[str, str]) -> list[str]:
    parts = [query.get("qa", "")]
    for n in range(1, 8):
        part = query.get(f"qa_{n}")
        if not part:
            break
        parts.append(part)
    return [part for part in parts if part]


def _route(keys: list[str], segments: list[str], query: Mapping[str, str]) -> str | None:
    head, rest = segments[0], segments[1:]
    if head.isascii() and head.isdigit():
        return old_links.post_url(keys, head, show=query.get("show"))
    if head == "user" and rest:
        return _profile(keys, rest)
    if head == "tag" and len(rest) == 1:
        tag = old_links.tag(rest[0])
        return old_links.reverse_or_none("tag-detail", tag.name) if tag else None
    if head == "search" and not rest:
        return _with(reverse("search"), q=query.get("q", ""))
    if head == "feed" and rest and rest[-1].endswith(".rss"):
        return _feed(keys, [*rest[:-1], rest[-1].removesuffix(".rss")])
    if head in LISTS:
        return _list(keys, head, rest, query)
    if head in FIXED and not rest:
        return reverse(FIXED[head])
    found = old_links.category(keys, segments)
    return found.get_absolute_url() if found else None


def _profile(keys: list[str], rest: list[str]) -> str | None:
    if len(rest) > 2 or (len(rest) == 2 and rest[1] not in PROFILE_TABS):
        return None
    found = old_links.member(keys, rest[0])
    url = old_links.reverse_or_none("user-profile", found.username) if found else None
    tab = PROFILE_TABS[rest[1]] if len(rest) == 2 else ""
    return _with(url, tab=tab) if url else None


def _list(keys: list[str], head: str, rest: list[str], query: Mapping[str, str]) -> str | None:
    """A question list, for the whole site or (with a path) one category."""
    sort = {"unanswered": "unanswered", "hot": "hot"}.get(head, query.get("sort", ""))
    sort = sort if sort in SORTS and sort != "recent" else ""
    kind = UNANSWERED_BY.get(query.get("by", ""), "") if sort == "unanswered" else ""
    kind = "" if kind == "no-answer" else kind
    if not rest:
        name = FIXED.get(head, "question-list")
        return _with(reverse(name), sort=sort, kind=kind) if head != "categories" else reverse(name)
    found = old_links.category(keys, rest)
    if found is None:
        return None
    if head == "activity":
        return _with(reverse("activity"), category=found.slug)
    return _with(found.get_absolute_url(), sort=sort, kind=kind)


def _feed(keys: list[str], parts: list[str]) -> str | None:
    """Question2Answer's feeds: /feed/questions.rss, /feed/hot/<category path>.rss,
    /feed/tag/<tag>.rss, /feed/search/<query>.rss (member feeds have no match here)."""
    kind, rest = parts[0], parts[1:]
    if kind == "tag" and len(rest) == 1:
        tag = old_links.tag(rest[0])
        return old_links.reverse_or_none("feeds:tag-rss", tag.name) if tag else None
    if kind == "search" and len(rest) == 1:
        # PHP's urlencode() wrote spaces as "+", which a path does not decode.
        return _with(reverse("feeds:search-rss"), q=rest[0].replace("+", " "))
    sort = FEED_SORTS.get(kind)
    if sort is None:
        return None
    if not rest:
        return reverse("feeds:list-rss", args=[sort])
    found = old_links.category(keys, rest)
    if found is None:
        return None
    url = reverse("feeds:category-rss", args=[found.slug])
    return _with(url, sort="" if sort == "recent" else sort)


def _with(url: str, **params: str) -> str:
    """`url` with the non-empty parameters as its query string."""
    present = {name: value for name, value in params.items() if value}
    return f"{url}?{urlencode(present)}" if present else url
