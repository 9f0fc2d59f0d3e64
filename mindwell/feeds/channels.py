"""The feeds' contents. Each reads as an anonymous visitor would, so a feed can never show a
queued, hidden or deleted post, nor anything in a thread that is not public; each runs a
fixed number of queries, whatever the number of items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from mindwell.feeds.entries import Channel, post_entry, question_entry, reply_entry
from mindwell.qa.models import Post
from mindwell.qa.selectors import SORTS, question_list
from mindwell.search.query import MAX_QUERY_LENGTH
from mindwell.seo.links import absolute_url
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.models import Category, Tag

FEED_SIZE = 30

LIST_TITLES = {
    "recent": "Recent questions",
    "active": "Recently active questions",
    "hot": "Hot questions",
    "votes": "Most voted questions",
    "answers": "Most answered questions",
    "views": "Most viewed questions",
    "unanswered": "Unanswered questions",
}


@dataclass(frozen=True)
class Found:
    """What a search found: posts best first, each reply with its `question` loaded, and
    why nothing could be looked for when the query cannot be read."""

    posts: tuple[Post, ...] = ()
    message: str = ""


# (query, viewer) -> Found. The search app provides it; see mindwell.feeds.search.
SearchFunction = Callable[[str, Any], Found]


def _sort_from(request: HttpRequest, default: str = "recent") -> str:
    sort = request.GET.get("sort", default)
    return sort if sort in SORTS else default


def _with_sort(path: str, sort: str) -> str:
    return path if sort == "recent" else f"{path}?{urlencode({'sort': sort})}"


def _feed_url(request: HttpRequest) -> str:
    return absolute_url(request, request.get_full_path())


def _site_name() -> str:
    return SiteSettings.current().site_name


def _questions(request: HttpRequest, **filters: Any) -> tuple:
    visitor = AnonymousUser()
    questions = question_list(viewer=visitor, **filters)[:FEED_SIZE]
    return tuple(question_entry(request, question) for question in questions)


def list_channel(request: HttpRequest, *, sort: str) -> Channel:
    label = LIST_TITLES.get(sort, LIST_TITLES["recent"])
    return Channel(
        title=f"{label} - {_site_name()}",
        link=absolute_url(request, _with_sort(reverse("home"), sort)),
        description=f"{label} on {_site_name()}.",
        feed_url=_feed_url(request),
        entries=_questions(request, sort=sort),
    )


def category_channel(request: HttpRequest, *, slug: str) -> Channel:
    category = get_object_or_404(Category, slug=slug)
    sort = _sort_from(request)
    label = LIST_TITLES[sort]
    return Channel(
        title=f"{label} in {category.name} - {_site_name()}",
        link=absolute_url(request, _with_sort(category.get_absolute_url(), sort)),
        description=category.description or f"{label} in {category.name}.",
        feed_url=_feed_url(request),
        entries=_questions(request, sort=sort, category=category),
    )


def tag_channel(request: HttpRequest, *, name: str) -> Channel:
    tag = get_object_or_404(Tag, name=name.lower())
    sort = _sort_from(request)
    label = LIST_TITLES[sort]
    return Channel(
        title=f"{label} tagged {tag.name} - {_site_name()}",
        link=absolute_url(request, _with_sort(tag.get_absolute_url(), sort)),
        description=f"{label} tagged {tag.name}.",
        feed_url=_feed_url(request),
        entries=_questions(request, sort=sort, tag=tag),
    )


def question_channel(request: HttpRequest, *, pk: int) -> Channel:
    """A question's answers, newest first."""
    visible = Post.objects.visible_to(AnonymousUser())
    question = visible.questions().filter(pk=pk).first()
    if question is None:
        raise Http404("No such question.")
    answers = (
        visible.answers()
        .filter(question_id=question.pk)
        .select_related("author")
        .order_by("-created_at", "-pk")[:FEED_SIZE]
    )
    return Channel(
        title=f"Answers to “{question.title}” - {_site_name()}",
        link=absolute_url(request, question.get_absolute_url()),
        description=f"New answers to the question “{question.title}”.",
        feed_url=_feed_url(request),
        entries=tuple(reply_entry(request, answer, question) for answer in answers),
    )


def search_channel(request: HttpRequest, *, search: SearchFunction) -> Channel:
    """The first page of search results (as the search page shows it) for ?q=."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    found = search(query, AnonymousUser()) if query else Found()
    title = f"Search results for “{query}”" if query else "Search"
    page = reverse("search") + (f"?{urlencode({'q': query})}" if query else "")
    description = found.message or (
        f"Posts on {_site_name()} matching “{query}”." if query else "Type a query after ?q="
    )
    return Channel(
        title=f"{title} - {_site_name()}",
        link=absolute_url(request, page),
        description=description,
        feed_url=_feed_url(request),
        entries=tuple(post_entry(request, post) for post in found.posts[:FEED_SIZE]),
    )
