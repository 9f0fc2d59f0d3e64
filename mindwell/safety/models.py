"""Crisis resources and the safety queue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from mindwell.qa.models import RiskLevel

OUTSIDE = "ZZ"  # the "outside these countries" entry


class CrisisResource(models.Model):
    """A crisis line or service for one country, edited by administrators."""

    country = models.CharField(
        max_length=2,
        db_index=True,
        help_text=gettext_lazy("Two-letter code; ZZ means outside the others."),
    )
    country_name = models.CharField(max_length=60)
    name = models.CharField(max_length=120)
    phone = models.CharField(max_length=40, blank=True)
    text_line = models.CharField(
        max_length=80, blank=True, help_text=gettext_lazy("How to reach it by text message.")
    )
    url = models.URLField(blank=True)
    hours = models.CharField(max_length=80, blank=True, default="24/7")
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["country", "position", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"


class CaseState(models.TextChoices):
    NEW = "new", gettext_lazy("new")
    HANDLING = "handling", gettext_lazy("being handled")
    CHECKED_IN = "checked-in", gettext_lazy("check-in sent")
    RESOLVED = "resolved", gettext_lazy("resolved")


class CaseSource(models.TextChoices):
    ASSESSOR = "assessor", gettext_lazy("risk assessor")
    FLAG = "flag", gettext_lazy("person-at-risk flag")


class SafetyCase(models.Model):
    """A post someone may be in danger in, waiting for a moderator. One case per post;
    later signals (another flag, an edit) raise its level rather than open a new case."""

    post = models.OneToOneField("qa.Post", on_delete=models.CASCADE, related_name="safety_case")
    level = models.CharField(max_length=8, choices=RiskLevel.choices, db_index=True)
    # 2 for crisis, 1 for elevated: the queue sorts on it, highest first.
    rank = models.PositiveSmallIntegerField(default=0, db_index=True)
    source = models.CharField(max_length=10, choices=CaseSource.choices)
    reasons = models.JSONField(default=list, blank=True)
    state = models.CharField(
        max_length=12, choices=CaseState.choices, default=CaseState.NEW, db_index=True
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="safety_cases",
    )
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(db_index=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-rank", "created_at"]
        indexes = [models.Index(fields=["state", "-rank", "created_at"], name="safety_queue")]

    def __str__(self) -> str:
        return f"{self.get_level_display()} case for post {self.post_id}"

    @property
    def is_open(self) -> bool:
        return self.state != CaseState.RESOLVED
