"""The sitemap sections. Each is paged (MINDWELL_SITEMAP_LIMIT URLs a page, 5,000 unless set)
and lists only what an anonymous visitor can open."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib import sitemaps
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse

from mindwell.accounts.models import User
from mindwell.qa.models import Post, PostStatus
from mindwell.seo.links import site_parts
from mindwell.siteconfig.models import Page
from mindwell.taxonomy.models import Category, Tag

DEFAULT_LIMIT = 5000


class SiteSitemap(sitemaps.Sitemap):
    """Builds absolute URLs from MINDWELL_SITE_URL when it is set, as feeds and canonical
    links do, and from the request otherwise."""

    @property
    def limit(self) -> int:  # type: ignore[override]
        return int(getattr(settings, "MINDWELL_SITEMAP_LIMIT", DEFAULT_LIMIT))

    def get_protocol(self, protocol: str | None = None) -> str:
        if getattr(settings, "MINDWELL_SITE_URL", ""):
            return site_parts(None)[0]
        return super().get_protocol(protocol)

    def get_domain(self, site: Any = None) -> str:
        if getattr(settings, "MINDWELL_SITE_URL", ""):
            return site_parts(None)[1]
        return super().get_domain(site)


class QuestionSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self) -> QuerySet[Post]:
        # Only the columns the URL and lastmod need: this section can hold most of the site.
        return (
            Post.objects.questions()
            .published()
            .only("pk", "kind", "title", "activity_at")
            .order_by("pk")
        )

    def lastmod(self, item: Post) -> datetime:
        return item.activity_at

    def get_latest_lastmod(self) -> datetime | None:
        # Django's default calls lastmod() on every item; one aggregate does the same.
        return Post.objects.questions().published().aggregate(latest=Max("activity_at"))["latest"]


class CategorySitemap(SiteSitemap):
    changefreq = "daily"

    def items(self) -> QuerySet[Category]:
        return Category.objects.only("pk", "slug").order_by("pk")


class TagSitemap(SiteSitemap):
    changefreq = "daily"

    def items(self) -> QuerySet[Tag]:
        return Tag.objects.filter(question_count__gt=0).only("pk", "name").order_by("pk")


class UserSitemap(SiteSitemap):
    """Profiles of members who have written something public; empty profiles are left out."""

    changefreq = "weekly"

    def items(self) -> QuerySet[User]:
        public_posts = Post.objects.filter(
            author=OuterRef("pk"),
            status=PostStatus.PUBLISHED,
            question__status=PostStatus.PUBLISHED,
        )
        return (
            User.objects.filter(is_active=True, blocked_at__isnull=True)
            .filter(Exists(public_posts))
            .only("pk", "username")
            .order_by("pk")
        )


class StaticSitemap(SiteSitemap):
    """The site's fixed pages and the pages administrators write."""

    changefreq = "weekly"
    NAMED = ("home", "category-list", "tag-list", "user-list")

    def items(self) -> list[tuple[str, datetime | None]]:
        named: list[tuple[str, datetime | None]] = [(reverse(name), None) for name in self.NAMED]
        pages = Page.objects.order_by("position", "title").only("slug", "updated_at")
        return named + [(page.get_absolute_url(), page.updated_at) for page in pages]

    def location(self, item: tuple[str, datetime | None]) -> str:
        return item[0]

    def lastmod(self, item: tuple[str, datetime | None]) -> datetime | None:
        return item[1]

    def get_latest_lastmod(self) -> None:
        return None  # the fixed pages have no date


SITEMAPS: dict[str, type[SiteSitemap]] = {
    "static": StaticSitemap,
    "questions": QuestionSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "users": UserSitemap,
}
