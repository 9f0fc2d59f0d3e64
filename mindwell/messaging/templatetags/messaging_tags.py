"""{% load messaging_tags %}: what the messaging parts of a page may offer the viewer; the
rules live in mindwell.messaging.permissions."""

from __future__ import annotations

from typing import Any

from django import template

from mindwell.messaging import permissions, selectors

register = template.Library()


@register.filter
def may_delete_wall_post(user: Any, post: Any) -> bool:
    return permissions.can_delete_wall_post(user, post)


@register.filter
def may_report_wall_post(user: Any, post: Any) -> bool:
    return permissions.report_refusal(user, wall_post=post) is None


@register.filter
def may_hide_wall_posts(user: Any) -> bool:
    return permissions.can_hide_wall_posts(user)


@register.filter
def may_handle_message_reports(user: Any) -> bool:
    return permissions.can_handle_reports(user)


@register.simple_tag(takes_context=True)
def unread_message_count(context: Any) -> int | None:
    """The header's count: None while messages are off (then no query is made)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not permissions.can_open_messages(user):
        return None
    return selectors.unread_count(user=user)


@register.simple_tag
def open_message_report_count() -> int:
    return selectors.open_report_count()
