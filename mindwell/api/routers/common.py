"""What the routers share: finding a post the caller may see, and answering a new post the
way the site's pages do (published, or waiting for a moderator; crisis lines when needed)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mindwell.api.errors import not_found
from mindwell.api.schemas.build import post_out, support_for
from mindwell.core.ratelimit import client_ip
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services.common import Poster
from mindwell.qa.views.common import waiting_message
from mindwell.taxonomy.models import Category, Tag

MAX_ID = 2**62


def list_filters(
    *, category_slug: str | None, tag_name: str | None
) -> tuple[Category | None, Tag | None]:
    """The category and tag a list is filtered by; an unknown one is a 404 (the site drops
    the filter with a message instead, which a client could not see)."""
    category = tag = None
    if category_slug:
        category = Category.objects.filter(slug=category_slug).first()
        if category is None:
            raise not_found("There is no category with that slug.")
    if tag_name:
        tag = Tag.objects.filter(name=tag_name.strip().lower()).first()
        if tag is None:
            raise not_found("No question has that tag.")
    return category, tag


def visible_post(request: HttpRequest, pk: int, *, kinds: tuple[str, ...] = ()) -> Post:
    """The post `pk` if the caller may read it on the site (hidden, queued and deleted posts
    are "not found" to those who may not), else a 404."""
    posts = Post.objects.visible_to(request.user).select_related(
        "question", "author", "edited_by", "category"
    )
    if kinds:
        posts = posts.filter(kind__in=kinds)
    post = posts.filter(pk=pk).first() if 0 < pk < MAX_ID else None
    if post is None:
        raise not_found("There is no such post, or you may not see it.")
    return post


def poster(request: HttpRequest, *, anonymous: bool = False, notify: bool = False) -> Poster:
    return Poster(user=request.user, notify=notify, ip=client_ip(request), anonymous=anonymous)


def created(post: Post, *, user: Any, success: str) -> dict[str, Any]:
    queued = post.status == PostStatus.QUEUED
    return {
        # A post just written here has no attribution to look up.
        "post": post_out(post, attributions={}),
        "status": "queued" if queued else "published",
        "message": str(waiting_message(post) if queued else success),
        "support": support_for(post, user=user),
    }
