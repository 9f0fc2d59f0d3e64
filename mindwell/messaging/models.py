"""Private messages between two members, blocks between members, profile walls, and the
reports members make on messages and wall posts.

A conversation belongs to its two members and goes with either account: what was said in
private is personal data of both, so deleting a member leaves none of it behind. Nothing here
is ever listed in feeds, search, sitemaps or the API.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from mindwell.qa.models import RiskLevel


class Conversation(models.Model):
    # The two members, the lower id first, so a pair can have only one conversation.
    first_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    second_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_message_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["first_member", "second_member"], name="conversation_once_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(first_member__lt=F("second_member")),
                name="conversation_members_ordered",
            ),
        ]
        indexes = [
            models.Index(fields=["first_member", "-last_message_at", "-id"], name="conv_first"),
            models.Index(fields=["second_member", "-last_message_at", "-id"], name="conv_second"),
        ]

    def __str__(self) -> str:
        return f"Conversation {self.pk}"

    def member_ids(self) -> tuple[int, int]:
        return (self.first_member_id, self.second_member_id)

    def includes(self, user: object) -> bool:
        return getattr(user, "pk", None) in self.member_ids()

    def other_id(self, user: object) -> int:
        return (
            self.second_member_id
            if getattr(user, "pk", None) == self.first_member_id
            else self.first_member_id
        )


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_sent"
    )
    body = models.TextField()
    body_html = models.TextField(editable=False)
    # What the crisis assessor said, so the writer is offered help and moderators reading a
    # reported conversation see it.
    risk_level = models.CharField(max_length=8, choices=RiskLevel.choices, default=RiskLevel.NONE)
    created_at = models.DateTimeField(default=timezone.now)
    # When the other member first saw it.
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["conversation", "-created_at", "-id"], name="message_recent"),
            models.Index(
                fields=["conversation", "sender"],
                name="message_unread",
                condition=Q(read_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"Message {self.pk} in {self.conversation_id}"


class MemberBlock(models.Model):
    """`blocker` wants nothing from `blocked`: no messages either way, no wall posts."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="member_block_once"),
            models.CheckConstraint(
                condition=~Q(blocker=F("blocked")), name="member_block_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"


class WallPostStatus(models.TextChoices):
    PUBLISHED = "published", gettext_lazy("published")
    HIDDEN = "hidden", gettext_lazy("hidden by a moderator")


class WallPost(models.Model):
    """A short public note on a member's profile, as Question2Answer's walls have them."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wall_posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wall_posts_written"
    )
    body = models.TextField()
    body_html = models.TextField(editable=False)
    risk_level = models.CharField(max_length=8, choices=RiskLevel.choices, default=RiskLevel.NONE)
    status = models.CharField(
        max_length=10, choices=WallPostStatus.choices, default=WallPostStatus.PUBLISHED
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at", "-id"], name="wall_recent")]

    def __str__(self) -> str:
        return f"Wall post {self.pk} on {self.owner_id}"


class ReportReason(models.TextChoices):
    HARASSMENT = "harassment", gettext_lazy("harassment or abuse")
    SPAM = "spam", gettext_lazy("spam or advertising")
    AT_RISK = "at-risk", gettext_lazy("the writer may be at risk")
    HARMFUL = "harmful", gettext_lazy("harmful advice")
    OTHER = "other", gettext_lazy("something else")


class ReportOutcome(models.TextChoices):
    UPHELD = "upheld", gettext_lazy("upheld")
    DISMISSED = "dismissed", gettext_lazy("dismissed")


class Report(models.Model):
    """A member's report on a private message or a wall post (exactly one of them).
    A reported message is what lets moderators read its conversation."""

    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    wall_post = models.ForeignKey(
        WallPost, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="messaging_reports",
    )
    reason = models.CharField(max_length=12, choices=ReportReason.choices)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(max_length=10, choices=ReportOutcome.choices, blank=True)
    moderator_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(message__isnull=False, wall_post__isnull=True)
                | Q(message__isnull=True, wall_post__isnull=False),
                name="report_one_target",
            ),
            models.UniqueConstraint(fields=["message", "reporter"], name="report_message_once"),
            models.UniqueConstraint(fields=["wall_post", "reporter"], name="report_wall_post_once"),
        ]
        indexes = [
            models.Index(
                fields=["created_at"], name="report_open", condition=Q(handled_at__isnull=True)
            )
        ]

    def __str__(self) -> str:
        target = (
            f"message {self.message_id}" if self.message_id else f"wall post {self.wall_post_id}"
        )
        return f"Report on {target}"

    @property
    def is_open(self) -> bool:
        return self.handled_at is None
