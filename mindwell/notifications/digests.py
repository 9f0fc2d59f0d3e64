"""Daily and weekly digests: one email per member gathering what they chose to hear about
that way since their last digest (every such notification not yet emailed or gathered).

`mindwell send_digests --period daily` (and `weekly`) is run by cron or a systemd timer;
it writes the digests and their outbox rows, and the worker sends them. A digest is unique
per (member, period, date), where a weekly digest's date is the Monday of its week, so
running the command twice sends nothing twice; each notification is gathered into one
digest at most (its `emailed_at` is set when gathered).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from mindwell.core.tasks import enqueue_on_commit
from mindwell.notifications.models import Notification
from mindwell.notifications.models_email import (
    Digest,
    DigestPeriod,
    EmailKind,
    OutboundEmail,
)
from mindwell.notifications.preferences import deliveries_for

PERIOD_LENGTH: dict[str, timedelta] = {
    DigestPeriod.DAILY: timedelta(days=1),
    DigestPeriod.WEEKLY: timedelta(days=7),
}
# A digest never reaches further back than two periods: a member who turns a digest on
# does not receive months of old news in their first one.
LOOKBACK_PERIODS = 2
MEMBERS_PER_BATCH = 200


@dataclass
class DigestRun:
    members: int = 0  # members with something to gather
    digests: int = 0  # digests written (or, in a dry run, that would be)
    notifications: int = 0


def digest_date(period: str, today: date) -> date:
    """The date a digest is keyed by: the day, or the Monday of the week."""
    if period == DigestPeriod.WEEKLY:
        return today - timedelta(days=today.weekday())
    return today


def digests_build(*, period: str, now: datetime | None = None, dry_run: bool = False) -> DigestRun:
    if period not in DigestPeriod.values:
        raise ValueError(f"period must be one of {DigestPeriod.values}, not {period!r}")
    now = now or timezone.now()
    key_date = digest_date(period, timezone.localdate(now))
    floor = now - PERIOD_LENGTH[period] * LOOKBACK_PERIODS
    run = DigestRun()
    for members in _members_with_news(floor, now):
        run.members += len(members)
        choices = deliveries_for(members)
        done = set(
            Digest.objects.filter(user__in=members, period=period, date=key_date).values_list(
                "user_id", flat=True
            )
        )
        for member in members:
            wanted = [event for event, how in choices[member.pk].items() if how == period]
            if member.pk in done or not wanted:
                continue
            ids = _gathered(member, wanted, floor, now)
            if not ids:
                continue
            run.digests += 1
            run.notifications += len(ids)
            if not dry_run:
                _write(member, period, key_date, ids, now)
    return run


def _pending(floor: datetime, now: datetime) -> Any:
    """Notifications to members not yet emailed and not waiting in the outbox."""
    queued = OutboundEmail.objects.filter(kind=EmailKind.NOTIFICATION).values("notification_id")
    return Notification.objects.filter(
        recipient__isnull=False,
        emailed_at__isnull=True,
        created_at__gt=floor,
        created_at__lte=now,
    ).exclude(pk__in=queued)


def _members_with_news(floor: datetime, now: datetime) -> Iterator[list[Any]]:
    ids = sorted(set(_pending(floor, now).order_by().values_list("recipient_id", flat=True)))
    for start in range(0, len(ids), MEMBERS_PER_BATCH):
        chunk = ids[start : start + MEMBERS_PER_BATCH]
        yield list(
            get_user_model().objects.filter(pk__in=chunk, is_active=True, blocked_at__isnull=True)
        )


def _gathered(member: Any, events: list[str], since: datetime, now: datetime) -> list[int]:
    rows = (
        _pending(since, now)
        .filter(recipient=member, event_type__in=events)
        .values_list("pk", "data")
    )
    # "Email me" unticked on the post concerned: inbox only, never emailed.
    return [pk for pk, data in rows if not (data or {}).get("no_email")]


def _write(member: Any, period: str, key_date: date, ids: list[int], now: datetime) -> None:
    from mindwell.notifications.delivery import outbox_drain

    with transaction.atomic():
        digest, created = Digest.objects.get_or_create(user=member, period=period, date=key_date)
        if not created:
            return  # another run got there first
        # Claim the notifications first, so two runs never gather the same one twice.
        claimed = list(
            Notification.objects.select_for_update()
            .filter(pk__in=ids, emailed_at__isnull=True)
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=claimed).update(emailed_at=now)
        if not claimed:
            digest.delete()
            return
        digest.notifications.add(*claimed)
        OutboundEmail.objects.create(
            key=f"digest:{digest.pk}", kind=EmailKind.DIGEST, digest=digest, recipient=member
        )
        enqueue_on_commit(outbox_drain)
