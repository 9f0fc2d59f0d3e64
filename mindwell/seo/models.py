from __future__ import annotations

from django.db import models
from django.utils import timezone


class OldSlug(models.Model):
    """A slug a question's URL had before its title was edited. Question pages redirect any
    other slug to the current one (the id in the URL decides), so these rows are the record
    of which URLs were real: shown to staff, and kept so a title edit is traceable."""

    question = models.ForeignKey("qa.Post", on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.CharField(max_length=200)
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["question", "slug"], name="old_slug_unique")]

    def __str__(self) -> str:
        return f"{self.slug} (question {self.question_id})"
