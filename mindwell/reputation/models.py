from django.conf import settings
from django.db import models


class EventKind(models.TextChoices):
    QUESTION_POSTED = "q_posted", "asked a question"
    ANSWER_POSTED = "a_posted", "posted an answer"
    ANSWER_SELECTED = "a_selected", "answer selected as best"
    SELECTED_ANSWER = "selected", "selected a best answer"
    VOTE_CAST = "vote_cast", "voted"
    QUESTION_VOTED = "q_voted", "votes on a question"
    ANSWER_VOTED = "a_voted", "votes on an answer"
    MODERATION = "moderation", "post hidden, deleted, restored or approved"
    CORRECTION = "correction", "recalculated"


class PointsEvent(models.Model):
    """An append-only ledger: a member's points are the sum of their events, so every
    total can be explained line by line. Reversals are new events, never edits."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="points_events"
    )
    kind = models.CharField(max_length=12, choices=EventKind.choices)
    points = models.IntegerField()
    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="points_user_recent")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.points:+d} ({self.kind})"
