"""Actions on a member: suspend (cannot log in), silence (can read, cannot write), block
for good, lift every restriction, and hide everything they have posted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from mindwell.core.errors import ServiceError
from mindwell.moderation.actions.base import UserAction
from mindwell.moderation.models import AuditAction
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services.publication import post_set_status
from mindwell.reputation.models import Action

DURATION_CHOICES: list[tuple[int, str]] = [
    (1, "1 day"),
    (3, "3 days"),
    (7, "1 week"),
    (30, "30 days"),
    (90, "90 days"),
    (365, "1 year"),
]
# The audit row keeps at most this many post numbers for "hide all posts".
HIDE_ALL_IDS_KEPT = 1000


def _days(params: dict[str, Any]) -> int:
    try:
        days = int(params.get("days") or 0)
    except (TypeError, ValueError):
        days = 0
    if days not in dict(DURATION_CHOICES):
        raise ServiceError(gettext("Please choose how long the restriction lasts."), field="days")
    return days


class Suspend(UserAction):
    name = "suspend"
    label = "Suspend"
    done = "The member is suspended."
    serious = True
    audit_action = AuditAction.SUSPEND
    reason_required = True
    fields = ("days",)

    @classmethod
    def refusal(cls, member: Any) -> str | None:
        return (
            gettext("This member is blocked; lift the block first.") if member.is_blocked else None
        )

    def perform(self) -> dict[str, Any]:
        days = _days(self.params)
        until = timezone.now() + timedelta(days=days)
        self.member.suspended_until = until
        self.member.save(update_fields=["suspended_until"])
        return {"days": days, "until": until.isoformat()}


class Silence(UserAction):
    name = "silence"
    label = "Silence"
    done = "The member is silenced."
    audit_action = AuditAction.SILENCE
    reason_required = True
    fields = ("days",)

    @classmethod
    def refusal(cls, member: Any) -> str | None:
        return (
            gettext("This member is blocked; lift the block first.") if member.is_blocked else None
        )

    def perform(self) -> dict[str, Any]:
        days = _days(self.params)
        until = timezone.now() + timedelta(days=days)
        self.member.silenced_until = until
        self.member.save(update_fields=["silenced_until"])
        return {"days": days, "until": until.isoformat()}


class Block(UserAction):
    name = "block"
    permission = Action.BLOCK_MEMBERS
    label = "Block for good"
    done = "The member is blocked."
    serious = True
    audit_action = AuditAction.BLOCK
    reason_required = True

    @classmethod
    def refusal(cls, member: Any) -> str | None:
        return gettext("This member is already blocked.") if member.is_blocked else None

    def perform(self) -> dict[str, Any]:
        self.member.blocked_at = timezone.now()
        self.member.save(update_fields=["blocked_at"])
        return {}


class Lift(UserAction):
    name = "lift"
    label = "Lift all restrictions"
    done = "The member's restrictions are lifted."
    audit_action = AuditAction.UNBLOCK

    @classmethod
    def refusal(cls, member: Any) -> str | None:
        if member.is_blocked or member.is_suspended() or member.is_silenced():
            return None
        return gettext("This member has no restrictions to lift.")

    def perform(self) -> dict[str, Any]:
        member = self.member
        lifted = [
            name
            for name, active in (
                ("suspension", member.is_suspended()),
                ("silence", member.is_silenced()),
                ("block", member.is_blocked),
            )
            if active
        ]
        member.suspended_until = member.silenced_until = member.blocked_at = None
        member.save(update_fields=["suspended_until", "silenced_until", "blocked_at"])
        return {"lifted": lifted}


class HideAll(UserAction):
    """One decision, one audit row; each post still leaves the published state on its own
    so every counter and points total follows."""

    name = "hide-all"
    label = "Hide all their posts"
    done = "All the member's posts are hidden."
    serious = True
    audit_action = AuditAction.HIDE_ALL
    reason_required = True

    @classmethod
    def refusal(cls, member: Any) -> str | None:
        return None

    def perform(self) -> dict[str, Any]:
        posts = list(
            Post.objects.select_for_update()
            .filter(author=self.member, status__in=[PostStatus.PUBLISHED, PostStatus.QUEUED])
            .order_by("pk")
        )
        if not posts:
            raise ServiceError(gettext("This member has no visible posts to hide."))
        for post in posts:
            post_set_status(post=post, status=PostStatus.HIDDEN)
        ids = [post.pk for post in posts]
        return {"hidden": len(ids), "posts": ids[:HIDE_ALL_IDS_KEPT]}
