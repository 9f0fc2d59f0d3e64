"""What members follow (favourite): questions, other members, tags and categories.

One row per member and target, with one foreign key per kind of target so the database
keeps every reference valid (deleting a question, member, tag or category removes its
follows) and "who follows X" is an indexed lookup, which notifications will need.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy


class FollowTarget(models.TextChoices):
    QUESTION = "question", gettext_lazy("question")
    USER = "user", gettext_lazy("member")
    TAG = "tag", gettext_lazy("tag")
    CATEGORY = "category", gettext_lazy("category")


# The foreign key each kind of target is stored in.
TARGET_FIELDS = {
    FollowTarget.QUESTION: "question",
    FollowTarget.USER: "followed_user",
    FollowTarget.TAG: "tag",
    FollowTarget.CATEGORY: "category",
}


def _exactly(target: FollowTarget) -> Q:
    """`target_type` is `target` and only its foreign key is set."""
    condition = Q(target_type=target.value)
    for other, name in TARGET_FIELDS.items():
        condition &= Q(**{f"{name}__isnull": other != target})
    return condition


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    target_type = models.CharField(max_length=10, choices=FollowTarget.choices)
    question = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    followed_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    tag = models.ForeignKey(
        "taxonomy.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    category = models.ForeignKey(
        "taxonomy.Category",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "target_type"], name="follow_user_type")]
        constraints = [
            models.CheckConstraint(
                condition=_exactly(FollowTarget.QUESTION)
                | _exactly(FollowTarget.USER)
                | _exactly(FollowTarget.TAG)
                | _exactly(FollowTarget.CATEGORY),
                name="follow_exactly_one_target",
            ),
            models.CheckConstraint(
                condition=~Q(followed_user=models.F("user")), name="follow_not_oneself"
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", name],
                    condition=Q(**{f"{name}__isnull": False}),
                    name=f"follow_unique_{name}",
                )
                for name in TARGET_FIELDS.values()
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.target_type} {self.target_id}"

    @property
    def target_id(self) -> int | None:
        return getattr(self, f"{TARGET_FIELDS[FollowTarget(self.target_type)]}_id")  # type: ignore[no-any-return]

    @property
    def target(self) -> models.Model | None:
        return getattr(self, TARGET_FIELDS[FollowTarget(self.target_type)])  # type: ignore[no-any-return]
