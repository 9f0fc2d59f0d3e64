"""`{% feed_links %}`: the <link rel="alternate"> elements for the feeds of the current page,
read from the URL that was matched and the page's context (no queries)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import gettext

from mindwell.feeds.channels import LIST_TITLES
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.selectors import SORTS

register = template.Library()

LIST_PAGES = {"home", "question-list"}
QUESTION_PAGES = {"question-detail", "question-detail-short", "answer-post"}


def _pair(feed: str, title: str, query: str = "", **kwargs: Any) -> dict[str, str]:
    suffix = f"?{query}" if query else ""
    return {
        "title": title,
        "rss": reverse(f"feeds:{feed}-rss", kwargs=kwargs) + suffix,
        "atom": reverse(f"feeds:{feed}-atom", kwargs=kwargs) + suffix,
    }


def _sort(context: template.Context) -> str:
    sort = context.get("sort")
    return sort if isinstance(sort, str) and sort in SORTS else "recent"


def page_feeds(context: template.Context) -> list[dict[str, str]]:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    url_name = match.view_name if match is not None else ""
    sort = _sort(context)
    sort_query = "" if sort == "recent" else urlencode({"sort": sort})
    feeds: list[dict[str, str]] = []
    category, tag, question = context.get("category"), context.get("tag"), context.get("question")
    if url_name in LIST_PAGES:
        feeds.append(_pair("list", str(LIST_TITLES[sort]), sort=sort))
    elif url_name == "category-detail" and category is not None:
        title = gettext("%(list)s in %(name)s") % {"list": LIST_TITLES[sort], "name": category.name}
        feeds.append(_pair("category", title, sort_query, slug=category.slug))
    elif url_name == "tag-detail" and tag is not None:
        title = gettext("%(list)s tagged %(name)s") % {"list": LIST_TITLES[sort], "name": tag.name}
        feeds.append(_pair("tag", title, sort_query, name=tag.name))
    elif url_name in QUESTION_PAGES and isinstance(question, Post):
        if question.status == PostStatus.PUBLISHED:
            feeds.append(
                _pair(
                    "question",
                    gettext("Answers to “%(title)s”") % {"title": question.title},
                    pk=question.pk,
                )
            )
    elif url_name == "search" and request is not None:
        query = " ".join(request.GET.get("q", "").split())
        if query:
            feeds.append(
                _pair(
                    "search",
                    gettext("Search results for “%(query)s”") % {"query": query},
                    urlencode({"q": query}),
                )
            )
    site_feed = _pair("list", str(LIST_TITLES["recent"]), sort="recent")
    if site_feed not in feeds:  # every page offers the site's feed of new questions
        feeds.append(site_feed)
    return feeds


@register.inclusion_tag("feeds/_alternate.html", takes_context=True)
def feed_links(context: template.Context) -> dict[str, Any]:
    return {"feeds": page_feeds(context)}
