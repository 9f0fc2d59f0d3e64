"""Mass mailings: an administrator's announcement, to the members who asked for
announcements (off unless chosen), throttled, each email with its own unsubscribe link.

"Send" only marks the mailing and queues `mass_mailing_queue`; that task writes one outbox
row per recipient, spreading them over time (`MINDWELL_MASS_MAIL_PER_MINUTE` a minute) so a
large list never floods the mail server or the site's sending reputation. The rows' keys
are unique per (mailing, member), so resuming an interrupted mailing sends nobody a second
copy.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from mindwell.core.errors import ServiceError
from mindwell.core.tasks import EMAIL_QUEUE, enqueue_on_commit
from mindwell.notifications.models import Delivery, NotificationPreference
from mindwell.notifications.models_email import (
    EmailKind,
    MailingState,
    MassMailing,
    OutboundEmail,
)
from mindwell.notifications.unsubscribe import ANNOUNCEMENTS

BATCH = 500


def per_minute() -> int:
    return max(1, int(getattr(settings, "MINDWELL_MASS_MAIL_PER_MINUTE", 60)))


def recipients() -> Any:
    """Members who asked for announcements and can receive email, in id order."""
    wants = NotificationPreference.objects.filter(
        user=OuterRef("pk"), event_type=ANNOUNCEMENTS
    ).exclude(delivery=Delivery.OFF)
    return (
        get_user_model()
        .objects.filter(Exists(wants), is_active=True, blocked_at__isnull=True)
        .exclude(email="")
        .order_by("pk")
    )


def mass_mailing_send(*, mailing: MassMailing, by: Any) -> None:
    """Start sending a draft (or resume one whose queuing was interrupted)."""
    if not (by.is_active and by.is_superuser):
        raise ServiceError(gettext("Only administrators can send a mass mailing."))
    with transaction.atomic():
        locked = MassMailing.objects.select_for_update().get(pk=mailing.pk)
        if locked.state == MailingState.SENT:
            raise ServiceError(f"“{locked.subject}” was already sent.")
        if not locked.subject.strip() or not locked.body.strip():
            raise ServiceError(gettext("A mailing needs a subject and a body."))
        if locked.state == MailingState.DRAFT:
            locked.state = MailingState.SENDING
            locked.started_at = timezone.now()
            locked.save(update_fields=["state", "started_at"])
        enqueue_on_commit(mass_mailing_queue, locked.pk)


@task(queue_name=EMAIL_QUEUE)
def mass_mailing_queue(mailing_id: int) -> int:
    """Write the mailing's outbox rows, the i-th due `i // per_minute()` minutes after the
    start, and wake the sender for each minute. Returns the number of recipients."""
    from mindwell.notifications.delivery import outbox_drain, wake_at

    mailing = MassMailing.objects.filter(pk=mailing_id, state=MailingState.SENDING).first()
    if mailing is None:
        return 0
    start = mailing.started_at or timezone.now()
    rate = per_minute()
    count = 0
    last_pk = 0
    while True:
        batch = list(recipients().filter(pk__gt=last_pk).values_list("pk", flat=True)[:BATCH])
        if not batch:
            break
        OutboundEmail.objects.bulk_create(
            [
                OutboundEmail(
                    key=f"mailing:{mailing.pk}:user:{user_id}",
                    kind=EmailKind.MAILING,
                    mailing=mailing,
                    recipient_id=user_id,
                    next_attempt_at=start + timedelta(minutes=(count + i) // rate),
                )
                for i, user_id in enumerate(batch)
            ],
            ignore_conflicts=True,
        )
        count += len(batch)
        last_pk = batch[-1]
    MassMailing.objects.filter(pk=mailing.pk).update(state=MailingState.SENT, recipient_count=count)
    outbox_drain.enqueue()
    for minute in range(1, (count + rate - 1) // rate):
        wake_at(start + timedelta(minutes=minute))
    return count
