from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy


class Category(models.Model):
    """A node in the category tree. Slugs are unique across the tree so URLs stay short."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.TextField(blank=True, max_length=1000)
    position = models.PositiveIntegerField(default=0)
    question_count = models.PositiveIntegerField(default=0)

    # Support-friendly defaults (see mindwell.moderation): people asking for support should
    # not be voted down; answers in health categories carry a "not medical advice" notice.
    question_downvotes = models.BooleanField(
        "allow downvotes on questions",
        default=True,
        help_text=gettext_lazy("Turn off in support categories; downvotes on answers stay."),
    )
    health_notice = models.BooleanField(
        "show a 'not medical advice' notice on answers", default=False
    )
    slow_mode_seconds = models.PositiveIntegerField(
        default=0, help_text=gettext_lazy("Seconds a member must wait between posts here (0: off).")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="category_unique_name_in_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("category-detail", args=[self.slug])

    def ancestors(self) -> list[Category]:
        chain: list[Category] = []
        node = self.parent
        while node is not None and len(chain) < 10:
            chain.insert(0, node)
            node = node.parent
        return chain

    def descendant_ids(self) -> list[int]:
        """This category and everything below it, in one query (the tree is small)."""
        children: dict[int | None, list[int]] = {}
        for pk, parent_id in Category.objects.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        ids = [self.pk]
        for pk in ids:  # grows while it is walked: breadth first
            ids.extend(children.get(pk, []))
        return ids


class Tag(models.Model):
    name = models.CharField(max_length=40, unique=True)
    question_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("tag-detail", args=[self.name])
