"""Posting on profile walls, taking posts down, and moderators hiding them."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.core.markdown import render_markdown
from mindwell.messaging import permissions
from mindwell.messaging.models import WallPost, WallPostStatus
from mindwell.messaging.services.common import count_towards_limit, risk_of, screened_text
from mindwell.moderation.models import AuditAction
from mindwell.moderation.services.audit import audit_write
from mindwell.qa.validation import clean_text


def wall_post_create(*, author: Any, owner: Any, body: str, ip: str | None = None) -> WallPost:
    refusal = permissions.wall_post_refusal(author, owner)
    if refusal:
        raise PermissionDenied(refusal)
    text = screened_text(
        user=author,
        body=body,
        ip=ip,
        label=gettext("wall post"),
        maximum=permissions.WALL_POST_MAX_LENGTH,
    )
    count_towards_limit(
        user=author,
        key="wall",
        limit=permissions.WALL_POSTS_PER_HOUR,
        done=gettext("written %(WALL_POSTS_PER_HOUR)s wall posts")
        % {"WALL_POSTS_PER_HOUR": permissions.WALL_POSTS_PER_HOUR},
    )
    with transaction.atomic():
        post = WallPost(
            owner=owner,
            author=author,
            body=text,
            body_html=render_markdown(text),
            risk_level=risk_of(text),
        )
        post.full_clean(exclude=["owner", "author"])
        post.save()
    return post


def wall_post_delete(*, post: WallPost, user: Any) -> None:
    """The owner of the wall, or the writer, removes the post for good."""
    if not permissions.can_delete_wall_post(user, post):
        raise PermissionDenied(
            gettext("Only the wall’s owner and the writer can delete this post.")
        )
    post.delete()


def wall_post_set_hidden(
    *, post: WallPost, moderator: Any, hidden: bool, reason: str = ""
) -> WallPost:
    """Hide a wall post from everyone but moderators, or show it again; one audit entry
    (hide or reshow, with the wall post's id in the detail: it is not a forum post)."""
    if not permissions.can_hide_wall_posts(moderator):
        raise PermissionDenied(gettext("Only moderators can hide wall posts."))
    status = WallPostStatus.HIDDEN if hidden else WallPostStatus.PUBLISHED
    with transaction.atomic():
        post = WallPost.objects.select_for_update().get(pk=post.pk)
        if post.status == status:
            raise ServiceError(
                "This wall post is already hidden." if hidden else "This wall post is not hidden."
            )
        post.status = status
        post.save(update_fields=["status"])
        audit_write(
            actor=moderator,
            action=AuditAction.HIDE if hidden else AuditAction.RESHOW,
            target_user=post.author,
            reason=clean_text(reason),
            detail={"wall_post": post.pk, "wall_of": post.owner_id},
        )
    return post
