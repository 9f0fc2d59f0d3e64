"""The canonical URL of a page: the one address search engines should index it under.

- Question pages: always the question's current slugged URL, whatever URL showed it (an old
  slug, the short /questions/<id>/ form, or the answer form's POST address).
- Everything else: the page's path, keeping only the query parameters that choose different
  content: `sort` (unless it is the default) and a numbered `page` after the first. Cursor
  parameters of deep keyset pages, tracking parameters and the like are dropped, so a deep
  cursor page points at the head of its list: cursor URLs are unbounded and shift as posts
  arrive, and crawlers reach every question through the sitemap anyway.
- "/questions/" shows the same list as "/", so its canonical URL is "/".
- The search page keeps its query `q` (robots.txt keeps crawlers off it anyway).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from mindwell.qa.models import Post, PostStatus
from mindwell.qa.selectors import SORTS
from mindwell.seo.links import absolute_url

QUESTION_PAGES = {"question-detail", "question-detail-short", "answer-post"}
DEFAULT_SORT = "recent"


def _kept_params(request: HttpRequest, view_name: str) -> dict[str, str]:
    kept: dict[str, str] = {}
    query = request.GET.get("q", "").strip()
    if view_name == "search" and query:
        kept["q"] = query
    sort = request.GET.get("sort", "")
    if sort in SORTS and sort != DEFAULT_SORT:
        kept["sort"] = sort
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and int(page) > 1:
        kept["page"] = str(int(page))
    return kept


def canonical_url(request: HttpRequest, *, question: object = None) -> str:
    match = request.resolver_match
    view_name = match.view_name if match is not None else ""
    if (
        view_name in QUESTION_PAGES
        and isinstance(question, Post)
        and question.status == PostStatus.PUBLISHED
    ):
        return absolute_url(request, question.get_absolute_url())
    path = reverse("home") if view_name == "question-list" else request.path
    params = _kept_params(request, view_name)
    return absolute_url(request, path + (f"?{urlencode(params)}" if params else ""))
