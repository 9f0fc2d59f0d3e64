"""Helpers for the notification tests: who got what."""

from __future__ import annotations

from typing import Any

from mindwell.accounts.models import User
from mindwell.notifications.models import Notification
from mindwell.siteconfig.models import SiteSettings
from tests.factories import make_user


def make_moderator(username: str = "mod") -> User:
    return make_user(username, is_staff=True)


def set_site(**fields: Any) -> None:
    site = SiteSettings.current()
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()


def received(user: User, event_type: str | None = None) -> list[Notification]:
    rows = Notification.objects.filter(recipient=user)
    if event_type is not None:
        rows = rows.filter(event_type=event_type)
    return list(rows.order_by("pk"))


def events_of(user: User) -> list[str]:
    return [n.event_type for n in received(user)]


def by_email(address: str) -> list[Notification]:
    return list(Notification.objects.filter(recipient_email=address).order_by("pk"))


def ask(poster: Any, **fields: Any) -> Any:
    """A question by any kind of poster (the factory's takes a member only)."""
    from mindwell.qa.services import question_create
    from tests.factories import category

    return question_create(
        poster=poster,
        title=fields.pop("title", "How do I sleep when my thoughts race at night?"),
        body=fields.pop("body", "Every night my mind keeps going and I cannot rest at all."),
        category_id=fields.pop("category_id", category().pk),
        tags=fields.pop("tags", "sleep"),
        **fields,
    )
