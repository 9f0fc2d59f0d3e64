from django.conf import settings
from django.db import models
from django.db.models import Q


class Vote(models.Model):
    """One member's current vote on one post: +1 or -1. Retracting deletes the row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="votes"
    )
    post = models.ForeignKey("qa.Post", on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="vote_one_per_user_and_post"),
            models.CheckConstraint(condition=Q(value__in=[1, -1]), name="vote_value_up_or_down"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {'+' if self.value > 0 else '-'}1 on {self.post_id}"
