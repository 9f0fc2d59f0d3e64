"""Template filters that ask mindwell.privacy.permissions (templates never decide)."""

from __future__ import annotations

from typing import Any

from django import template

from mindwell.privacy import permissions

register = template.Library()


@register.filter
def wrote_anonymously(user: Any, post: Any) -> bool:
    """{% if user|wrote_anonymously:post %}"""
    return permissions.wrote_anonymously(user, post)


@register.filter
def may_see_writer(user: Any) -> bool:
    """{% if user|may_see_writer %}: whether to show who wrote an anonymous post."""
    return permissions.can_see_writer(user)


@register.filter
def may_claim(user: Any, post: Any) -> bool:
    """{% if user|may_claim:post %}: whether to offer "I wrote this"."""
    return permissions.can_claim(user, post)
