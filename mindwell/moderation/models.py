"""Flags, the audit log, watched words, blocked addresses, write limits and feedback.

Moderation applies to every kind of post the same way, because questions, answers and
comments share one table (mindwell.qa.models.Post).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy


class FlagReason(models.TextChoices):
    SPAM = "spam", gettext_lazy("spam")
    RUDE = "rude", gettext_lazy("rude or abusive")
    HARMFUL = "harmful", gettext_lazy("harmful advice")
    AT_RISK = "at-risk", gettext_lazy("person at risk")
    OFF_TOPIC = "off-topic", gettext_lazy("off-topic")
    DUPLICATE = "duplicate", gettext_lazy("duplicate")
    OTHER = "other", gettext_lazy("other")


class HarmfulAdviceKind(models.TextChoices):
    """What makes advice harmful on a mental-health forum (the 'harmful' flag's detail)."""

    MEDICATION = "medication", gettext_lazy("stopping or changing medication")
    METHOD = "method", gettext_lazy("method detail")
    PRO_ED = "pro-ed", gettext_lazy("pro-eating-disorder")
    MINIMISING_ABUSE = "minimising-abuse", gettext_lazy("minimising abuse")


class FlagStatus(models.TextChoices):
    OPEN = "open", gettext_lazy("open")
    UPHELD = "upheld", gettext_lazy("upheld")
    DISMISSED = "dismissed", gettext_lazy("dismissed")


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
    APPROVE = "approve", gettext_lazy("approve")
    REJECT = "reject", gettext_lazy("reject")
    HIDE = "hide", gettext_lazy("hide")
    RESHOW = "reshow", gettext_lazy("reshow")
    DELETE = "delete", gettext_lazy("delete")
    RESTORE = "restore", gettext_lazy("restore")
    CLOSE = "close", gettext_lazy("close")
    REOPEN = "reopen", gettext_lazy("reopen")
    LOCK_COMMENTS = "lock-comments", gettext_lazy("lock comments")
    UNLOCK_COMMENTS = "unlock-comments", gettext_lazy("unlock comments")
    MOVE = "move", gettext_lazy("move category")
    RETAG = "retag", gettext_lazy("retag")
    MERGE = "merge", gettext_lazy("merge duplicate")
    CONVERT = "convert", gettext_lazy("convert answer to comment")
    SUSPEND = "suspend", gettext_lazy("suspend user")
    SILENCE = "silence", gettext_lazy("silence user")
    BLOCK = "block", gettext_lazy("block user")
    UNBLOCK = "unblock", gettext_lazy("lift user restrictions")
    HIDE_ALL = "hide-all", gettext_lazy("hide all posts by user")
    FLAGS_DISMISS = "flags-dismiss", gettext_lazy("dismiss flags")
    AUTO_HIDE = "auto-hide", gettext_lazy("hidden by flags")
    SAFETY = "safety", gettext_lazy("safety case update")
    SLOW_MODE = "slow-mode", gettext_lazy("slow mode")
    WATCHED_WORDS = "watched-words", gettext_lazy("watched words change")
    IP_BLOCK = "ip-block", gettext_lazy("block addresses")
    SETTINGS = "settings", gettext_lazy("settings change")


class AuditEntry(models.Model):
    """One row per moderator action: who, what, when, why. Never edited or deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
        help_text=gettext_lazy(
            "Empty when the site acted by itself (for example, hidden by flags)."
        ),
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
    BLOCK = "block", gettext_lazy("block the post")
    APPROVE = "approve", gettext_lazy("require approval")
    FLAG = "flag", gettext_lazy("flag for review")
    CENSOR = "censor", gettext_lazy("censor the word")


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
    ASK = "ask", gettext_lazy("ask")
    ANSWER = "answer", gettext_lazy("answer")
    COMMENT = "comment", gettext_lazy("comment")
    EDIT = "edit", gettext_lazy("edit")
    VOTE = "vote", gettext_lazy("vote")
    FLAG = "flag", gettext_lazy("flag")
    REGISTER = "register", gettext_lazy("register")
    FEEDBACK = "feedback", gettext_lazy("feedback")


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
