from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from mindwell.reputation.levels import Level


class EventKind(models.TextChoices):
    QUESTION_POSTED = "q_posted", gettext_lazy("asked a question")
    ANSWER_POSTED = "a_posted", gettext_lazy("posted an answer")
    ANSWER_SELECTED = "a_selected", gettext_lazy("answer selected as best")
    SELECTED_ANSWER = "selected", gettext_lazy("selected a best answer")
    VOTE_CAST = "vote_cast", gettext_lazy("voted")
    QUESTION_VOTED = "q_voted", gettext_lazy("votes on a question")
    ANSWER_VOTED = "a_voted", gettext_lazy("votes on an answer")
    MODERATION = "moderation", gettext_lazy("post hidden, deleted, restored or approved")
    CORRECTION = "correction", gettext_lazy("recalculated")
    DAILY_CAP = "daily_cap", gettext_lazy("over the daily limit for votes received")
    # Given by an administrator (imported from Question2Answer's "bonus" points): not derived
    # from content, so a recalculation keeps it.
    BONUS = "bonus", gettext_lazy("bonus")


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


class Action(models.TextChoices):
    """Everything the permission policy decides (mindwell.reputation.policy holds each
    action's default rule and the words the site uses for it)."""

    ASK = "ask", gettext_lazy("Ask questions")
    ANSWER = "answer", gettext_lazy("Answer questions")
    COMMENT = "comment", gettext_lazy("Comment")
    VOTE_UP = "vote_up", gettext_lazy("Vote up")
    VOTE_DOWN = "vote_down", gettext_lazy("Vote down")
    FLAG = "flag", gettext_lazy("Flag posts")
    EDIT_OTHERS = "edit_others", gettext_lazy("Edit other members' posts")
    RETAG = "retag", gettext_lazy("Change a question's tags")
    CLOSE = "close", gettext_lazy("Close and reopen questions")
    MOVE_CATEGORY = "move_category", gettext_lazy("Move questions to another category")
    LOCK_COMMENTS = "lock_comments", gettext_lazy("Lock and unlock comments")
    SELECT_BEST_FOR_OTHERS = (
        "select_best_for_others",
        gettext_lazy("Choose the best answer for others"),
    )
    HIDE = "hide", gettext_lazy("Hide and show posts")
    APPROVE = "approve", gettext_lazy("Approve and reject waiting posts")
    DELETE = "delete", gettext_lazy("Delete and restore posts")
    RESOLVE_FLAGS = "resolve_flags", gettext_lazy("Uphold or dismiss flags")
    MERGE = "merge", gettext_lazy("Merge duplicate questions")
    CONVERT = "convert", gettext_lazy("Convert answers to comments")
    MODERATE = "moderate", gettext_lazy("Use the moderation queue")
    VIEW_DASHBOARD = "view_dashboard", gettext_lazy("See the moderation dashboard")
    HANDLE_SAFETY_CASES = "handle_safety_cases", gettext_lazy("Handle safety cases")
    SEND_PRIVATE_MESSAGE = "send_private_message", gettext_lazy("Send private messages")
    POST_ON_WALL = "post_on_wall", gettext_lazy("Post on members' walls")
    RESTRICT_MEMBERS = "restrict_members", gettext_lazy("Suspend and silence members")
    BLOCK_MEMBERS = "block_members", gettext_lazy("Block members for good")
    VIEW_EMAILS = "view_emails", gettext_lazy("See members' email addresses")
    BROWSE_AUDIT_LOG = "browse_audit_log", gettext_lazy("Read the audit log")
    MANAGE_LEVELS = "manage_levels", gettext_lazy("Change members' levels")
    EDIT_RULES = "edit_rules", gettext_lazy("Change these permission rules")


class RuleMode(models.TextChoices):
    LEVEL = "level", gettext_lazy("the level only")
    POINTS = "points", gettext_lazy("the points only")
    EITHER = "either", gettext_lazy("the level or the points")
    BOTH = "both", gettext_lazy("the level and the points")


class PermissionRule(models.Model):
    """What one action needs. Administrators edit these at run time; the policy reads them
    through one cache entry that every save drops. Visitors without an account are governed
    by the site settings (anonymous questions, answers, comments), not by these rows."""

    action = models.CharField(max_length=32, choices=Action.choices, unique=True)
    min_level = models.PositiveSmallIntegerField(
        "minimum level",
        choices=Level.choices,
        default=Level.REGISTERED,
        help_text=gettext_lazy(
            "Granted site-wide, or in the post's category (or a category above it)."
        ),
    )
    min_points = models.IntegerField(
        "minimum points",
        default=0,
        help_text=gettext_lazy("Points include the starting points every member gets."),
    )
    mode = models.CharField(
        "needs",
        max_length=6,
        choices=RuleMode.choices,
        default=RuleMode.LEVEL,
        help_text=(
            gettext_lazy(
                "Either: the level or the points is enough (as on Stack Exchange, where points "
                "earn privileges). Both: the member needs the two."
            )
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["action"]

    def __str__(self) -> str:
        return self.get_action_display()


class CategoryLevel(models.Model):
    """A level granted in one category (and the categories under it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="category_levels"
    )
    category = models.ForeignKey(
        "taxonomy.Category", on_delete=models.CASCADE, related_name="member_levels"
    )
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["category", "-level"]
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="category_level_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.get_level_display()} in {self.category_id}"


# The run-time points settings, titles and recalculation records live in their own module.
from mindwell.reputation.settings_model import (  # noqa: E402
    PointsRecalculation,
    PointsSettings,
    RecalculationState,
    UserTitle,
)

__all__ = [
    "Action",
    "CategoryLevel",
    "EventKind",
    "PermissionRule",
    "PointsEvent",
    "PointsRecalculation",
    "PointsSettings",
    "RecalculationState",
    "RuleMode",
    "UserTitle",
]
