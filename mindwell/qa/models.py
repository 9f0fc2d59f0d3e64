"""Questions, answers and comments live in one table, as in Question2Answer: votes, revisions
and (later) flags and moderation then treat every kind of post the same way."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy

from mindwell.seo.slugs import question_slug


class PostKind(models.TextChoices):
    QUESTION = "Q", gettext_lazy("question")
    ANSWER = "A", gettext_lazy("answer")
    COMMENT = "C", gettext_lazy("comment")


class PostStatus(models.TextChoices):
    PUBLISHED = "published", gettext_lazy("published")
    # Pre-moderated: invisible to everyone but its writer and moderators until approved.
    QUEUED = "queued", gettext_lazy("waiting for approval")
    HIDDEN = "hidden", gettext_lazy("hidden")
    DELETED = "deleted", gettext_lazy("deleted")


class RiskLevel(models.TextChoices):
    """What the crisis assessor (mindwell.safety.risk) said about a post's text."""

    NONE = "none", gettext_lazy("none")
    ELEVATED = "elevated", gettext_lazy("elevated")
    CRISIS = "crisis", gettext_lazy("crisis")


class ContentWarning(models.TextChoices):
    """Warnings a writer may put on a post; readers see the post behind a click, and members
    can choose warnings to keep collapsed."""

    SUICIDE = "suicide", gettext_lazy("suicide")
    SELF_HARM = "self-harm", gettext_lazy("self-harm")
    ABUSE = "abuse", gettext_lazy("abuse or violence")
    SEXUAL_VIOLENCE = "sexual-violence", gettext_lazy("sexual violence")
    EATING = "eating", gettext_lazy("eating disorders")
    SUBSTANCES = "substances", gettext_lazy("substance use")
    DEATH = "death", gettext_lazy("death and grief")
    MEDICAL = "medical", gettext_lazy("medical detail")


class PostQuerySet(models.QuerySet):
    def published(self) -> PostQuerySet:
        return self.filter(status=PostStatus.PUBLISHED)

    def questions(self) -> PostQuerySet:
        return self.filter(kind=PostKind.QUESTION)

    def answers(self) -> PostQuerySet:
        return self.filter(kind=PostKind.ANSWER)

    def comments(self) -> PostQuerySet:
        return self.filter(kind=PostKind.COMMENT)

    def visible_to(self, user) -> PostQuerySet:  # type: ignore[no-untyped-def]
        """What a viewer may read: published posts in a published question's thread, and a
        member's own posts waiting for approval; staff also see hidden and queued ones. A
        hidden question hides its answers and comments with it."""
        if user is not None and user.is_authenticated and user.is_staff:
            return self.exclude(status=PostStatus.DELETED).exclude(
                question__status=PostStatus.DELETED
            )
        if user is not None and user.is_authenticated:
            # "Own" includes what they posted anonymously, under their pseudonym.
            own_queued = Q(status=PostStatus.QUEUED) & (Q(author=user) | Q(pseudonym__user=user))
            own_queued_question = Q(question__status=PostStatus.QUEUED) & (
                Q(question__author=user) | Q(question__pseudonym__user=user)
            )
            return self.filter(Q(status=PostStatus.PUBLISHED) | own_queued).filter(
                Q(question__status=PostStatus.PUBLISHED) | own_queued_question
            )
        return self.filter(status=PostStatus.PUBLISHED, question__status=PostStatus.PUBLISHED)

    def queued(self) -> PostQuerySet:
        return self.filter(status=PostStatus.QUEUED)

    def with_listing_data(self) -> PostQuerySet:
        return self.select_related("author", "category").prefetch_related("tags")


class Post(models.Model):
    kind = models.CharField(max_length=1, choices=PostKind.choices, db_index=True)
    status = models.CharField(
        max_length=10, choices=PostStatus.choices, default=PostStatus.PUBLISHED, db_index=True
    )
    # The question a post belongs to (itself for a question), so a whole thread is one query.
    question = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="thread_posts"
    )
    # What an answer answers or a comment comments on.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True, editable=False)
    category = models.ForeignKey(
        "taxonomy.Category", null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    tags = models.ManyToManyField("taxonomy.Tag", blank=True, related_name="posts")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    # For posts without an account. The email is private: it is only ever used to send the
    # notifications the poster opted into, and no template, feed or API may show it.
    anon_name = models.CharField(max_length=40, blank=True)
    anon_email = models.EmailField(blank=True)
    notify = models.BooleanField(default=False)
    author_ip = models.GenericIPAddressField(null=True, blank=True)
    # A member's post made anonymously: `author` stays empty and `anon_name` shows the
    # pseudonym, so every public page treats it as anonymous; this link to the member is
    # shown to moderators only (see mindwell.privacy).
    pseudonym = models.ForeignKey(
        "privacy.Pseudonym",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )

    score = models.IntegerField(default=0, db_index=True)
    upvotes = models.PositiveIntegerField(default=0)
    downvotes = models.PositiveIntegerField(default=0)
    answer_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    view_count = models.PositiveIntegerField(default=0)
    # Questions only: the "hot" formula of mindwell.qa.hot, stored so the hot list is an
    # index scan; refreshed whenever answers, votes or views change.
    hot_score = models.FloatField(default=0.0, editable=False)
    best_answer = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="best_for"
    )
    asked_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_questions",
        help_text=gettext_lazy("The answer this question was asked from."),
    )
    # Safety and moderation state (see mindwell.safety and mindwell.moderation).
    risk_level = models.CharField(
        max_length=8, choices=RiskLevel.choices, default=RiskLevel.NONE, db_index=True
    )
    content_warning = models.CharField(max_length=20, choices=ContentWarning.choices, blank=True)
    flag_count = models.PositiveIntegerField(default=0)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    close_reason = models.CharField(max_length=300, blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    comments_locked = models.BooleanField(default=False)
    slow_mode_seconds = models.PositiveIntegerField(
        default=0,
        help_text=gettext_lazy("Seconds a member must wait between replies here (0: off)."),
    )
    # One form submission creates at most one post, however often it is sent.
    submit_token = models.CharField(max_length=64, null=True, blank=True, unique=True)

    created_at = models.DateTimeField(db_index=True)
    activity_at = models.DateTimeField(db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["question", "kind"], name="post_thread"),
            # Keyset pagination (mindwell.qa.pagination): one index per list sort, ending in
            # the id tiebreaker, so every page of every sort is an index range scan. Status
            # is left out on purpose: members also see their own queued questions and
            # moderators hidden ones, and with status in the index those lists could not
            # be read in index order; non-published rows are rare and skipped in the scan.
            *(
                models.Index(fields=["kind", *columns, "-id"], name=f"post_list_{name}")
                for name, columns in [
                    ("recent", ["-created_at"]),
                    ("active", ["-activity_at"]),
                    ("hot", ["-hot_score"]),
                    ("votes", ["-score", "-created_at"]),
                    ("answers", ["-answer_count", "-created_at"]),
                    ("views", ["-view_count", "-created_at"]),
                ]
            ),
            # The activity stream's edits, and a member's posts (profiles, "My updates").
            models.Index(
                fields=["-edited_at", "-id"],
                name="post_stream_edited",
                condition=Q(edited_at__isnull=False),
            ),
            models.Index(fields=["author", "-created_at", "-id"], name="post_author_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="Q") | Q(parent__isnull=False), name="post_reply_has_parent"
            )
        ]

    def __str__(self) -> str:
        if self.kind == PostKind.QUESTION:
            return self.title
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self) -> str:
        if self.kind == PostKind.QUESTION:
            return reverse("question-detail", args=[self.pk, self.slug])
        assert self.question_id is not None
        # Use the question's slug when it is already loaded; otherwise the question page
        # redirects "-" to the right slug, which is cheaper than a query here.
        question = self._state.fields_cache.get("question")
        slug = question.slug if question is not None else "-"
        return reverse("question-detail", args=[self.question_id, slug]) + f"#{self.anchor}"

    @property
    def is_question(self) -> bool:
        return self.kind == PostKind.QUESTION

    @property
    def is_answer(self) -> bool:
        return self.kind == PostKind.ANSWER

    @property
    def is_comment(self) -> bool:
        return self.kind == PostKind.COMMENT

    @property
    def is_deleted(self) -> bool:
        return self.status == PostStatus.DELETED

    @property
    def is_queued(self) -> bool:
        return self.status == PostStatus.QUEUED

    @property
    def is_hidden(self) -> bool:
        return self.status == PostStatus.HIDDEN

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_crisis(self) -> bool:
        return self.risk_level == RiskLevel.CRISIS

    def thread_is_published(self) -> bool:
        """Whether this post and the question it belongs to are both published."""
        if self.status != PostStatus.PUBLISHED:
            return False
        if self.question_id is None or self.question_id == self.pk:
            return True
        return Post.objects.filter(pk=self.question_id, status=PostStatus.PUBLISHED).exists()

    @property
    def display_name(self) -> str:
        if self.author_id is not None:
            return self.author.username  # type: ignore[union-attr]
        return self.anon_name or "anonymous"

    @property
    def slug(self) -> str:
        return question_slug(self.title)

    @property
    def anchor(self) -> str:
        return f"{self.get_kind_display()[0]}{self.pk}"


class Revision(models.Model):
    """One edit of a post: who, when, and the text before and after."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    title_before = models.CharField(max_length=200, blank=True)
    title_after = models.CharField(max_length=200, blank=True)
    body_before = models.TextField(blank=True)
    body_after = models.TextField(blank=True)
    tags_before = models.TextField(blank=True)
    tags_after = models.TextField(blank=True)
    category_before = models.CharField(max_length=80, blank=True)
    category_after = models.CharField(max_length=80, blank=True)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Revision of {self.post_id} at {self.created_at:%Y-%m-%d %H:%M}"
