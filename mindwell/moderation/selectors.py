"""Reading for moderators: the queues, the counts in the header, a post's or a member's
moderation history, and the audit log. Each runs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from mindwell.core.ids import parse_id
from mindwell.moderation.models import AuditEntry, Flag, FlagStatus
from mindwell.moderation.services.audit import COUNTS_CACHE_KEY
from mindwell.qa.models import Post, PostStatus

COUNTS_CACHE_SECONDS = 10


def _with_context(posts: QuerySet[Post]) -> QuerySet[Post]:
    # pseudonym__user: moderators are shown who wrote an anonymous post.
    return posts.select_related("author", "question", "category", "pseudonym__user")


def queued_posts() -> QuerySet[Post]:
    """Posts waiting for approval, oldest first (the longest wait is answered first)."""
    return _with_context(Post.objects.queued()).order_by("created_at", "pk")


def _open_flags() -> Prefetch:
    return Prefetch(
        "flags",
        queryset=Flag.objects.filter(status=FlagStatus.OPEN)
        .select_related("user")
        .order_by("created_at", "pk"),
        to_attr="open_flags",
    )


def flagged_posts() -> QuerySet[Post]:
    """Posts with open flags, most flagged first, each with its open flags."""
    return (
        _with_context(Post.objects.filter(flag_count__gt=0))
        .exclude(status=PostStatus.DELETED)
        .prefetch_related(_open_flags())
        .order_by("-flag_count", "created_at", "pk")
    )


@dataclass(frozen=True)
class QueueCounts:
    queued: int
    flagged: int

    @property
    def total(self) -> int:
        return self.queued + self.flagged


def queue_counts(*, fresh: bool = False) -> QueueCounts:
    """What waits for moderators. Every moderator's header shows it, so it is cached for a
    few seconds (and dropped when an action or flag changes it)."""
    counts = None if fresh else cache.get(COUNTS_CACHE_KEY)
    if counts is None:
        # flag_count, not Flag rows: watched words flag a post without a member's flag.
        counts = QueueCounts(
            queued=Post.objects.queued().count(),
            flagged=Post.objects.filter(flag_count__gt=0)
            .exclude(status=PostStatus.DELETED)
            .count(),
        )
        cache.set(COUNTS_CACHE_KEY, counts, timeout=COUNTS_CACHE_SECONDS)
    return counts


def post_for_moderation(*, pk: int) -> Post | None:
    return (
        Post.objects.select_related(
            "author",
            "question",
            "category",
            "duplicate_of",
            "closed_by",
            "parent",
            "pseudonym__user",
        )
        .prefetch_related("tags", _open_flags())
        .filter(pk=pk)
        .first()
    )


def post_history(*, post: Post, limit: int) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(post=post)
        .select_related("actor", "target_user")
        .order_by("-created_at", "-pk")[:limit]
    )


def member_for_moderation(*, username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def member_post_counts(*, member: Any) -> dict[str, int]:
    """How many of the member's posts are in each status, in one query."""
    rows = Post.objects.filter(author=member).values("status").annotate(n=Count("pk"))
    counts = {status: 0 for status in PostStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def member_history(*, member: Any, limit: int) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(target_user=member)
        .select_related("actor", "post", "target_user")
        .order_by("-created_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class LogFilters:
    action: str = ""
    actor: str = ""
    target: str = ""
    since: date | None = None
    until: date | None = None


def audit_log(*, filters: LogFilters) -> QuerySet[AuditEntry]:
    """The audit log, newest first. `target` is a member's username or a post number
    ("123" or "#123")."""
    entries = AuditEntry.objects.select_related("actor", "target_user", "post")
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.actor:
        entries = entries.filter(actor__username__iexact=filters.actor)
    target = filters.target.strip().lstrip("#")
    if target:
        match = Q(target_user__username__iexact=target)
        post_id = parse_id(target)
        if post_id is not None:
            match |= Q(post_id=post_id)
        entries = entries.filter(match)
    zone = timezone.get_current_timezone()
    if filters.since:
        entries = entries.filter(created_at__gte=datetime.combine(filters.since, time.min, zone))
    if filters.until:
        entries = entries.filter(created_at__lte=datetime.combine(filters.until, time.max, zone))
    return entries.order_by("-created_at", "-pk")
