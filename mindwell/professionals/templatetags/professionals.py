"""{% load professionals %}: the professional badge and the reviewers' count."""

from __future__ import annotations

from typing import Any

from django import template

from mindwell.professionals import permissions, selectors
from mindwell.professionals.badges import badge_for, is_loaded

register = template.Library()


@register.inclusion_tag("professionals/_badge.html")
def professional_badge(user: Any, lookup: bool = False) -> dict[str, Any]:
    """{% professional_badge post.author %}: the badge, from what the page's selector
    loaded (no query). `lookup=True` fetches it when not loaded: for one member (the
    profile), never inside a loop."""
    if lookup and user is not None and getattr(user, "pk", None) and not is_loaded(user):
        return {"verification": selectors.current_verification(user=user)}
    return {"verification": badge_for(user)}


@register.simple_tag(takes_context=True)
def pending_professional_count(context: Any) -> int | None:
    """How many applications wait for review: a number for reviewers, None for others."""
    request = context.get("request")
    if request is None or not permissions.can_review(request.user):
        return None
    return selectors.pending_count()


@register.filter
def may_review_professionals(user: Any) -> bool:
    return permissions.can_review(user)
