"""The privileges page's rows: every action, what it needs, and where the viewer stands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from mindwell.reputation.models import Action, RuleMode
from mindwell.reputation.policy import (
    CATALOGUE,
    VISITOR_KINDS,
    allows,
    is_restricted,
    snapshot,
)


@dataclass(frozen=True)
class Privilege:
    """One row of the privileges page."""

    action: str
    label: str
    group: str
    needs: str
    allowed: bool
    missing_points: int  # more points that would be enough by themselves (0: none would)


def privileges_for(user: Any) -> list[Privilege]:
    """Every action, what it needs, and whether the viewer may (site-wide) or how far off."""
    snap = snapshot(user)
    rows = []
    for action in Action:
        rule = snap.rule(action)
        allowed = allows(user, action)
        missing = 0
        if not allowed and user is not None and user.is_authenticated and rule.uses_points:
            needs_level = rule.mode == RuleMode.BOTH and int(user.level) < rule.min_level
            if not needs_level and not is_restricted(user):
                missing = max(rule.min_points - int(user.points), 0)
        needs = rule.describe()
        if action in VISITOR_KINDS:
            needs += gettext(" (visitors: as the site settings say)")
        rows.append(
            Privilege(
                action=action,
                label=str(action.label),
                group=str(CATALOGUE[action].group),
                needs=needs,
                allowed=allowed,
                missing_points=missing,
            )
        )
    return rows
