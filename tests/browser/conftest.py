"""Fixtures for the browser tests: Debian's Chromium driven by Playwright against
pytest-django's live server.

Every browser context records the URL of every request its pages make, and aborts any request
to a host other than the live server's, so a test can prove the privacy promise: the site loads
nothing from CDNs, font services or analytics.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import playwright.sync_api as playwright_sync
import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# URLs that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


def chromium_executable() -> str | None:
    """$MINDWELL_CHROMIUM, else Debian's Chromium, else Playwright's own download."""
    configured = os.environ.get("MINDWELL_CHROMIUM")
    if configured:
        return configured
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class RequestLog:
    """Every URL the browser asked for, across all the contexts of one test."""

    def __init__(self, allowed_netloc: str) -> None:
        self.allowed_netloc = allowed_netloc
        self.urls: list[str] = []
        self.statuses: dict[str, int] = {}
        self.script_errors: list[str] = []

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or (
            parts.scheme in ("http", "https", "ws", "wss") and parts.netloc == self.allowed_netloc
        )

    def foreign(self) -> list[str]:
        return [url for url in self.urls if not self.is_local(url)]

    def broken_assets(self) -> dict[str, int]:
        """Stylesheets and scripts that did not load."""
        return {
            url: status
            for url, status in self.statuses.items()
            if urlsplit(url).path.endswith((".css", ".js")) and status != 200
        }


@pytest.fixture
def request_log(live_server: Any) -> RequestLog:
    return RequestLog(urlsplit(live_server.url).netloc)


@pytest.fixture
def new_context(
    browser: Any, live_server: Any, request_log: RequestLog
) -> Iterator[Callable[..., Any]]:
    """Open a fresh browser context (its own cookies: another person) on the live server."""
    contexts: list[Any] = []

    def open_context(**options: Any) -> Any:
        options.setdefault("viewport", DESKTOP)
        options.setdefault("base_url", live_server.url)
        options.setdefault("locale", "en-GB")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.on("request", lambda req: request_log.urls.append(req.url))
        context.on("response", lambda res: request_log.statuses.update({res.url: res.status}))
        context.on("weberror", lambda err: request_log.script_errors.append(str(err.error)))
        # Nothing may leave the machine, even if a test fails to notice it.
        context.route(lambda url: not request_log.is_local(url), lambda route: route.abort())
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., Any]) -> Any:
    """A page in a new desktop-sized context: a visitor who is not logged in."""
    return new_context().new_page()
