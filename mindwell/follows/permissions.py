"""Who may follow what. Views, services and templates ask here."""

from __future__ import annotations

from typing import Any

# Enough for anyone reading; a cap keeps "My updates" and later notifications bounded.
MAX_FOLLOWS = 2000
# Follow and unfollow clicks per member per minute: a person clicks a few times, a script
# flipping buttons is stopped.
FOLLOW_CHANGES_PER_MINUTE = 60


def can_follow(user: Any) -> bool:
    """Any member who can log in; following only changes what they are shown, so silenced
    members keep it."""
    return bool(
        user is not None and user.is_authenticated and user.is_active and not user.is_blocked
    )
