"""Email delivery's tables: the outbox (one row per email to send), digests, mass mailings,
the opt-outs of anonymous addresses, and the email templates an administrator overrides.

Imported at the end of `mindwell.notifications.models`, so Django sees them as models of the
notifications app. No table here stores an email address in clear: a member's address is
read from their account and an anonymous poster's from the notification when the email is
sent, and an opt-out keeps only a keyed hash of the address.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.template import TemplateSyntaxError, engines
from django.utils import timezone
from django.utils.translation import gettext_lazy


class EmailState(models.TextChoices):
    QUEUED = "queued", gettext_lazy("waiting to be sent")
    # Claimed by a worker that is talking to the mail server right now.
    SENDING = "sending", gettext_lazy("being sent")
    SENT = "sent", gettext_lazy("sent")
    # Gave up after the last retry; `last_error` says why. An administrator can retry.
    FAILED = "failed", gettext_lazy("failed")
    # Nothing to send any more: the recipient opted out, the account closed, or every
    # notification in a digest disappeared.
    SKIPPED = "skipped", gettext_lazy("not sent")


class EmailKind(models.TextChoices):
    NOTIFICATION = "notification", gettext_lazy("notification")
    DIGEST = "digest", gettext_lazy("digest")
    MAILING = "mailing", gettext_lazy("mass mailing")


class DigestPeriod(models.TextChoices):
    DAILY = "daily", gettext_lazy("daily")
    WEEKLY = "weekly", gettext_lazy("weekly")


class MailingState(models.TextChoices):
    DRAFT = "draft", gettext_lazy("draft")
    SENDING = "sending", gettext_lazy("sending")
    SENT = "sent", gettext_lazy("all queued")


class OutboundEmailQuerySet(models.QuerySet["OutboundEmail"]):
    def due(self, now: object = None) -> OutboundEmailQuerySet:
        return self.filter(state=EmailState.QUEUED, next_attempt_at__lte=now or timezone.now())


class OutboundEmail(models.Model):
    """One email to one recipient. The unique `key` names what it is for ("notification:7",
    "digest:3", "mailing:2:user:9"), so the same thing is never queued twice; the worker
    claims a row (queued -> sending), sends it with a Message-ID derived from the row, and
    marks it sent (see mindwell.notifications.delivery)."""

    key = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=12, choices=EmailKind.choices)
    notification = models.ForeignKey(
        "notifications.Notification",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    digest = models.ForeignKey(
        "notifications.Digest", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    mailing = models.ForeignKey(
        "notifications.MassMailing",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="emails",
    )
    # The member written to; empty for an anonymous poster (the address is the
    # notification's, read when sending).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    state = models.CharField(max_length=8, choices=EmailState.choices, default=EmailState.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    # The subject as sent, so the admin list says what went out without rendering again.
    subject = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "outgoing email"
        indexes = [
            # What the worker looks for: queued rows whose time has come, oldest first.
            models.Index(fields=["state", "next_attempt_at", "id"], name="email_outbox_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=EmailKind.NOTIFICATION, notification__isnull=False)
                    | Q(kind=EmailKind.DIGEST, digest__isnull=False, recipient__isnull=False)
                    | Q(kind=EmailKind.MAILING, mailing__isnull=False, recipient__isnull=False)
                ),
                name="email_outbox_has_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} email {self.pk} ({self.get_state_display()})"


class Digest(models.Model):
    """One member's daily or weekly digest: the notifications it gathered, once. The unique
    (user, period, date) means running `send_digests` twice on a day sends one digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_digests"
    )
    period = models.CharField(max_length=6, choices=DigestPeriod.choices)
    date = models.DateField()
    notifications = models.ManyToManyField("notifications.Notification", related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "period", "date"], name="digest_once_a_period")
        ]

    def __str__(self) -> str:
        return f"{self.get_period_display()} digest for {self.user_id} on {self.date}"


class MassMailing(models.Model):
    """An announcement an administrator sends to the members who asked for announcements."""

    subject = models.CharField(max_length=200)
    body = models.TextField(
        help_text=gettext_lazy("Markdown. Each email adds an unsubscribe link.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=8, choices=MailingState.choices, default=MailingState.DRAFT)
    started_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class AddressOptOut(models.Model):
    """An anonymous poster's "stop": about one question, or (question empty) every email to
    the address. Only a keyed hash of the address is kept (see unsubscribe.address_hash)."""

    address_hash = models.CharField(max_length=64)
    question = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "anonymous address opt-out"
        constraints = [
            models.UniqueConstraint(
                fields=["address_hash", "question"], name="opt_out_once_per_question"
            ),
            models.UniqueConstraint(
                fields=["address_hash"],
                condition=Q(question__isnull=True),
                name="opt_out_once_for_all",
            ),
        ]

    def __str__(self) -> str:
        scope = f"question {self.question_id}" if self.question_id else "all email"
        return f"opt-out ({scope})"


def email_template_choices() -> list[tuple[str, str]]:
    from mindwell.notifications.email.templates import TEMPLATE_NAMES

    return list(TEMPLATE_NAMES.items())


class EmailTemplateOverride(models.Model):
    """An administrator's version of one email's subject, text or HTML part, in Django
    template syntax; an empty part keeps the file template's."""

    name = models.CharField(max_length=40, unique=True, choices=email_template_choices)
    subject = models.CharField(max_length=255, blank=True)
    text = models.TextField("plain-text part", blank=True)
    html = models.TextField("HTML part", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "email template"

    def __str__(self) -> str:
        return self.get_name_display()

    def clean(self) -> None:
        # Compiled here so a typo is refused on save, not discovered by the worker.
        engine = engines["django"]
        errors = {}
        for part in ("subject", "text", "html"):
            source = getattr(self, part)
            if source:
                try:
                    engine.from_string(source)
                except TemplateSyntaxError as error:
                    errors[part] = f"This template does not compile: {error}"
        if errors:
            raise ValidationError(errors)
