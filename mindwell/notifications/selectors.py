"""Reading the inbox: unread notifications grouped ("3 new answers to …"), then the read
ones, newest first and keyset paginated, and the header's unread count. A page costs the
same few queries however many notifications a member has."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, QuerySet

from mindwell.notifications import permissions
from mindwell.notifications.models import Notification
from mindwell.notifications.rendering import Line, describe_many
from mindwell.notifications.services import unread_cache_key
from mindwell.qa.pagination import KeysetOrder, KeysetPage, PageRequest, keyset_page

INBOX_ORDER = KeysetOrder("inbox", ("created_at", "id"))
PER_PAGE = 30


@dataclass
class Entry:
    """One line of the inbox: a notification, or an unread group with `count` of them."""

    notification: Notification
    count: int
    line: Line
    unread: bool

    @property
    def created_at(self) -> datetime:
        return self.notification.created_at

    @property
    def group_key(self) -> str:
        return self.notification.group_key


@dataclass
class Inbox:
    unread: list[Entry] = field(default_factory=list)
    # More unread groups than `unread` lists: "mark all read" clears them all.
    more_unread: bool = False
    page: KeysetPage = field(default_factory=lambda: KeysetPage(items=[]))


def unread_count(user: Any) -> int:
    """The member's unread notifications, cached until one arrives or is read."""
    if not permissions.can_use_inbox(user):
        return 0
    key = unread_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.for_inbox(user).unread().count()
        cache.set(key, count, timeout=permissions.UNREAD_COUNT_SECONDS)
    return int(count)


def _with_targets(notifications: QuerySet[Notification]) -> QuerySet[Notification]:
    """What rendering reads, in the same query; the posts' texts are left behind."""
    return notifications.select_related("post", "question", "actor").defer(
        "post__body",
        "post__body_html",
        "question__body",
        "question__body_html",
        "actor__password",
        "actor__about",
    )


def unread_groups(
    user: Any, *, limit: int = permissions.MAX_UNREAD_GROUPS
) -> tuple[list[tuple[Notification, int]], bool]:
    """The unread groups, the most recently added to first, each with its newest
    notification and its size; and whether there are more than `limit`. Two queries."""
    groups = list(
        Notification.objects.for_inbox(user)
        .unread()
        .values("group_key")
        .annotate(count=Count("id"), newest=Max("id"))
        .order_by("-newest")[: limit + 1]
    )
    more = len(groups) > limit
    groups = groups[:limit]
    newest = _with_targets(Notification.objects.filter(pk__in=[g["newest"] for g in groups]))
    by_id = {n.pk: n for n in newest}
    pairs = [(by_id[g["newest"]], g["count"]) for g in groups if g["newest"] in by_id]
    return pairs, more


def inbox(*, user: Any, page: PageRequest) -> Inbox:
    """The inbox page: on the first page the unread groups, then (on every page) the read
    notifications one by one."""
    first = not (page.after or page.before or page.page not in ("", "1"))
    pairs, more = unread_groups(user) if first else ([], False)
    read = _with_targets(Notification.objects.for_inbox(user).filter(read_at__isnull=False))
    result = keyset_page(read, order=INBOX_ORDER, request=page, per_page=PER_PAGE)
    described = describe_many([*pairs, *((n, 1) for n in result.items)], user)
    entries = [Entry(n, count, line, unread=n.read_at is None) for n, count, line in described]
    result.items = entries[len(pairs) :]
    return Inbox(unread=entries[: len(pairs)], more_unread=more, page=result)


def group_target(*, user: Any, group_key: str) -> str:
    """Where an unread group's link leads: its newest notification's target ("" if none)."""
    newest = (
        _with_targets(Notification.objects.for_inbox(user).filter(group_key=group_key))
        .order_by("-created_at", "-id")
        .first()
    )
    if newest is None:
        return ""
    (_, _, line) = describe_many([(newest, 1)], user)[0]
    return line.url
