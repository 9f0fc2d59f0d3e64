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

    objects = UserManager()  # type: ignore[misc]  # django-stubs types the base manager as a ClassVar

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.username

    def get_absolute_url(self) -> str:
        return reverse("user-profile", args=[self.username])
