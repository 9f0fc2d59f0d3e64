"""Reading personal access tokens."""

from __future__ import annotations

from typing import Any

from mindwell.api.models import PersonalAccessToken, PersonalAccessTokenQuerySet


def tokens_of(*, user: Any) -> PersonalAccessTokenQuerySet:
    """A member's tokens, revoked ones included, the newest first."""
    return PersonalAccessToken.objects.filter(user=user).order_by("-created_at", "-pk")
