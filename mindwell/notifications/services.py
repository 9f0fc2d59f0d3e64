"""Writing notifications and marking them read.

`notify` is the one way rows are written. Every row has a `dedupe_key` (the event and its
target, plus the recipient), unique in the table, so the same event can be reported any
number of times (an approval after a hide, a retried task, a double click) and each person
still hears of it once. Rows are written inside the caller's transaction, so a rolled-back
post leaves no notification behind; the header counts and email delivery learn of them only
after the commit.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from mindwell.notifications.models import Notification
from mindwell.notifications.signals import notifications_created

BATCH = 500


def unread_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def email_key(email: str) -> str:
    """How an address appears in a dedupe key: hashed, so the private address is stored in
    one column only."""
    return "e" + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def notify(
    *,
    event_type: str,
    key: str,
    group_key: str,
    user_ids: Iterable[int] = (),
    emails: Iterable[str] = (),
    post: Any = None,
    question: Any = None,
    question_id: int | None = None,
    conversation: Any = None,
    actor: Any = None,
    actor_name: str = "",
    data: dict[str, Any] | None = None,
    no_email_user_ids: Iterable[int] = (),
) -> list[int]:
    """Write one notification of `event_type` for each member in `user_ids` and each
    address in `emails`, skipping any recipient who already has one with the same `key`.
    Callers have already decided who may be told (see mindwell.notifications.audience).
    `no_email_user_ids`: members who unticked "email me" on the post concerned; they see the
    notification in the inbox only. Returns the ids of the rows created."""
    now = timezone.now()
    common = {
        "event_type": event_type,
        "group_key": group_key[:100],
        "post": post,
        "question_id": question.pk if question is not None else question_id,
        "conversation": conversation,
        "actor": actor,
        "actor_name": actor_name[:150],
        "created_at": now,
    }
    quiet = set(no_email_user_ids)
    rows = [
        Notification(
            recipient_id=user_id,
            dedupe_key=f"{key}:u{user_id}",
            data={**(data or {}), **({"no_email": True} if user_id in quiet else {})},
            **common,
        )
        for user_id in dict.fromkeys(user_ids)
    ]
    addresses: dict[str, str] = {}
    for email in emails:
        if email.strip():
            addresses.setdefault(email_key(email), email.strip())
    rows += [
        Notification(
            recipient_email=email, dedupe_key=f"{key}:{hashed}", data=dict(data or {}), **common
        )
        for hashed, email in addresses.items()
    ]
    if not rows:
        return []
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=BATCH)
    # ignore_conflicts gives no ids back; the rows written now are those with this moment.
    created: list[tuple[int, int | None]] = []
    keys = [row.dedupe_key for row in rows]
    for start in range(0, len(keys), BATCH):
        created += Notification.objects.filter(
            dedupe_key__in=keys[start : start + BATCH], created_at=now
        ).values_list("pk", "recipient_id")
    if created:
        _after_commit(created)
    return [pk for pk, _ in created]


def _after_commit(created: list[tuple[int, int | None]]) -> None:
    """Once committed: add the new rows to the recipients' cached unread counts (a count
    not cached is left to be counted when next shown), and tell email delivery. Adding
    rather than dropping keeps the header free of queries for members who get a
    notification while they browse."""
    new_by_recipient: dict[int, int] = defaultdict(int)
    for _, recipient_id in created:
        if recipient_id is not None:
            new_by_recipient[recipient_id] += 1
    ids = [pk for pk, _ in created]

    def done() -> None:
        for user_id, count in new_by_recipient.items():
            with contextlib.suppress(ValueError):  # not cached: nothing to correct
                cache.incr(unread_cache_key(user_id), count)
        notifications_created.send(sender=Notification, ids=ids)

    transaction.on_commit(done, robust=True)


def _read_changed(user: Any) -> None:
    key = unread_cache_key(user.pk)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def notifications_mark_read(*, user: Any, group_key: str) -> int:
    """Mark one inbox group (all its unread notifications) read; returns how many."""
    marked = (
        Notification.objects.for_inbox(user)
        .unread()
        .filter(group_key=group_key)
        .update(read_at=timezone.now())
    )
    if marked:
        _read_changed(user)
    return marked


def notifications_mark_all_read(*, user: Any) -> int:
    marked = Notification.objects.for_inbox(user).unread().update(read_at=timezone.now())
    if marked:
        _read_changed(user)
    return marked


def notifications_mark_read_for(*, user: Any, conversation: Any) -> int:
    """A member who opened a conversation has seen its messages: their message
    notifications from it are read too."""
    marked = (
        Notification.objects.for_inbox(user)
        .unread()
        .filter(conversation=conversation)
        .update(read_at=timezone.now())
    )
    if marked:
        _read_changed(user)
    return marked
