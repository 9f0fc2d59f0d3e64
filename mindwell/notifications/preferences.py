"""How each kind of notification reaches a member by email: at once, in a daily or weekly
digest, or not at all.

The inbox always records every notification; these choices decide email only. A member who
turns comments "off" still finds them in the inbox, and an inbox that sometimes missed
things would teach people to distrust it. The defaults suit a support community: whatever
is a reply to the member, or may need them soon, comes at once; talk around their posts in
a daily digest; what they follow, weekly, so following a busy tag never floods anyone.

Safety alerts are not a choice: whoever handles safety cases gets them at once, since
someone may be in danger.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from mindwell.core.errors import ServiceError
from mindwell.notifications import permissions
from mindwell.notifications.models import (
    MODERATOR_EVENTS,
    Delivery,
    EventType,
    Notification,
    NotificationPreference,
)

DEFAULTS: dict[str, str] = {
    EventType.ANSWER: Delivery.INSTANT,
    EventType.COMMENT: Delivery.DAILY,
    EventType.COMMENT_THREAD: Delivery.DAILY,
    EventType.BEST_ANSWER: Delivery.INSTANT,
    EventType.MENTION: Delivery.INSTANT,
    EventType.FOLLOWED_QUESTION: Delivery.DAILY,
    EventType.FOLLOWED_USER: Delivery.WEEKLY,
    EventType.FOLLOWED_TAG: Delivery.WEEKLY,
    EventType.FOLLOWED_CATEGORY: Delivery.WEEKLY,
    EventType.MESSAGE: Delivery.INSTANT,
    EventType.FLAG_OUTCOME: Delivery.DAILY,
    EventType.POST_HIDDEN: Delivery.INSTANT,
    EventType.ANNOUNCEMENTS: Delivery.OFF,
    EventType.POST_APPROVED: Delivery.INSTANT,
    EventType.SAFETY_ALERT: Delivery.INSTANT,
    EventType.APPROVAL_WAITING: Delivery.DAILY,
}

# Events a member may never turn down or delay (for those who receive them at all).
LOCKED: dict[str, str] = {EventType.SAFETY_ALERT: Delivery.INSTANT}

# Why each event is there, shown under its name on the settings page.
HINTS: dict[str, Any] = {
    EventType.ANSWER: gettext_lazy("Someone answered a question you asked."),
    EventType.COMMENT: gettext_lazy("Someone commented on your question or answer."),
    EventType.COMMENT_THREAD: gettext_lazy("Someone commented after you on the same post."),
    EventType.BEST_ANSWER: gettext_lazy("The asker chose your answer as the best one."),
    EventType.MENTION: gettext_lazy("Someone wrote @ and your username in a post you can read."),
    EventType.FOLLOWED_QUESTION: gettext_lazy("New answers and comments in questions you follow."),
    EventType.FOLLOWED_USER: gettext_lazy("New questions and answers by members you follow."),
    EventType.FOLLOWED_TAG: gettext_lazy("New questions in tags you follow."),
    EventType.FOLLOWED_CATEGORY: gettext_lazy("New questions in categories you follow."),
    EventType.ANNOUNCEMENTS: gettext_lazy(
        "Occasional news from the site's administrators, by email only."
    ),
    EventType.MESSAGE: gettext_lazy("Someone sent you a private message or replied to one."),
    EventType.FLAG_OUTCOME: gettext_lazy("A moderator upheld or dismissed a flag you raised."),
    EventType.POST_HIDDEN: gettext_lazy(
        "A moderator, or the community's flags, hid one of your posts."
    ),
    EventType.POST_APPROVED: gettext_lazy(
        "A post of yours that was waiting for approval is now public."
    ),
    EventType.SAFETY_ALERT: gettext_lazy("A post entered the safety queue."),
    EventType.APPROVAL_WAITING: gettext_lazy("A new post is waiting for approval."),
}


def _is_member(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def event_types_for(user: Any) -> list[str]:
    """The event types `user` can receive, in the order the settings page lists them."""
    moderator = {
        EventType.SAFETY_ALERT: permissions.receives_safety_alerts(user),
        EventType.APPROVAL_WAITING: permissions.is_moderator_for(user, permissions.APPROVAL_ACTION),
    }
    return [str(e) for e in EventType if e not in MODERATOR_EVENTS or moderator[e]]


def _stored(user_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    rows = NotificationPreference.objects.filter(user_id__in=list(user_ids)).values_list(
        "user_id", "event_type", "delivery"
    )
    stored: dict[int, dict[str, str]] = {}
    for user_id, event_type, delivery in rows:
        stored.setdefault(user_id, {})[event_type] = delivery
    return stored


def _resolve(user: Any, event_type: str, stored: Mapping[str, str]) -> str:
    if event_type in LOCKED:
        allowed = event_type != EventType.SAFETY_ALERT or permissions.receives_safety_alerts(user)
        return LOCKED[event_type] if allowed else Delivery.OFF
    return stored.get(event_type) or DEFAULTS.get(event_type, Delivery.OFF)


def preferences_for(user: Any) -> dict[str, str]:
    """Every event type `user` can receive and how it reaches them by email (one query)."""
    stored = _stored([user.pk]).get(user.pk, {})
    return {event: _resolve(user, event, stored) for event in event_types_for(user)}


def delivery_for(user: Any, event_type: str) -> str:
    """How a notification of `event_type` reaches `user` by email, a `Delivery` value.
    `user` None is an anonymous poster's address: they asked for these emails one post at a
    time, so they get them at once."""
    if not _is_member(user):
        return Delivery.INSTANT
    stored = _stored([user.pk]).get(user.pk, {})
    return _resolve(user, event_type, stored)


def deliveries_for(users: Iterable[Any]) -> dict[int, dict[str, str]]:
    """`delivery_for` for many members at once (one query), by user id and event type."""
    users = list(users)
    stored = _stored(user.pk for user in users)
    return {
        user.pk: {event: _resolve(user, event, stored.get(user.pk, {})) for event in EventType}
        for user in users
    }


def delivery_for_notification(notification: Notification, user: Any = None) -> str:
    """How this notification should be emailed: the member's choice for its type, or off
    when they unticked "email me" on the post it is about (`data["no_email"]`, set when it
    was created). Pass the recipient as `user` when it is already loaded."""
    if notification.data.get("no_email"):
        return Delivery.OFF
    if notification.recipient_id is None:
        return Delivery.INSTANT
    return delivery_for(user or notification.recipient, notification.event_type)


@dataclass(frozen=True)
class PreferenceRow:
    """One line of the settings page."""

    event_type: str
    label: str
    hint: str
    delivery: str
    locked: bool


def preference_rows(user: Any, chosen: Mapping[str, str] | None = None) -> list[PreferenceRow]:
    """The settings page's table; `chosen` (a refused submission) wins over what is stored,
    so the member's choices are shown back to them."""
    current = preferences_for(user)
    rows = []
    for event in event_types_for(user):
        delivery = current[event]
        if chosen and event not in LOCKED and chosen.get(event) in Delivery.values:
            delivery = chosen[event]
        rows.append(
            PreferenceRow(
                event_type=event,
                label=str(EventType(event).label),
                hint=HINTS[event],
                delivery=delivery,
                locked=event in LOCKED,
            )
        )
    return rows


def preferences_save(*, user: Any, choices: Mapping[str, str]) -> dict[str, str]:
    """Store a member's choices (event type → delivery) for the events they can receive.
    Choices equal to the default are stored too, so a later change of default does not
    change what a member chose. Returns the member's preferences after saving."""
    allowed = set(event_types_for(user)) - set(LOCKED)
    unknown = [event for event in choices if event not in allowed]
    if unknown:
        raise ServiceError(gettext("That kind of notification is not one you can change here."))
    invalid = [event for event, delivery in choices.items() if delivery not in Delivery.values]
    if invalid:
        label = EventType(invalid[0]).label
        raise ServiceError(f"Please choose how to receive “{label}”.", field=invalid[0])
    with transaction.atomic():
        existing = {
            p.event_type: p
            for p in NotificationPreference.objects.select_for_update().filter(user=user)
        }
        new, changed = [], []
        for event, delivery in choices.items():
            row = existing.get(event)
            if row is None:
                new.append(NotificationPreference(user=user, event_type=event, delivery=delivery))
            elif row.delivery != delivery:
                row.delivery = delivery
                changed.append(row)
        # ignore_conflicts: a second tab saving at the same moment leaves one row per type.
        NotificationPreference.objects.bulk_create(new, ignore_conflicts=True)
        NotificationPreference.objects.bulk_update(changed, ["delivery"])
    return preferences_for(user)
