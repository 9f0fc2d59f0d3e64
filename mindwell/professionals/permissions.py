"""Who may apply as a professional and who reviews applications. Views and templates ask
here, so the rules can move to the user-level policy in one place.

Reviewers are the moderators (mindwell.moderation.permissions.can_moderate) until the policy
module gains a rule of its own for reviewing professionals.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from mindwell.moderation import permissions as moderation_permissions
from mindwell.qa import permissions as qa_permissions

# Applications a member may send per day: enough to correct a mistake, not to flood staff.
APPLICATIONS_PER_DAY = 5


def apply_refusal(user: Any) -> str | None:
    """Why `user` may not apply, or None when they may."""
    if not moderation_permissions.is_member(user):
        return gettext("Please log in to apply as a licensed professional.")
    if qa_permissions.is_restricted(user):
        return gettext("Your account is restricted at the moment, so you cannot apply.")
    return None


def can_review(user: Any) -> bool:
    return moderation_permissions.can_moderate(user)


def review_refusal(reviewer: Any, applicant: Any) -> str | None:
    """Why `reviewer` may not decide on `applicant`'s application, or None when they may."""
    if not can_review(reviewer):
        return gettext("Only moderators can review professional applications.")
    if reviewer.pk == applicant.pk:
        return gettext("You cannot decide on your own application; another moderator will.")
    return None


def can_download_document(user: Any) -> bool:
    """The applicant cannot download their own document either: once sent, it is for staff."""
    return can_review(user)
