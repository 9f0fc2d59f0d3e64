"""robots.txt and the sitemaps. They are rendered without the request context: the site's
context processors serve HTML pages and would only add queries here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from mindwell.seo.links import absolute_url
from mindwell.seo.sitemaps import SITEMAPS

# Crawlers fetch these often and they change slowly.
SITEMAP_MAX_AGE = 3600


@dataclass(frozen=True)
class IndexEntry:
    """One sitemap page in the index (the fields Django's sitemap_index.xml reads)."""

    location: str
    last_mod: datetime | None


def _response(template: str, context: dict, content_type: str) -> HttpResponse:
    response = HttpResponse(render_to_string(template, context), content_type=content_type)
    patch_cache_control(response, public=True, max_age=SITEMAP_MAX_AGE)
    return response


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = absolute_url(request, reverse("seo:sitemap-index"))
    return _response("seo/robots.txt", {"sitemap": sitemap}, "text/plain; charset=utf-8")


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """Every page of every section, on the site's address (MINDWELL_SITE_URL when set)."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = absolute_url(request, reverse("seo:sitemap-section", args=[section]))
        lastmod = sitemap.get_latest_lastmod()
        entries.append(IndexEntry(location, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            entries.append(IndexEntry(f"{location}?p={page}", lastmod))
    return _response("sitemap_index.xml", {"sitemaps": entries}, "application/xml")


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """One page (?p=N) of one section."""
    sitemap_class = SITEMAPS.get(section)
    if sitemap_class is None:
        raise Http404("No such sitemap.")
    try:
        urls = sitemap_class().get_urls(
            page=request.GET.get("p", 1), site=RequestSite(request), protocol=request.scheme
        )
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such sitemap page.") from None
    return _response("sitemap.xml", {"urlset": urls}, "application/xml")
