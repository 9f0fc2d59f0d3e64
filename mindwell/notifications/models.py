"""Notifications: one row per thing a recipient should hear about, and each member's choice
of how (and whether) each kind of event reaches them by email.

A row stores what happened and to what (event type, post, question, actor), never a
rendered sentence: the inbox and the emails render the text at read time, so a post hidden
after the event shows as "a post that is no longer available" instead of being quoted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy


class EventType(models.TextChoices):
    ANSWER = "answer", gettext_lazy("answers to my questions")
    COMMENT = "comment", gettext_lazy("comments on my posts")
    COMMENT_THREAD = "comment-thread", gettext_lazy("comments on posts I commented on")
    BEST_ANSWER = "best-answer", gettext_lazy("my answer chosen as best")
    MENTION = "mention", gettext_lazy("@mentions of me")
    FOLLOWED_QUESTION = "followed-question", gettext_lazy("activity in questions I follow")
    FOLLOWED_USER = "followed-user", gettext_lazy("questions and answers by members I follow")
    FOLLOWED_TAG = "followed-tag", gettext_lazy("new questions in tags I follow")
    FOLLOWED_CATEGORY = "followed-category", gettext_lazy("new questions in categories I follow")
    MESSAGE = "message", gettext_lazy("private messages to me and replies")
    FLAG_OUTCOME = "flag-outcome", gettext_lazy("the outcome of flags I raised")
    POST_HIDDEN = "post-hidden", gettext_lazy("my post hidden by a moderator")
    POST_APPROVED = "post-approved", gettext_lazy("my post approved")
    # Mass mailings from the administrators: off unless a member opts in.
    ANNOUNCEMENTS = "announcements", gettext_lazy("announcements from the site")
    # Moderators only.
    SAFETY_ALERT = "safety-alert", gettext_lazy("posts in the safety queue")
    APPROVAL_WAITING = "approval-waiting", gettext_lazy("posts waiting for approval")


# Events only moderators receive (and see on their settings page).
MODERATOR_EVENTS = frozenset({EventType.SAFETY_ALERT, EventType.APPROVAL_WAITING})


class Delivery(models.TextChoices):
    INSTANT = "instant", gettext_lazy("instant email")
    DAILY = "daily", gettext_lazy("daily digest")
    WEEKLY = "weekly", gettext_lazy("weekly digest")
    OFF = "off", gettext_lazy("no email")


class NotificationQuerySet(models.QuerySet):
    def for_inbox(self, user: object) -> NotificationQuerySet:
        return self.filter(recipient=user)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    # A member, or (recipient empty) the address an anonymous poster opted in with: such
    # rows are only ever emailed, never listed on a page, and the address never rendered.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    recipient_email = models.EmailField(blank=True)
    event_type = models.CharField(max_length=20, choices=EventType.choices)
    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    question = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    conversation = models.ForeignKey(
        "messaging.Conversation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Who did it, for linking a member's name; empty when the actor posted under a
    # pseudonym, so the member behind it is never stored where a page could show it.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The name shown for the actor: a username, a pseudonym or an anonymous poster's name.
    actor_name = models.CharField(max_length=150, blank=True)
    # Small public facts for rendering that have no foreign key here (a tag's name, a flag's
    # outcome); never text from a post.
    data = models.JSONField(default=dict, blank=True)
    # Unread notifications with the same key show as one line ("3 new answers to …").
    group_key = models.CharField(max_length=100)
    # Event, target and recipient: the same event never notifies the same person twice.
    dedupe_key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set by the email delivery (mindwell.notifications.delivery) once sent or digested.
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The inbox: a member's notifications, newest first, keyset paginated.
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_inbox"),
            # The unread count and the unread groups at the top of the inbox.
            models.Index(
                fields=["recipient", "group_key"],
                name="notification_unread",
                condition=Q(read_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(recipient_email=""),
                name="notification_has_recipient",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_type} notification {self.pk}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A member's choice for one event type; without a row the default in
    `mindwell.notifications.preferences.DEFAULTS` applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    event_type = models.CharField(max_length=20, choices=EventType.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        ordering = ["user", "event_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event_type"], name="notification_preference_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.event_type} → {self.delivery}"


from mindwell.notifications.models_email import *  # noqa: E402, F401, F403
