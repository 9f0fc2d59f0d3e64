from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as AuthUserManager
from django.db import models
from django.urls import reverse

from mindwell.reputation.levels import Level, level_from_flags, staff_flags
from mindwell.reputation.rules import starting_points

# Saving any of these saves all three: the level and Django's role flags move together.
ROLE_FIELDS = ("level", "is_staff", "is_superuser")


class UserQuerySet(models.QuerySet):
    def ranked(self) -> "UserQuerySet":
        return self.filter(is_active=True).order_by("-points", "username")


class UserManager(AuthUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    """A member. `points` caches the total of the reputation ledger (see mindwell.reputation)."""

    about = models.TextField(blank=True, max_length=2000)
    # The base (100, as in Question2Answer) plus the sum of the ledger.
    points = models.IntegerField(default=starting_points, db_index=True)

    # Moderation state (see mindwell.moderation): a suspended member cannot log in, a
    # silenced one can read but not write, a blocked one is out for good.
    suspended_until = models.DateTimeField(null=True, blank=True)
    silenced_until = models.DateTimeField(null=True, blank=True)
    blocked_at = models.DateTimeField(null=True, blank=True)

    # Safety preferences: content warnings kept collapsed, and the country whose crisis
    # lines are shown (blank: the visitor's choice or the site default).
    hidden_warnings = models.JSONField(default=list, blank=True)
    crisis_country = models.CharField(max_length=2, blank=True)

    # Profile (mindwell.accounts.services_profile). The avatar files are written only by
    # mindwell.accounts.avatars, re-encoded without metadata, so they are not editable here.
    location = models.CharField(max_length=100, blank=True)
    website = models.URLField(max_length=200, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    avatar = models.FileField(max_length=100, blank=True, editable=False)
    avatar_small = models.FileField(max_length=100, blank=True, editable=False)
    avatar_updated_at = models.DateTimeField(null=True, blank=True, editable=False)
    # What others may do on the member's pages (mindwell.messaging), when the site allows it.
    accepts_messages = models.BooleanField("accept private messages", default=True)
    show_wall = models.BooleanField("show a wall on my profile", default=True)

    # Question2Answer's user level (mindwell.reputation.levels); change it with `level_set`.
    level = models.PositiveSmallIntegerField(
        choices=Level.choices, default=Level.REGISTERED, db_index=True
    )

    objects = UserManager()  # type: ignore[misc]  # django-stubs types the base manager as a ClassVar

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.username

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.sync_roles()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(ROLE_FIELDS):
            kwargs["update_fields"] = {*update_fields, *ROLE_FIELDS}
        super().save(*args, **kwargs)

    def set_level(self, level: int) -> None:
        """Set the site-wide level and the Django flags that follow it (no permission check:
        that is `mindwell.reputation.levels.level_set`'s job)."""
        self.level = int(level)
        for name, value in staff_flags(self.level).items():
            setattr(self, name, value)

    def sync_roles(self) -> None:
        """The level is the truth and the flags follow it; but flags set without a level
        (createsuperuser, older rows) first raise the level to match, never lower it."""
        implied = level_from_flags(is_staff=self.is_staff, is_superuser=self.is_superuser)
        self.set_level(max(int(self.level), implied))

    def is_suspended(self, now=None) -> bool:  # type: ignore[no-untyped-def]
        from django.utils import timezone

        return self.suspended_until is not None and self.suspended_until > (now or timezone.now())

    def is_silenced(self, now=None) -> bool:  # type: ignore[no-untyped-def]
        from django.utils import timezone

        return self.silenced_until is not None and self.silenced_until > (now or timezone.now())

    @property
    def is_blocked(self) -> bool:
        return self.blocked_at is not None

    def get_absolute_url(self) -> str:
        return reverse("user-profile", args=[self.username])
