"""Pseudonyms for posting anonymously while logged in, and requests to delete an account.

A pseudonym is one member's stable anonymous name ("Quiet Heron 4821"). Posts made with it
keep `author` empty and the name in `anon_name`, so every public page, feed and list treats
them as anonymous posts; only `Post.pseudonym` links them to the member, and only moderators
(and the member) are ever shown that link.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy


class Pseudonym(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pseudonym"
    )
    name = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DeletionMode(models.TextChoices):
    DELETE_POSTS = "delete", gettext_lazy("delete my posts")
    ANONYMISE = "anonymise", gettext_lazy("keep my posts, anonymised")


class DeletionRequestQuerySet(models.QuerySet):
    def pending(self) -> DeletionRequestQuerySet:
        return self.filter(cancelled_at__isnull=True, executed_at__isnull=True)


class DeletionRequest(models.Model):
    """A member's request to delete their account, carried out by `mindwell run_deletions`
    once `execute_after` has passed. The row outlives the account (with `user` emptied) as
    the record that the deletion was done; it holds nothing about the person."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deletion_requests",
    )
    mode = models.CharField(max_length=10, choices=DeletionMode.choices)
    requested_at = models.DateTimeField()
    execute_after = models.DateTimeField(db_index=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    executed_at = models.DateTimeField(null=True, blank=True)

    objects = DeletionRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(cancelled_at__isnull=True, executed_at__isnull=True),
                name="privacy_one_pending_deletion_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"Deletion request {self.pk} ({self.get_mode_display()})"

    @property
    def is_pending(self) -> bool:
        return self.cancelled_at is None and self.executed_at is None
