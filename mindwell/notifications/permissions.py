"""Who receives what, and who may use the inbox. Events, selectors, views and templates
ask here; the moderator answers come from the one permission policy
(mindwell.reputation.policy), with the post so category moderators count."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q

from mindwell.reputation import policy
from mindwell.reputation.models import Action, CategoryLevel, RuleMode

# At most this many members are notified of one post's @mentions: a post naming fifty
# people is a broadcast, not a conversation, and must not become a way to spam inboxes.
MAX_MENTIONS_PER_POST = 10
# Earlier commenters told about a new comment beside theirs: the latest this many.
MAX_THREAD_COMMENTERS = 50
# Unread groups listed at the top of the inbox; beyond them, "mark all read" clears the rest.
MAX_UNREAD_GROUPS = 50
# How long the header's unread count is cached (it is also dropped whenever it changes).
UNREAD_COUNT_SECONDS = 300

# What a moderator event asks of its recipients.
SAFETY_ACTION = Action.HANDLE_SAFETY_CASES
APPROVAL_ACTION = Action.APPROVE


def can_use_inbox(user: Any) -> bool:
    """Any member who can log in, silenced or not: reading what happened is not writing."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_receive(user: Any) -> bool:
    """Closed and blocked accounts get nothing new."""
    return bool(user.is_active and not user.is_blocked)


def is_moderator_for(user: Any, action: str, post: Any = None) -> bool:
    return policy.allows(user, action, post=post)


def receives_safety_alerts(user: Any) -> bool:
    """Safety alerts go to whoever handles safety cases, always at once: for them the
    choice is not offered (someone may be in danger)."""
    return policy.allows(user, SAFETY_ACTION)


def moderator_ids(action: str, post: Any) -> list[int]:
    """Members the policy allows `action` on `post` (site-wide or in its category). The
    query narrows to those whose level, points or category grant could pass the rule; the
    policy then decides for each, as it does on every moderation page."""
    rule = policy.rule_for(action)
    could = Q(level__gte=rule.min_level) | Q(
        pk__in=CategoryLevel.objects.filter(level__gte=rule.min_level).values("user_id")
    )
    if rule.mode != RuleMode.LEVEL:
        could |= Q(points__gte=rule.min_points)
    candidates = get_user_model().objects.filter(could, is_active=True, blocked_at__isnull=True)
    return [user.pk for user in candidates if policy.allows(user, action, post=post)]
