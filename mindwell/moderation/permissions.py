"""Who may flag, moderate and sanction. Views, templates and actions ask here and never
decide by themselves, so the roles can be rewired (to user levels, say) in one place.

For now a moderator is a staff member and an administrator is a superuser.
"""

from __future__ import annotations

from typing import Any

from mindwell.qa import permissions as qa_permissions
from mindwell.qa.models import Post, PostStatus

# The roles, by name: moderators act on posts and work the queue; administrators also
# sanction members and read the audit log.
MODERATOR = "moderator"
ADMINISTRATOR = "administrator"

# How many recent audit entries the post and member tools show.
RECENT_HISTORY = 20


def is_member(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_moderate(user: Any) -> bool:
    return is_member(user) and qa_permissions.is_moderator(user)


def is_administrator(user: Any) -> bool:
    return is_member(user) and bool(user.is_superuser)


def can_sanction(user: Any) -> bool:
    """Suspend, silence, block, lift and hide all posts of a member."""
    return is_administrator(user)


def can_browse_log(user: Any) -> bool:
    return is_administrator(user)


def sanction_refusal(actor: Any, member: Any) -> str | None:
    """Why `actor` may not sanction `member`, or None when they may."""
    if not can_sanction(actor):
        return "Only administrators can restrict members."
    if member.pk == actor.pk:
        return "You cannot restrict your own account."
    if member.is_superuser:
        return "Administrators cannot be restricted here; change their role in the admin first."
    return None


def flag_refusal(user: Any, post: Post) -> str | None:
    """Why `user` may not flag `post`, or None when they may. Needs no query, so the
    flag link can be offered on every post of a page."""
    if user is None or not user.is_authenticated:
        return "Please log in to flag a post."
    if qa_permissions.is_restricted(user):
        return "Your account is restricted at the moment, so you cannot flag posts."
    if post.status == PostStatus.DELETED:
        return "This post has been deleted, so it cannot be flagged."
    if post.author_id is not None and post.author_id == user.pk:
        return "You cannot flag your own post; you can edit it instead."
    return None


def can_flag(user: Any, post: Post) -> bool:
    return flag_refusal(user, post) is None
