"""Who may flag, moderate and sanction. Views, templates and actions ask here and never
decide by themselves; every answer comes from the one permission policy
(mindwell.reputation.policy), with the post for post actions so category levels count.
"""

from __future__ import annotations

import functools
from typing import Any

from django.utils.translation import gettext

from mindwell.qa import permissions as qa_permissions
from mindwell.qa.models import Post, PostStatus
from mindwell.reputation import policy
from mindwell.reputation.levels import Level
from mindwell.reputation.models import Action

# How many recent audit entries the post and member tools show.
RECENT_HISTORY = 20

# The policy actions behind the member tools (each PostAction and UserAction names its own).
MEMBER_TOOL_ACTIONS = (Action.RESTRICT_MEMBERS, Action.BLOCK_MEMBERS)


def is_member(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_moderate(user: Any, post: Post | None = None) -> bool:
    """The moderation queue and the member pages; with `post`, everything about that post
    (a moderator of its category counts)."""
    return policy.allows(user, Action.MODERATE, post=post)


def can_view_dashboard(user: Any) -> bool:
    return policy.allows(user, Action.VIEW_DASHBOARD)


def is_administrator(user: Any) -> bool:
    return is_member(user) and int(user.level) >= Level.ADMINISTRATOR


def can_sanction(user: Any) -> bool:
    """Suspend, silence, block, lift and hide all posts of a member (any of them)."""
    return any(policy.allows(user, action) for action in MEMBER_TOOL_ACTIONS)


def can_browse_log(user: Any) -> bool:
    return policy.allows(user, Action.BROWSE_AUDIT_LOG)


def can_view_emails(user: Any) -> bool:
    return policy.allows(user, Action.VIEW_EMAILS)


def post_action_refusal(user: Any, action: str, post: Post) -> str | None:
    """Why `user` may not do the policy `action` on `post` (in its category), or None."""
    return policy.refusal(user, action, post=post)


def can_use_post_tools(user: Any, post: Post) -> bool:
    """Whether the post's tools page has anything for `user`: moderators see every post's;
    members with a privilege (retag, close…) see the tools of posts they can read."""
    if can_moderate(user, post):
        return True
    if post.status != PostStatus.PUBLISHED:
        return False
    return any(
        policy.allows(user, permission, post=post) for permission in _tool_permissions(post.kind)
    )


@functools.cache
def _tool_permissions(kind: str) -> tuple[str, ...]:
    """The policy actions behind the post tools for a post of `kind`, each once (several
    tools share one, and a page asks this for every post)."""
    from mindwell.moderation.actions import POST_ACTIONS  # the actions import this module

    found = (action.permission for action in POST_ACTIONS.values() if kind in action.kinds)
    return tuple(dict.fromkeys(found))


def sanction_refusal(actor: Any, member: Any, action: str | None = None) -> str | None:
    """Why `actor` may not sanction `member` (with the policy `action`, or with any of the
    member tools), or None when they may."""
    if action is not None:
        refusal = policy.refusal(actor, action)
        if refusal:
            return refusal
    elif not can_sanction(actor):
        return policy.refusal(actor, Action.RESTRICT_MEMBERS) or "You cannot restrict members."
    if member.pk == actor.pk:
        return gettext("You cannot restrict your own account.")
    if int(member.level) >= Level.ADMINISTRATOR:
        return gettext("Administrators cannot be restricted here; change their level first.")
    if int(member.level) >= int(actor.level):
        return gettext("You cannot restrict a member whose level is as high as yours.")
    return None


def flag_refusal(user: Any, post: Post) -> str | None:
    """Why `user` may not flag `post`, or None when they may. Needs no query per post (an
    anonymous post's writer is looked up once per request), so the flag link can be offered
    on every post of a page."""
    if user is None or not user.is_authenticated:
        return gettext("Please log in to flag a post.")
    if qa_permissions.is_restricted(user):
        return gettext("Your account is restricted at the moment, so you cannot flag posts.")
    if post.status == PostStatus.DELETED:
        return gettext("This post has been deleted, so it cannot be flagged.")
    if qa_permissions.is_writer(user, post):  # their anonymous posts too
        return gettext("You cannot flag your own post; you can edit it instead.")
    return policy.refusal(user, Action.FLAG, post=post)


def can_flag(user: Any, post: Post) -> bool:
    """flag_refusal(...) is None, without the refusal's words (asked for every post of a page)."""
    if user is None or not user.is_authenticated or qa_permissions.is_restricted(user):
        return False
    if post.status == PostStatus.DELETED or qa_permissions.is_writer(user, post):
        return False
    return policy.allows(user, Action.FLAG, post=post)
