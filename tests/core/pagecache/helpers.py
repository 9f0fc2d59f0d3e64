"""Shared by the page cache tests: the cache on, a browser-like visitor, and the values a
page holds per visitor."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def visitor(n: int = 1, **extra: Any) -> Client:
    """An anonymous browser from its own address (so its views count)."""
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=f"198.51.100.{n}", **extra)


def x_cache(response: Any) -> str | None:
    return response.headers.get("X-Cache")


def tokens(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]*)"', html)


def page(response: Any) -> str:
    return response.content.decode()
