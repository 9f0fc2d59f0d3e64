"""Fetching and parsing feeds in tests."""

from __future__ import annotations

from typing import Any

import feedparser
from django.test import Client

FORMATS = ("rss", "atom")


def fetch(client: Client, url: str) -> tuple[Any, bytes]:
    """The parsed feed and its raw bytes; fails unless the feed is well formed."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    raw = response.content
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed, raw


def guids(parsed: Any) -> list[str]:
    return [entry.id for entry in parsed.entries]


def short_url(post: Any) -> str:
    return f"http://testserver/questions/{post.pk}/"
