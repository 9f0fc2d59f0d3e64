"""Sending email from the outbox, on the task queue, never inside a request.

Every email is first a row (`OutboundEmail`) with a unique key, written after the event's
transaction commits; the `outbox_drain` task, run by `mindwell run_worker` on the "email"
queue, sends the rows that are due. One row at a time it:

1. claims the row in a short transaction (queued -> sending, with the time and one more
   attempt): `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, so several workers share the
   outbox; SQLite's IMMEDIATE transactions serialise claims instead;
2. builds the message (at send time: visibility, opt-outs and preferences as they are now)
   with a Message-ID derived from the row, and hands it to the mail server;
3. marks it sent the moment the server has accepted it, in its own short transaction.

A worker killed at any point loses nothing: rows it had not claimed wait as they were, and a
row left "sending" is claimed again once `MINDWELL_EMAIL_CLAIM_TIMEOUT` has passed (a
starting worker schedules that; see `outbox_recover`). That re-send is the one place a
message could go out twice: if the worker died after the server accepted the message and
before step 3 committed (a window of one UPDATE). We chose at-least-once there, because a
lost alert (a safety alert, an answer someone is waiting for) costs more than a rare
duplicate, and the duplicate carries the same Message-ID, which mail systems use to fold
duplicates together. A failed send is retried with backoff (`RETRY_DELAYS`) and recorded;
after `MAX_ATTEMPTS` the row is marked failed and an administrator can retry it.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.db.models import Max, Min, Q
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from mindwell.core.tasks import EMAIL_QUEUE, enqueue_on_commit
from mindwell.notifications.email.message import Skip, build
from mindwell.notifications.email.templates import load_overrides
from mindwell.notifications.models import Delivery, Notification
from mindwell.notifications.models_email import EmailKind, EmailState, OutboundEmail
from mindwell.notifications.preferences import deliveries_for
from mindwell.notifications.signals import notifications_created

logger = logging.getLogger(__name__)

# Seconds to wait after the 1st, 2nd, … failed attempt; the 6th failure is final.
RETRY_DELAYS = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
BATCH = 500
# How far back a starting worker looks for notifications a crash left unqueued.
RECOVER_WINDOW = timedelta(days=1)

SENT, SKIPPED, RETRY, FAILED, STOP = "sent", "skipped", "retry", "failed", "stop"


def claim_timeout() -> timedelta:
    return timedelta(seconds=float(getattr(settings, "MINDWELL_EMAIL_CLAIM_TIMEOUT", 600)))


# --- Queuing ------------------------------------------------------------------------------


def email_queue_notifications(*, notification_ids: list[int]) -> int:
    """Queue an instant email for each of these notifications whose recipient wants one
    (members by their preference, anonymous addresses always: they ticked "email me").
    Returns how many rows were queued; the drain task runs after the commit."""
    notifications = list(
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .select_related("recipient")
        .only("pk", "event_type", "data", "recipient", "recipient_email")
    )
    members = {n.recipient_id: n.recipient for n in notifications if n.recipient_id is not None}
    choices = deliveries_for(members.values())
    rows = []
    for notification in notifications:
        if notification.data.get("no_email"):
            continue
        if notification.recipient_id is not None:
            chosen = choices.get(notification.recipient_id, {}).get(notification.event_type)
            if chosen != Delivery.INSTANT:
                continue  # a digest gathers it, or the member wants no email for it
        rows.append(
            OutboundEmail(
                key=f"notification:{notification.pk}",
                kind=EmailKind.NOTIFICATION,
                notification=notification,
                recipient_id=notification.recipient_id,
            )
        )
    if rows:
        with transaction.atomic():
            # ignore_conflicts: a notification queued twice is still one email.
            OutboundEmail.objects.bulk_create(rows, ignore_conflicts=True, batch_size=BATCH)
            enqueue_on_commit(outbox_drain)
    return len(rows)


@receiver(notifications_created, dispatch_uid="mindwell.notifications.delivery")
def _notifications_created(sender: Any, ids: list[int], **kwargs: Any) -> None:
    email_queue_notifications(notification_ids=ids)


# --- Sending ------------------------------------------------------------------------------


@task(queue_name=EMAIL_QUEUE)
def outbox_drain() -> int:
    """Send every outbox email that is due; returns how many were sent. Safe to run any
    number of times at once: each row is claimed by one run only."""
    return send_due()


def send_due() -> int:
    overrides = load_overrides()
    smtp = mail.get_connection()
    sent = 0
    try:
        while True:
            row = claim_next()
            if row is None:
                break
            outcome = send_one(row, smtp, overrides)
            if outcome == SENT:
                sent += 1
            elif outcome == STOP:
                break  # the server is unreachable: the rest waits for the retry
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            smtp.close()
    return sent


def claim_next() -> OutboundEmail | None:
    """Take the next due row (or one a dead worker left "sending") for this worker."""
    now = timezone.now()
    with transaction.atomic():
        candidates = OutboundEmail.objects.filter(
            Q(state=EmailState.QUEUED, next_attempt_at__lte=now)
            | Q(state=EmailState.SENDING, claimed_at__lt=now - claim_timeout())
        ).order_by("next_attempt_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        row = candidates.only("pk", "attempts").first()
        if row is None:
            return None
        OutboundEmail.objects.filter(pk=row.pk).update(
            state=EmailState.SENDING, claimed_at=now, attempts=row.attempts + 1
        )
    return OutboundEmail.objects.select_related(
        "notification__recipient",
        "notification__post",
        "notification__question",
        "notification__actor",
        "recipient",
        "digest",
        "mailing",
    ).get(pk=row.pk)


def send_one(row: OutboundEmail, smtp: Any, overrides: dict[str, Any]) -> str:
    try:
        message = build(row, overrides)
    except Exception as error:  # a broken template override, a bug: retried, and recorded
        logger.exception("Could not build email %s", row.pk)
        return _failed(row, f"Could not build the email: {error!r}", permanent=False)
    if isinstance(message, Skip):
        _finish(row, EmailState.SKIPPED, message.reason)
        return SKIPPED
    try:
        # Opened by the first message and kept for the batch (opened by send_messages
        # itself, the SMTP backend would close it again after each message).
        smtp.open()
        smtp.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        return _failed(row, f"Refused: {error.recipients}", permanent=min(codes) >= 500)
    except smtplib.SMTPResponseException as error:
        permanent = error.smtp_code >= 500
        return _failed(row, f"{error.smtp_code} {error.smtp_error!r}", permanent=permanent)
    except (OSError, smtplib.SMTPException) as error:
        # Disconnected, refused, timed out: nothing more can be sent now.
        _failed(row, f"Mail server unreachable: {error!r}", permanent=False)
        return STOP
    _mark_sent(row, subject=str(message.subject))
    return SENT


def _mark_sent(row: OutboundEmail, *, subject: str) -> None:
    # Right after the server accepted the message, in one short transaction: the only
    # window in which a crash could cause a second send (see the module's docstring).
    now = timezone.now()
    with transaction.atomic():
        OutboundEmail.objects.filter(pk=row.pk, state=EmailState.SENDING).update(
            state=EmailState.SENT, sent_at=now, subject=subject[:255], last_error=""
        )
        if row.notification_id is not None:
            Notification.objects.filter(pk=row.notification_id, emailed_at__isnull=True).update(
                emailed_at=now
            )


def _finish(row: OutboundEmail, state: str, note: str) -> None:
    OutboundEmail.objects.filter(pk=row.pk).update(state=state, last_error=note[:2000])


def _failed(row: OutboundEmail, error: str, *, permanent: bool) -> str:
    if permanent or row.attempts >= MAX_ATTEMPTS:
        _finish(row, EmailState.FAILED, error)
        logger.error("Gave up on email %s after %s attempts: %s", row.pk, row.attempts, error)
        return FAILED
    delay = RETRY_DELAYS[min(row.attempts, len(RETRY_DELAYS)) - 1]
    retry_at = timezone.now() + timedelta(seconds=delay)
    OutboundEmail.objects.filter(pk=row.pk).update(
        state=EmailState.QUEUED, next_attempt_at=retry_at, last_error=error[:2000]
    )
    logger.warning(
        "Email %s failed (attempt %s), retrying at %s: %s", row.pk, row.attempts, retry_at, error
    )  # noqa: E501
    wake_at(retry_at)
    return RETRY


def wake_at(moment: Any) -> None:
    """Have a drain run at `moment` (when the queue can defer tasks; otherwise the next
    drain, or a worker's start, picks the row up)."""
    if outbox_drain.get_backend().supports_defer:
        outbox_drain.using(run_after=moment).enqueue()


def email_retry(*, ids: list[int]) -> int:
    """An administrator's "retry now" for failed (or skipped) emails."""
    with transaction.atomic():
        retried = OutboundEmail.objects.filter(
            pk__in=ids, state__in=[EmailState.FAILED, EmailState.SKIPPED]
        ).update(state=EmailState.QUEUED, attempts=0, next_attempt_at=timezone.now())
        if retried:
            enqueue_on_commit(outbox_drain)
    return retried


def outbox_recover() -> None:
    """Run when a worker starts (settings.MINDWELL_WORKER_STARTUP): queue instant emails a
    crash kept from being queued, send what is due now, and wake up again when rows a dead
    worker left "sending" may be claimed, and when the next retry is due (in case its
    wake-up was lost with the old queue)."""
    now = timezone.now()
    _queue_missed(since=now - RECOVER_WINDOW)
    if OutboundEmail.objects.due(now).exists():
        outbox_drain.enqueue()
    pending = OutboundEmail.objects.aggregate(
        claimed=Max("claimed_at", filter=Q(state=EmailState.SENDING)),
        retry=Min("next_attempt_at", filter=Q(state=EmailState.QUEUED, next_attempt_at__gt=now)),
    )
    if pending["claimed"] is not None:
        logger.warning("Emails were left half-sent by a stopped worker; they will be sent again.")
        wake_at(max(now, pending["claimed"] + claim_timeout()) + timedelta(seconds=1))
    if pending["retry"] is not None:
        wake_at(pending["retry"])


def _queue_missed(*, since: Any) -> None:
    """Notifications are queued for email just after their transaction commits; a process
    that died in between left them unqueued. Those of the last day are queued now (the
    usual checks decide which get an instant email)."""
    queued = OutboundEmail.objects.filter(kind=EmailKind.NOTIFICATION).values("notification_id")
    missed = list(
        Notification.objects.filter(emailed_at__isnull=True, created_at__gte=since)
        .exclude(pk__in=queued)
        .order_by()
        .values_list("pk", flat=True)
    )
    for start in range(0, len(missed), BATCH):
        email_queue_notifications(notification_ids=missed[start : start + BATCH])
