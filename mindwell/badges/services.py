"""Awarding badges. Called from the background tasks (one member) and from
`mindwell award_badges` (everyone, in batches); never from a request."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from mindwell.badges.models import Award, Badge, Visit
from mindwell.badges.rules import RULES


def badges_award_batch(*, user_ids: list[int], dry_run: bool = False) -> list[Award]:
    """Evaluate every rule for these members and award what they have newly earned.
    Idempotent: a badge already held is not evaluated again, and the unique constraint with
    ignored conflicts makes two workers checking one member at once award it once."""
    if not user_ids:
        return []
    badges = {badge.slug: badge for badge in Badge.objects.all()}
    held = set(Award.objects.filter(user_id__in=user_ids).values_list("user_id", "badge_id"))
    awards: list[Award] = []
    for rule in RULES:
        badge = badges.get(rule.slug)
        if badge is None:  # an administrator cannot delete badges, but a database can
            continue
        candidates = [user_id for user_id in user_ids if (user_id, badge.pk) not in held]
        if not candidates:
            continue
        for user_id, post_id in sorted(rule.earned(candidates).items()):
            awards.append(Award(user_id=user_id, badge=badge, post_id=post_id))
    if awards and not dry_run:
        with transaction.atomic():
            Award.objects.bulk_create(awards, ignore_conflicts=True)
    return awards


def badges_award(*, user_id: int) -> list[Award]:
    """Award one member every badge they have newly earned."""
    return badges_award_batch(user_ids=[user_id])


def visit_add(*, user_id: int, day: datetime.date) -> bool:
    """Record that the member visited on `day`; False when it was known already (or the
    member is gone)."""
    if not get_user_model().objects.filter(pk=user_id).exists():
        return False
    _, created = Visit.objects.get_or_create(user_id=user_id, day=day)
    return created
