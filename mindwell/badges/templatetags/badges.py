"""Badges and titles on pages: `{% member_badges member as awards %}` (one query) and
`{{ member.points|user_title }}` (no query: the titles are cached)."""

from __future__ import annotations

from typing import Any

from django import template

from mindwell.badges.models import Award
from mindwell.badges.selectors import awards_for, level_counts
from mindwell.reputation.settings_model import title_for

register = template.Library()


@register.simple_tag
def member_badges(member: Any) -> list[Award]:
    return awards_for(member)


@register.filter
def badge_summary(awards: list[Award]) -> str:
    """ "2 Gold, 1 Bronze"."""
    return ", ".join(f"{count} {label}" for label, count in level_counts(awards))


@register.filter
def user_title(points: Any) -> str:
    """The title a member's points earn ("Helper"); "" below the lowest title."""
    try:
        return title_for(int(points))
    except (TypeError, ValueError):
        return ""
