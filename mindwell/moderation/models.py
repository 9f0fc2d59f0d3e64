"""Flags, the audit log, watched words, blocked addresses, write limits and feedback.

Moderation applies to every kind of post the same way, because questions, answers and
comments share one table (mindwell.qa.models.Post).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class FlagReason(models.TextChoices):
    SPAM = "spam", "spam"
    RUDE = "rude", "rude or abusive"
    HARMFUL = "harmful", "harmful advice"
    AT_RISK = "at-risk", "person at risk"
    OFF_TOPIC = "off-topic", "off-topic"
    DUPLICATE = "duplicate", "duplicate"
    OTHER = "other", "other"


class HarmfulAdviceKind(models.TextChoices):
    """What makes advice harmful on a mental-health forum (the 'harmful' flag's detail)."""

    MEDICATION = "medication", "stopping or changing medication"
    METHOD = "method", "method detail"
    PRO_ED = "pro-ed", "pro-eating-disorder"
    MINIMISING_ABUSE = "minimising-abuse", "minimising abuse"


class FlagStatus(models.TextChoices):
    OPEN = "open", "open"
    UPHELD = "upheld", "upheld"
    DISMISSED = "dismissed", "dismissed"


class Flag(models.Model):
    post = models.ForeignKey("qa.Post", on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags_raised"
    )
    reason = models.CharField(max_length=12, choices=FlagReason.choices)
    harmful_kind = models.CharField(max_length=20, choices=HarmfulAdviceKind.choices, blank=True)
    note = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="flag_once_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} flag on {self.post_id}"


class AuditAction(models.TextChoices):
    APPROVE = "approve", "approve"
    REJECT = "reject", "reject"
    HIDE = "hide", "hide"
    RESHOW = "reshow", "reshow"
    DELETE = "delete", "delete"
    RESTORE = "restore", "restore"
    CLOSE = "close", "close"
    REOPEN = "reopen", "reopen"
    LOCK_COMMENTS = "lock-comments", "lock comments"
    UNLOCK_COMMENTS = "unlock-comments", "unlock comments"
    MOVE = "move", "move category"
    RETAG = "retag", "retag"
    MERGE = "merge", "merge duplicate"
    CONVERT = "convert", "convert answer to comment"
    SUSPEND = "suspend", "suspend user"
    SILENCE = "silence", "silence user"
    BLOCK = "block", "block user"
    UNBLOCK = "unblock", "lift user restrictions"
    HIDE_ALL = "hide-all", "hide all posts by user"
    FLAGS_DISMISS = "flags-dismiss", "dismiss flags"
    AUTO_HIDE = "auto-hide", "hidden by flags"
    SAFETY = "safety", "safety case update"
    SLOW_MODE = "slow-mode", "slow mode"
    WATCHED_WORDS = "watched-words", "watched words change"
    IP_BLOCK = "ip-block", "block addresses"
    SETTINGS = "settings", "settings change"


class AuditEntry(models.Model):
    """One row per moderator action: who, what, when, why. Never edited or deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
        help_text="Empty when the site acted by itself (for example, hidden by flags).",
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices, db_index=True)
    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries_about",
    )
    reason = models.CharField(max_length=500, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor or 'the site'}"


class WatchedWordAction(models.TextChoices):
    BLOCK = "block", "block the post"
    APPROVE = "approve", "require approval"
    FLAG = "flag", "flag for review"
    CENSOR = "censor", "censor the word"


class WatchedWord(models.Model):
    """A word or phrase to watch for; `*` matches any letters (for example `spam*`)."""

    pattern = models.CharField(max_length=100, unique=True)
    action = models.CharField(max_length=10, choices=WatchedWordAction.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pattern"]

    def __str__(self) -> str:
        return f"{self.pattern} ({self.get_action_display()})"


class BlockedNetwork(models.Model):
    """An address or range (CIDR, e.g. 203.0.113.0/24) that may not post or register."""

    network = models.CharField(max_length=64, unique=True)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["network"]

    def __str__(self) -> str:
        return self.network


class WriteAction(models.TextChoices):
    ASK = "ask", "ask"
    ANSWER = "answer", "answer"
    COMMENT = "comment", "comment"
    EDIT = "edit", "edit"
    VOTE = "vote", "vote"
    FLAG = "flag", "flag"
    REGISTER = "register", "register"
    FEEDBACK = "feedback", "feedback"


class WriteLimit(models.Model):
    """How many times per hour one member, and one address, may do a write action."""

    action = models.CharField(max_length=10, choices=WriteAction.choices, unique=True)
    per_member_per_hour = models.PositiveIntegerField()
    per_ip_per_hour = models.PositiveIntegerField()

    class Meta:
        ordering = ["action"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.per_member_per_hour}/{self.per_ip_per_hour}"


class FeedbackMessage(models.Model):
    """A message to the moderators from the feedback page. The email is private."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    name = models.CharField(max_length=60, blank=True)
    email = models.EmailField(blank=True)
    body = models.TextField(max_length=5000)
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Feedback {self.pk} ({self.created_at:%Y-%m-%d})"
