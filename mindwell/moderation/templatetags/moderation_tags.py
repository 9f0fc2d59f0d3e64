"""Template questions for the moderation policy: {% load moderation_tags %}."""

from typing import Any

from django import template

from mindwell.moderation import permissions

register = template.Library()


@register.filter
def may_flag(user: Any, post: Any) -> bool:
    """{% if user|may_flag:post %} (no query: the form says if they flagged it already)."""
    return permissions.can_flag(user, post)


@register.filter
def may_moderate(user: Any) -> bool:
    return permissions.can_moderate(user)


@register.filter
def may_sanction(user: Any) -> bool:
    return permissions.can_sanction(user)


@register.filter
def may_use_tools(user: Any, post: Any) -> bool:
    """{% if user|may_use_tools:post %}: the post's tools page has an action for them (a
    moderator, or a member with a privilege such as retagging in the post's category)."""
    return permissions.can_use_post_tools(user, post)


@register.filter
def restriction(user: Any) -> str:
    """Why a logged-in member may not write now ("" if they may)."""
    from mindwell.moderation.screening import restriction_message

    return restriction_message(user) or ""
