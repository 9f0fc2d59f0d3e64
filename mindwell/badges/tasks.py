"""Badges are awarded in the background: services say whose badges may have changed
(`enqueue_badge_check`, after their commit) and the worker evaluates that member's rules, so
no request waits for the counting."""

from __future__ import annotations

import datetime

from django_tasks import task

from mindwell.core.tasks import DEFAULT_QUEUE, enqueue_on_commit


@task(queue_name=DEFAULT_QUEUE)
def badge_check(user_id: int) -> list[str]:
    """Award the member every badge they have newly earned; returns the new badges' slugs."""
    from mindwell.badges.services import badges_award

    return [award.badge.slug for award in badges_award(user_id=user_id)]


@task(queue_name=DEFAULT_QUEUE)
def visit_record(user_id: int, day: str) -> list[str]:
    """Note the member's visit on `day` (ISO date), then check the badges it may earn."""
    from mindwell.badges.services import badges_award, visit_add

    if not visit_add(user_id=user_id, day=datetime.date.fromisoformat(day)):
        return []
    return [award.badge.slug for award in badges_award(user_id=user_id)]


def enqueue_badge_check(*user_ids: int | None) -> None:
    """After the current transaction commits, check the badges of these members (None, for
    a visitor without an account, and repeats are skipped)."""
    for user_id in dict.fromkeys(user_ids):
        if user_id is not None:
            enqueue_on_commit(badge_check, int(user_id))
