"""Pieces the post services share: who is posting, and one submission creating one post."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from mindwell.core import ratelimit
from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.qa import permissions
from mindwell.qa.models import ContentWarning, Post, PostKind, PostStatus
from mindwell.qa.validation import clean_anonymous_name, clean_text
from mindwell.siteconfig.models import SiteSettings


class DuplicateSubmission(ServiceError):
    """The same form was sent twice; `post` is what the first submission created."""

    def __init__(self, post: Post) -> None:
        super().__init__("This was already posted, so it was not posted twice.")
        self.post = post


@dataclass(frozen=True)
class Poster:
    """Who is writing: a member, or a visitor with an optional name and private email.
    `anonymous`: a member posting under their pseudonym (see mindwell.privacy)."""

    user: Any = None
    name: str = ""
    email: str = ""
    notify: bool = False
    ip: str | None = None
    anonymous: bool = False

    @property
    def user_id(self) -> int | None:
        if self.user is not None and self.user.is_authenticated:
            return int(self.user.pk)
        return None


def check_poster(
    poster: Poster, *, kind: str, site: SiteSettings, category: Any = None, on: Post | None = None
) -> dict[str, Any]:
    """Validate who is posting and return the Post fields that record it. `category` (of a
    new question) or `on` (the post answered or commented on) lets category levels count."""
    if poster.user_id is not None:
        refusal = permissions.post_refusal(poster.user, kind, site=site, category=category, on=on)
        if refusal:
            raise PermissionDenied(refusal)
        if poster.anonymous:
            from mindwell.privacy.services.pseudonyms import anonymous_post_fields

            fields = anonymous_post_fields(user=poster.user)
            return {**fields, "notify": poster.notify, "author_ip": poster.ip}
        return {"author_id": poster.user_id, "notify": poster.notify, "author_ip": poster.ip}
    if not permissions.can_post(None, kind, site=site):
        noun = {"Q": "ask a question", "A": "answer", "C": "comment"}[kind]
        raise PermissionDenied(gettext("Please log in or register to %(noun)s.") % {"noun": noun})
    email = clean_text(poster.email)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ServiceError(
                gettext(
                    "That email address does not look right; please check it or leave it empty."
                ),
                field="anon_email",
            ) from None
    if poster.ip and not ratelimit.hit(
        f"anon-post:{poster.ip}",
        limit=site.anonymous_posts_per_hour,
        window_seconds=3600,
    ):
        raise RateLimited(
            gettext(
                "Too many posts from your address in the last hour. Please wait a while, or log "
                "in to keep posting. Your text is still here."
            )
        )
    return {
        "author_id": None,
        "anon_name": clean_anonymous_name(poster.name),
        "anon_email": email,
        "notify": bool(email) and poster.notify,
        "author_ip": poster.ip,
    }


def check_not_duplicate(submit_token: str | None) -> str | None:
    token = clean_text(submit_token or "")[:64] or None
    if token:
        existing = Post.objects.select_related("question").filter(submit_token=token).first()
        if existing is not None:
            raise DuplicateSubmission(existing)
    return token


def create_once(fields: dict[str, Any]) -> Post:
    """Insert a post; a concurrent double submit loses the race cleanly."""
    try:
        with transaction.atomic():
            return Post.objects.create(**fields)
    except IntegrityError:
        token = fields.get("submit_token")
        existing = Post.objects.filter(submit_token=token).first() if token else None
        if existing is None:
            raise
        raise DuplicateSubmission(existing) from None


def check_content_warning(value: str | None) -> str:
    value = clean_text(value or "")
    if value and value not in ContentWarning.values:
        raise ServiceError(
            gettext("Please choose a content warning from the list."), field="content_warning"
        )
    return value


def post_created(*, post: Post, screening: Any, kind: str | None) -> None:
    """What every new post goes through after its row is written, inside the transaction:
    published effects (counters, points, thread activity), the safety assessment, and what
    screening found. `kind` names the points event for the posting."""
    from mindwell.badges.tasks import enqueue_badge_check
    from mindwell.moderation.screening import screening_after_create
    from mindwell.notifications import events as notification_events
    from mindwell.qa.services.publication import publication_effects
    from mindwell.safety.services import post_assess
    from mindwell.search.indexing import search_index_post

    if post.status == PostStatus.PUBLISHED:
        publication_effects(post=post, publish=True, kind=kind)
        if post.kind != PostKind.QUESTION:
            Post.objects.filter(thread_posts=post).update(activity_at=post.created_at)
    post_assess(post=post)
    screening_after_create(post=post, screening=screening)
    # Replies, mentions and followers if it is published; moderators if it waits for them.
    notification_events.post_created(post=post)
    # Last, so the index sees the status screening and the safety check settled on.
    search_index_post(post.pk)
    enqueue_badge_check(post.author_id)  # in the background, after the commit
