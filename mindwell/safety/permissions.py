"""Who may do what with safety cases. Views, templates and services ask here; the answer
comes from the permission policy (mindwell.reputation.policy, action handle_safety_cases)."""

from __future__ import annotations

from typing import Any

from mindwell.reputation import policy
from mindwell.reputation.models import Action


def can_handle_cases(user: Any) -> bool:
    """Open the safety queue, see a case and change its state."""
    return policy.allows(user, Action.HANDLE_SAFETY_CASES)


def can_see_risk_reasons(user: Any) -> bool:
    """The assessor's reasons (which rule, which phrase) are for the safety team only: shown
    to the writer or readers they would read as a verdict on someone's words."""
    return policy.allows(user, Action.HANDLE_SAFETY_CASES)
