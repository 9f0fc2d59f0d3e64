"""RSS 2.0 and Atom feeds through Django's syndication framework. One Feed class serves every
feed: it is given the function that builds the feed's Channel (see mindwell.feeds.channels)
and the format to write."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from mindwell.feeds.entries import Channel, Entry

# Readers poll; five minutes keeps a burst of them off the database.
FEED_MAX_AGE = 300

ChannelBuilder = Callable[..., Channel]


class ChannelFeed(Feed):
    def __init__(self, build: ChannelBuilder, *, atom: bool = False) -> None:
        self.build = build
        self.feed_type = Atom1Feed if atom else Rss201rev2Feed
        # An RSS <title> is read as HTML by many readers, so it is escaped once more (as
        # Django's Feed does by default); an Atom title is declared plain text.
        self.escape_titles = not atom

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Channel:
        return self.build(request, **kwargs)

    def title(self, obj: Channel) -> str:
        return obj.title

    def link(self, obj: Channel) -> str:
        return obj.link

    def description(self, obj: Channel) -> str:
        return obj.description

    def subtitle(self, obj: Channel) -> str:
        return obj.description

    def feed_url(self, obj: Channel) -> str:
        return obj.feed_url

    def feed_guid(self, obj: Channel) -> str:
        # The RSS and Atom versions of a page's feed are different feeds.
        return obj.feed_url

    def items(self, obj: Channel) -> tuple[Entry, ...]:
        return obj.entries

    def item_title(self, item: Entry) -> str:
        return escape(item.title) if self.escape_titles else item.title

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.guid

    def item_description(self, item: Entry) -> str:
        return item.description

    def item_author_name(self, item: Entry) -> str:
        return item.author_name

    def item_author_link(self, item: Entry) -> str | None:
        return item.author_link or None

    def item_pubdate(self, item: Entry) -> datetime:
        return item.published

    def item_updateddate(self, item: Entry) -> datetime:
        return item.updated

    def item_categories(self, item: Entry) -> tuple[str, ...]:
        return item.categories
