from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as AuthUserManager
from django.db import models
from django.urls import reverse

from mindwell.reputation.rules import starting_points


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

    objects = UserManager()  # type: ignore[misc]  # django-stubs types the base manager as a ClassVar

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.username

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
