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
from django.utils.translation import gettext, gettext_lazy

from mindwell.feeds.entries import Channel, post_entry, question_entry, reply_entry
from mindwell.importers.selectors import attributions_for, joined_attribution
from mindwell.qa.models import Post
from mindwell.qa.selectors import SORTS, question_list
from mindwell.search.query import MAX_QUERY_LENGTH
from mindwell.seo.links import absolute_url
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.models import Category, Tag

FEED_SIZE = 30

LIST_TITLES = {
    "recent": gettext_lazy("Recent questions"),
    "active": gettext_lazy("Recently active questions"),
    "hot": gettext_lazy("Hot questions"),
    "votes": gettext_lazy("Most voted questions"),
    "answers": gettext_lazy("Most answered questions"),
    "views": gettext_lazy("Most viewed questions"),
    "unanswered": gettext_lazy("Unanswered questions"),
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
    # The attribution is joined: a feed's queries stay the same with or without imports.
    questions = question_list(viewer=visitor, **filters).select_related("imported_attribution")
    return tuple(question_entry(request, q, joined_attribution(q)) for q in questions[:FEED_SIZE])


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
        title=gettext("%(list)s in %(name)s - %(site)s")
        % {"list": label, "name": category.name, "site": _site_name()},
        link=absolute_url(request, _with_sort(category.get_absolute_url(), sort)),
        description=category.description
        or gettext("%(list)s in %(name)s.") % {"list": label, "name": category.name},
        feed_url=_feed_url(request),
        entries=_questions(request, sort=sort, category=category),
    )


def tag_channel(request: HttpRequest, *, name: str) -> Channel:
    tag = get_object_or_404(Tag, name=name.lower())
    sort = _sort_from(request)
    label = LIST_TITLES[sort]
    return Channel(
        title=gettext("%(list)s tagged %(name)s - %(site)s")
        % {"list": label, "name": tag.name, "site": _site_name()},
        link=absolute_url(request, _with_sort(tag.get_absolute_url(), sort)),
        description=gettext("%(list)s tagged %(name)s.") % {"list": label, "name": tag.name},
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
        .select_related("author", "imported_attribution")
        .order_by("-created_at", "-pk")[:FEED_SIZE]
    )
    return Channel(
        title=gettext("Answers to “%(title)s” - %(_site_name)s")
        % {"title": question.title, "_site_name": _site_name()},
        link=absolute_url(request, question.get_absolute_url()),
        description=gettext("New answers to the question “%(title)s”.") % {"title": question.title},
        feed_url=_feed_url(request),
        entries=tuple(
            reply_entry(request, answer, question, joined_attribution(answer)) for answer in answers
        ),
    )


def search_channel(request: HttpRequest, *, search: SearchFunction) -> Channel:
    """The first page of search results (as the search page shows it) for ?q=."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    found = search(query, AnonymousUser()) if query else Found()
    posts = found.posts[:FEED_SIZE]
    attributions = attributions_for(posts)
    title = gettext("Search results for “%(query)s”") % {"query": query} if query else "Search"
    page = reverse("search") + (f"?{urlencode({'q': query})}" if query else "")
    description = found.message or (
        gettext("Posts on %(_site_name)s matching “%(query)s”.")
        % {"_site_name": _site_name(), "query": query}
        if query
        else "Type a query after ?q="
    )
    return Channel(
        title=f"{title} - {_site_name()}",
        link=absolute_url(request, page),
        description=description,
        feed_url=_feed_url(request),
        entries=tuple(post_entry(request, post, attributions.get(post.pk)) for post in posts),
    )
