"""Badges: what members can earn (seeded by a migration, one per rule in
mindwell.badges.rules), who earned which, and the daily visits one badge counts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy


class BadgeLevel(models.TextChoices):
    BRONZE = "bronze", gettext_lazy("Bronze")
    SILVER = "silver", gettext_lazy("Silver")
    GOLD = "gold", gettext_lazy("Gold")


class Badge(models.Model):
    """A badge. The slug names the rule that awards it; administrators may reword the name
    and description, but the rule is code."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=60)
    description = models.CharField(max_length=200, help_text=gettext_lazy("How a member earns it."))
    level = models.CharField(max_length=6, choices=BadgeLevel.choices, default=BadgeLevel.BRONZE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('badges:list')}#badge-{self.slug}"


class Award(models.Model):
    """A badge a member holds. Every badge is earned once; `post` is the post that earned it,
    when one did (never a post written anonymously: that would say who wrote it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_awards"
    )
    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="awards")
    awarded_at = models.DateTimeField(default=timezone.now)
    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-awarded_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "badge"], name="badge_awarded_once")]

    def __str__(self) -> str:
        return f"{self.badge_id} to {self.user_id}"


class Visit(models.Model):
    """A day on which a member used the site (noted once a day; see middleware.py)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="visit_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.day}"
