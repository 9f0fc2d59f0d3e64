"""Reading badges: the list of every badge with how many hold it, and one member's."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from mindwell.badges.models import Award, Badge, BadgeLevel

LEVEL_ORDER: dict[str, int] = {BadgeLevel.GOLD: 0, BadgeLevel.SILVER: 1, BadgeLevel.BRONZE: 2}


def badge_list() -> QuerySet[Badge]:
    """Every badge, with `holders`: how many members hold it (one query)."""
    # Meta.ordering does not apply to a grouped query, so the order is said again.
    return Badge.objects.annotate(holders=Count("awards")).order_by("position", "name")


def awards_for(member: Any) -> list[Award]:
    """The member's badges, gold first, then the most recent, with the posts that earned
    them (one query)."""
    awards = list(
        Award.objects.filter(user=member).select_related("badge", "post", "post__question")
    )
    return sorted(awards, key=lambda award: (LEVEL_ORDER.get(award.badge.level, 3), -award.pk))


def level_counts(awards: list[Award]) -> list[tuple[str, int]]:
    """How many gold, silver and bronze badges, for the profile's summary line."""
    counts = {level: 0 for level in LEVEL_ORDER}
    for award in awards:
        counts[BadgeLevel(award.badge.level)] += 1
    return [(str(BadgeLevel(level).label), n) for level, n in counts.items() if n]
