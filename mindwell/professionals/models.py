"""Verified professionals: members' applications and the verification an approval grants.

An application is kept whatever happens to it (the history staff and the member see). The
badge reads `ProfessionalStatus`, one small row per verified member, so pages can join it
with the author in the same query instead of looking for the latest approved application.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from mindwell.professionals.storage import document_path, private_storage


class Profession(models.TextChoices):
    COUNSELLOR = "counsellor", gettext_lazy("counsellor")
    PSYCHOTHERAPIST = "psychotherapist", gettext_lazy("psychotherapist")
    PSYCHOLOGIST = "psychologist", gettext_lazy("psychologist")
    PSYCHIATRIST = "psychiatrist", gettext_lazy("psychiatrist")
    SOCIAL_WORKER = "social-worker", gettext_lazy("social worker")
    MENTAL_HEALTH_NURSE = "mh-nurse", gettext_lazy("mental health nurse")
    PHYSICIAN = "physician", gettext_lazy("GP / physician")
    OTHER = "other", gettext_lazy("other")


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("waiting for review")
    APPROVED = "approved", gettext_lazy("approved")
    REJECTED = "rejected", gettext_lazy("rejected")
    WITHDRAWN = "withdrawn", gettext_lazy("withdrawn")
    EXPIRED = "expired", gettext_lazy("expired")
    REVOKED = "revoked", gettext_lazy("revoked")


class ApplicationQuerySet(models.QuerySet["ProfessionalApplication"]):
    def pending(self) -> ApplicationQuerySet:
        return self.filter(status=ApplicationStatus.PENDING)


class ProfessionalApplication(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="professional_applications",
    )
    profession = models.CharField(max_length=20, choices=Profession.choices)
    profession_other = models.CharField(
        "profession (other)",
        max_length=80,
        blank=True,
        help_text=gettext_lazy("When the profession is other."),
    )
    licence_number = models.CharField(max_length=80)
    issuing_body = models.CharField(max_length=160)
    jurisdiction = models.CharField(
        max_length=120, help_text=gettext_lazy("Country, state or province.")
    )
    expires_on = models.DateField("licence expires on")
    # Staff only: never given a URL (see storage.py); content_type is what sniffing found.
    document = models.FileField(
        upload_to=document_path, storage=private_storage, blank=True, max_length=200
    )
    document_type = models.CharField(max_length=40, blank=True)
    status = models.CharField(
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
        db_index=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The database's answer to two applications sent at the same moment.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="one_pending_professional_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} as {self.title} ({self.get_status_display()})"

    @property
    def title(self) -> str:
        """The profession as the badge says it."""
        if self.profession == Profession.OTHER and self.profession_other:
            return self.profession_other
        return self.get_profession_display()

    @property
    def is_pending(self) -> bool:
        return self.status == ApplicationStatus.PENDING


class ProfessionalStatus(models.Model):
    """A member's current verification, written when staff approve an application. The
    badge shows while `valid_until` is today or later, so it disappears on expiry by itself;
    `mindwell expire_professionals` tidies up and records it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="professional_status"
    )
    application = models.ForeignKey(
        ProfessionalApplication, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=80)
    valid_until = models.DateField(db_index=True)

    class Meta:
        verbose_name_plural = "professional statuses"

    def __str__(self) -> str:
        return f"{self.user}: {self.title} until {self.valid_until}"

    def is_valid(self, today: datetime.date | None = None) -> bool:
        return self.valid_until >= (today or timezone.localdate())
