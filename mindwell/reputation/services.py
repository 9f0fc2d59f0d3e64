"""Writing to the points ledger. Callers are already inside a transaction."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F

from mindwell.reputation.models import EventKind, PointsEvent


def points_add(*, user_id: int | None, kind: str, points: int, post_id: int | None = None) -> None:
    """Append one ledger event and move the cached total by the same amount."""
    if user_id is None or points == 0:
        return
    with transaction.atomic():
        PointsEvent.objects.create(user_id=user_id, kind=kind, points=points, post_id=post_id)
        get_user_model().objects.filter(pk=user_id).update(points=F("points") + points)


__all__ = ["EventKind", "points_add"]
