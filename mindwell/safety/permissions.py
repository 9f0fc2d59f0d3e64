"""Who may do what with safety cases. Views, templates and services ask here, so that when
user levels arrive (issue 3) only this module changes."""

from __future__ import annotations

from typing import Any

from mindwell.qa.permissions import is_moderator


def can_handle_cases(user: Any) -> bool:
    """Open the safety queue, see a case and change its state."""
    return is_moderator(user)


def can_see_risk_reasons(user: Any) -> bool:
    """The assessor's reasons (which rule, which phrase) are for moderators only: shown to the
    writer or readers they would read as a verdict on someone's words."""
    return is_moderator(user)
