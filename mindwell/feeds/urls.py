"""Feed URLs, each in RSS 2.0 (`.rss`) and Atom (`.atom`); names end in -rss or -atom:

feeds:list-rss        /feeds/<sort>.rss             a list of qa.selectors.SORTS
feeds:category-rss    /categories/<slug>/feed.rss   ?sort= optional
feeds:tag-rss         /tags/<name>/feed.rss         ?sort= optional
feeds:question-rss    /questions/<pk>/feed.rss      the answers, newest first
feeds:search-rss      /search/feed.rss?q=...        the first page of results
"""

from __future__ import annotations

from functools import partial

from django.urls import URLPattern, path, register_converter

from mindwell.feeds import channels
from mindwell.feeds.search import search_posts
from mindwell.feeds.views import ChannelBuilder, ChannelFeed
from mindwell.qa.selectors import SORTS


class SortConverter:
    regex = "|".join(SORTS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SortConverter, "feedsort")


def both_formats(route: str, build: ChannelBuilder, name: str) -> list[URLPattern]:
    return [
        path(f"{route}.rss", ChannelFeed(build), name=f"{name}-rss"),
        path(f"{route}.atom", ChannelFeed(build, atom=True), name=f"{name}-atom"),
    ]


app_name = "feeds"
urlpatterns = [
    *both_formats("feeds/<feedsort:sort>", channels.list_channel, "list"),
    *both_formats("categories/<slug:slug>/feed", channels.category_channel, "category"),
    *both_formats("tags/<str:name>/feed", channels.tag_channel, "tag"),
    *both_formats("questions/<int:pk>/feed", channels.question_channel, "question"),
    *both_formats("search/feed", partial(channels.search_channel, search=search_posts), "search"),
]
