"""Absolute URLs for links that leave the page: canonical links, feeds, sitemaps, JSON-LD.

A deployment behind a proxy sets MINDWELL_SITE_URL (e.g. "https://mindwell.example") so
these links never depend on the Host header; without it they are built from the request."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def site_root(request: HttpRequest | None) -> str:
    """ "scheme://host" of the site, without a trailing slash."""
    configured = str(getattr(settings, "MINDWELL_SITE_URL", "") or "").rstrip("/")
    if configured:
        return configured
    if request is None:
        return "http://localhost"
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request: HttpRequest | None, path: str) -> str:
    """`path` (as returned by reverse() or get_absolute_url()) on the site's own host."""
    if path.startswith(("http://", "https://")):
        return path
    return site_root(request) + path


def site_parts(request: HttpRequest | None) -> tuple[str, str]:
    """(protocol, domain) of the site root, as Django's sitemap framework wants them."""
    parts = urlsplit(site_root(request))
    return parts.scheme or "https", parts.netloc
