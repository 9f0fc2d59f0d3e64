from __future__ import annotations

from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

CACHE_KEY = "siteconfig:settings:v1"


class SiteSettings(models.Model):
    """The settings an administrator changes at run time, without a deploy (one row)."""

    site_name = models.CharField(max_length=80, default="Mindwellnessforum")
    welcome_text = models.TextField(
        max_length=500,
        default=(
            "Welcome to Mindwellnessforum where you can ask questions about relationships "
            "and mental health"
        ),
    )
    anonymous_questions = models.BooleanField("allow anonymous questions", default=False)
    anonymous_answers = models.BooleanField("allow anonymous answers", default=True)
    anonymous_comments = models.BooleanField("allow anonymous comments", default=True)
    title_min_length = models.PositiveIntegerField(default=12, validators=[MinValueValidator(1)])
    title_max_length = models.PositiveIntegerField(
        default=150, validators=[MinValueValidator(10), MaxValueValidator(200)]
    )
    question_body_max_length = models.PositiveIntegerField(default=12000)
    answer_min_length = models.PositiveIntegerField(default=12)
    answer_max_length = models.PositiveIntegerField(default=12000)
    comment_min_length = models.PositiveIntegerField(default=2)
    comment_max_length = models.PositiveIntegerField(default=1500)
    max_tags = models.PositiveIntegerField(default=5, validators=[MaxValueValidator(20)])
    anonymous_posts_per_hour = models.PositiveIntegerField(
        default=10,
        help_text=gettext_lazy(
            "Posts a visitor without an account may make per hour from one address."
        ),
    )

    # Moderation and safety (see mindwell.moderation and mindwell.safety).
    flags_to_hide = models.PositiveIntegerField(
        "flags that hide a post",
        default=3,
        validators=[MinValueValidator(1)],
        help_text=gettext_lazy("A post is hidden, pending review, when this many members flag it."),
    )
    premoderate_anonymous = models.BooleanField(
        "posts by visitors without an account wait for approval", default=False
    )
    premoderate_new_member_days = models.PositiveIntegerField(
        "posts by members younger than this many days wait for approval",
        default=0,
        help_text=gettext_lazy("0: off."),
    )
    premoderate_points_below = models.PositiveIntegerField(
        "posts by members with fewer points wait for approval",
        default=0,
        help_text=gettext_lazy("0: off."),
    )
    captcha_anonymous = models.BooleanField(
        "ask a captcha of visitors posting without an account", default=False
    )
    captcha_registration = models.BooleanField("ask a captcha on registration", default=False)
    captcha_feedback = models.BooleanField("ask a captcha on the feedback form", default=True)
    crisis_country = models.CharField(
        "default country for crisis resources",
        max_length=2,
        default="US",
        help_text=gettext_lazy("Two-letter code; visitors can choose their own."),
    )

    # Between members and profiles (see mindwell.messaging and mindwell.accounts.avatars).
    private_messages_enabled = models.BooleanField(
        "members can send each other private messages",
        default=False,
        help_text=gettext_lazy("Only members the permission rule “Send private messages” allows."),
    )
    wall_enabled = models.BooleanField(
        "profiles have a wall members can post on",
        default=False,
        help_text=gettext_lazy("Only members the permission rule “Post on members’ walls” allows."),
    )
    gravatar_enabled = models.BooleanField(
        "show Gravatar pictures for members without an uploaded picture",
        default=False,
        help_text=(
            gettext_lazy(
                "Pages then load pictures from gravatar.com, which learns who reads them and a "
                "hash of each member's email address. Off: a picture made from the name."
            )
        ),
    )
    avatar_max_kb = models.PositiveIntegerField(
        "largest profile picture upload (KB)",
        default=2048,
        validators=[MinValueValidator(16), MaxValueValidator(10240)],
    )

    # Maintenance (see mindwell.core.maintenance): pages are read, nothing is written.
    read_only = models.BooleanField(
        "maintenance (read-only) mode",
        default=False,
        help_text=(
            gettext_lazy(
                "Every page shows a banner and every write (posting, voting, editing…) is "
                "refused with the writer's text kept; the admin and login still work."
            )
        ),
    )

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return gettext("Site settings")

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    @classmethod
    def current(cls) -> SiteSettings:
        settings = cache.get(CACHE_KEY)
        if settings is None:
            settings, _ = cls.objects.get_or_create(pk=1)
            cache.set(CACHE_KEY, settings, timeout=300)
        return settings

    def allows_anonymous(self, kind: str) -> bool:
        return {
            "Q": self.anonymous_questions,
            "A": self.anonymous_answers,
            "C": self.anonymous_comments,
        }[kind]


class Page(models.Model):
    """A page an administrator writes (About, Community guidelines, Privacy, Terms)."""

    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=120)
    body = models.TextField(help_text=gettext_lazy("Markdown"))
    body_html = models.TextField(blank=True, editable=False)
    in_footer = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        from mindwell.core.markdown import render_markdown

        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)
        cache.delete(FOOTER_CACHE_KEY)

    def get_absolute_url(self) -> str:
        return reverse("page-detail", args=[self.slug])


FOOTER_CACHE_KEY = "siteconfig:footer:v1"
