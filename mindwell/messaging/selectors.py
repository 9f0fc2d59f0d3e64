"""Reading conversations, walls, blocks and reports. Every list is one page of a keyset
(mindwell.qa.pagination), so its cost does not grow with what a member has."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from mindwell.messaging import permissions
from mindwell.messaging.models import (
    Conversation,
    MemberBlock,
    Message,
    Report,
    WallPost,
    WallPostStatus,
)
from mindwell.qa.pagination import KeysetOrder, KeysetPage, PageRequest, keyset_page

INBOX_ORDER = KeysetOrder("inbox", ("last_message_at", "id"))
RECENT_ORDER = KeysetOrder("recent", ("created_at", "id"))
CONVERSATION_PAGE = 50
OPEN_REPORTS_CACHE_KEY = "messaging:open-reports:v1"
WALL_PAGE = 20


def _member_of(user: Any) -> Q:
    return Q(first_member_id=user.pk) | Q(second_member_id=user.pk)


def inbox(*, user: Any, page: PageRequest, per_page: int = 20) -> KeysetPage:
    """The member's conversations, the latest first, each with the other member, how many
    of its messages they have not read, and the start of the last message."""
    unread = (
        Message.objects.filter(conversation=OuterRef("pk"), read_at__isnull=True)
        .exclude(sender_id=user.pk)
        .order_by()
        .values("conversation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    last = Message.objects.filter(conversation=OuterRef("pk")).order_by("-created_at", "-id")
    conversations = (
        Conversation.objects.filter(_member_of(user))
        .select_related("first_member", "second_member")
        .annotate(
            unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0)),
            last_body=Subquery(last.values("body")[:1]),
            last_sender_id=Subquery(last.values("sender_id")[:1]),
        )
    )
    result = keyset_page(conversations, order=INBOX_ORDER, request=page, per_page=per_page)
    for conversation in result.items:
        conversation.other = _other(conversation, user)
    return result


def _other(conversation: Conversation, user: Any) -> Any:
    if conversation.first_member_id == user.pk:
        return conversation.second_member
    return conversation.first_member


def conversation_for(*, pk: int, user: Any) -> Conversation | None:
    """The conversation, when `user` is one of its two members."""
    conversation = (
        Conversation.objects.filter(_member_of(user))
        .select_related("first_member", "second_member")
        .filter(pk=pk)
        .first()
    )
    if conversation is not None:
        conversation.other = _other(conversation, user)  # type: ignore[attr-defined]
    return conversation


def conversation_between(*, first: Any, second: Any) -> Conversation | None:
    low, high = sorted((first.pk, second.pk))
    return Conversation.objects.filter(first_member_id=low, second_member_id=high).first()


def conversation_messages(
    *, conversation: Conversation, page: PageRequest, per_page: int = CONVERSATION_PAGE
) -> KeysetPage:
    """One page of messages, the newest first (pages go back in time)."""
    messages = Message.objects.filter(conversation=conversation).select_related("sender")
    return keyset_page(messages, order=RECENT_ORDER, request=page, per_page=per_page)


def unread_count(*, user: Any) -> int:
    return (
        Message.objects.filter(read_at__isnull=True)
        .filter(
            Q(conversation__first_member_id=user.pk) | Q(conversation__second_member_id=user.pk)
        )
        .exclude(sender_id=user.pk)
        .count()
    )


def blocked_members(*, user: Any) -> QuerySet[MemberBlock]:
    return MemberBlock.objects.filter(blocker=user).select_related("blocked")


def wall_posts(
    *, owner: Any, viewer: Any, page: PageRequest, per_page: int = WALL_PAGE
) -> KeysetPage:
    """The wall's posts, the newest first; hidden ones for moderators only."""
    posts = WallPost.objects.filter(owner=owner).select_related("author")
    if not permissions.can_hide_wall_posts(viewer):
        posts = posts.filter(status=WallPostStatus.PUBLISHED)
    return keyset_page(posts, order=RECENT_ORDER, request=page, per_page=per_page)


def reports(*, settled: bool, page: PageRequest, per_page: int = 30) -> KeysetPage:
    rows = Report.objects.filter(handled_at__isnull=not settled).select_related(
        "reporter", "handled_by", "message__sender", "wall_post__author", "wall_post__owner"
    )
    return keyset_page(rows, order=RECENT_ORDER, request=page, per_page=per_page)


def open_report_count() -> int:
    """For the moderators' header on every page, so cached briefly; reports_changed()
    drops it when a report is made or settled."""
    count = cache.get(OPEN_REPORTS_CACHE_KEY)
    if count is None:
        count = Report.objects.filter(handled_at__isnull=True).count()
        cache.set(OPEN_REPORTS_CACHE_KEY, count, timeout=60)
    return int(count)


def reports_changed() -> None:
    transaction.on_commit(lambda: cache.delete(OPEN_REPORTS_CACHE_KEY))


def report_detail(*, pk: int) -> Report | None:
    return (
        Report.objects.select_related(
            "reporter",
            "handled_by",
            "message__sender",
            "message__conversation__first_member",
            "message__conversation__second_member",
            "wall_post__author",
            "wall_post__owner",
        )
        .filter(pk=pk)
        .first()
    )


def other_reports(*, report: Report) -> QuerySet[Report]:
    """Every report on the same message or wall post (several members may report one)."""
    return (
        Report.objects.filter(same_target(report))
        .select_related("reporter", "handled_by")
        .order_by("created_at", "pk")
    )


def same_target(report: Report) -> Q:
    """The reports on the same message or wall post as `report`."""
    if report.message_id is not None:
        return Q(message_id=report.message_id)
    return Q(wall_post_id=report.wall_post_id)


def reported_message_ids(*, conversation: Conversation) -> set[int]:
    return set(
        Report.objects.filter(message__conversation=conversation).values_list(
            "message_id", flat=True
        )
    )
