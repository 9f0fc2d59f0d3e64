"""What administrators set about points at run time: the points scheme, the titles members
earn by points, and the record of recalculations run from the admin.

Both settings are read through one cache entry each, dropped on every change (now and again
after the commit, so no process keeps what a rolled-back transaction saw): reading the rules
on a vote, or a title for each name in a list, costs no query once the cache is warm.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict

from django.conf import settings
from django.core.cache import cache
from django.core.validators import MinValueValidator
from django.db import DatabaseError, models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from mindwell.reputation.rules import RULE_FIELDS, PointsRules

POINTS_CACHE_KEY = "reputation:points-settings:v1"
TITLES_CACHE_KEY = "reputation:user-titles:v1"
CACHE_SECONDS = 300
DEFAULTS = PointsRules()
SWITCH = [(0, "no"), (1, "yes")]


def _value(verbose_name: str, name: str, help_text: str = "", minimum: int = 0) -> models.Field:
    return models.PositiveIntegerField(
        verbose_name,
        default=getattr(DEFAULTS, name),
        validators=[MinValueValidator(minimum)],
        help_text=help_text,
    )


class PointsSettings(models.Model):
    """The points scheme (one row), with Question2Answer's names and defaults. Every value
    but the base and the daily limit is multiplied by the multiplier."""

    base = _value("starting points", "base", "Every member starts with these.")
    multiple = _value(
        "multiplier", "multiple", "Every value below, except the daily limit, is multiplied.", 1
    )
    post_question = _value("asking a question", "post_question")
    post_answer = _value("posting an answer", "post_answer")
    select_answer = _value("choosing a best answer (to the asker)", "select_answer")
    answer_selected = _value("having an answer chosen as best", "answer_selected")
    vote_up_question = _value("voting a question up (to the voter)", "vote_up_question")
    vote_down_question = _value("voting a question down (to the voter)", "vote_down_question")
    vote_up_answer = _value("voting an answer up (to the voter)", "vote_up_answer")
    vote_down_answer = _value("voting an answer down (to the voter)", "vote_down_answer")
    per_question_voted_up = _value("per upvote on your question", "per_question_voted_up")
    per_question_voted_down = _value("per downvote on your question", "per_question_voted_down")
    question_voted_max_gain = _value(
        "most a question can gain from votes", "question_voted_max_gain"
    )
    question_voted_max_loss = _value(
        "most a question can lose from votes", "question_voted_max_loss"
    )
    per_answer_voted_up = _value("per upvote on your answer", "per_answer_voted_up")
    per_answer_voted_down = _value("per downvote on your answer", "per_answer_voted_down")
    answer_voted_max_gain = _value("most an answer can gain from votes", "answer_voted_max_gain")
    answer_voted_max_loss = _value("most an answer can lose from votes", "answer_voted_max_loss")
    votes_received_daily_cap = _value(
        "daily limit on points from votes received",
        "votes_received_daily_cap",
        "In points as members see them (not multiplied). 0: no limit. Counted per day (UTC) "
        "from the time each upvote was given; losses are never limited.",
    )
    # Switches, kept as 0/1 like every other value of the scheme (RULE_FIELDS are numbers).
    hidden_posts_keep_votes = models.PositiveSmallIntegerField(
        "hidden posts keep their vote points",
        choices=SWITCH,
        default=DEFAULTS.hidden_posts_keep_votes,
        help_text=gettext_lazy(
            "As in Question2Answer: hiding a post takes its posting points away but not "
            "what its votes gave its writer and its voters."
        ),
    )
    select_any_answer = models.PositiveSmallIntegerField(
        "choosing any answer earns the choosing points",
        choices=SWITCH,
        default=DEFAULTS.select_any_answer,
        help_text=gettext_lazy(
            "As in Question2Answer: also one's own answer or one written without an "
            "account. The answer itself earns points only when another member wrote it."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "points settings"
        verbose_name_plural = "points settings"

    def __str__(self) -> str:
        return gettext("Points settings")

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.pk = 1
        super().save(*args, **kwargs)
        _forget(POINTS_CACHE_KEY)

    def values(self) -> dict[str, int]:
        return {name: int(getattr(self, name)) for name in RULE_FIELDS}

    @classmethod
    def current_values(cls) -> dict[str, int]:
        """The stored values, from the cache when it has them."""
        values: dict[str, int] | None = cache.get(POINTS_CACHE_KEY)
        if values is None:
            try:
                row, _ = cls.objects.get_or_create(pk=1)
            except DatabaseError:
                # Before `migrate` has made the table: Django's own checks build a User (whose
                # points default to the base) before migrating a new database. Outside a
                # transaction the failed query harms nothing; inside one, it must be raised.
                if transaction.get_connection().in_atomic_block:
                    raise
                return asdict(DEFAULTS)
            values = row.values()
            cache.set(POINTS_CACHE_KEY, values, timeout=CACHE_SECONDS)
        return values


class UserTitle(models.Model):
    """A title members hold from a number of points up to the next title's (as in
    Question2Answer's "points titles")."""

    min_points = models.IntegerField("from points", unique=True)
    title = models.CharField(max_length=60)

    class Meta:
        ordering = ["min_points"]

    def __str__(self) -> str:
        return f"{self.title} (from {self.min_points:,} points)"


def titles() -> list[tuple[int, str]]:
    """Every title as (min_points, title), lowest first; cached."""
    rows: list[tuple[int, str]] | None = cache.get(TITLES_CACHE_KEY)
    if rows is None:
        rows = list(UserTitle.objects.order_by("min_points").values_list("min_points", "title"))
        cache.set(TITLES_CACHE_KEY, rows, timeout=CACHE_SECONDS)
    return rows


def title_for(points: int) -> str:
    """The title a member with `points` holds ("" below the lowest title)."""
    rows = titles()
    index = bisect_right([low for low, _ in rows], int(points))
    return rows[index - 1][1] if index else ""


@receiver([post_save, post_delete], sender=UserTitle, dispatch_uid="user-titles-changed")
def _titles_changed(**kwargs: object) -> None:
    _forget(TITLES_CACHE_KEY)


def _forget(key: str) -> None:
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


class RecalculationState(models.TextChoices):
    QUEUED = "queued", gettext_lazy("waiting for the worker")
    RUNNING = "running", gettext_lazy("running")
    DONE = "done", gettext_lazy("done")
    FAILED = "failed", gettext_lazy("failed")


class PointsRecalculation(models.Model):
    """One recalculation asked for from the admin and run by the background worker, with
    what it found (the command line prints the same)."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(
        max_length=8, choices=RecalculationState.choices, default=RecalculationState.QUEUED
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    members_checked = models.PositiveIntegerField(default=0)
    members_changed = models.PositiveIntegerField(default=0)
    corrections = models.PositiveIntegerField("ledger corrections", default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"Recalculation of {self.requested_at:%Y-%m-%d %H:%M} ({self.get_state_display()})"
