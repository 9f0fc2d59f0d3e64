"""The outbox: claiming, sending, retrying with backoff, giving up, and picking up what a
dead worker left, against a real SMTP server. The queue is the database backend here, so
queued emails wait until the test sends them (`send_due`, what the worker's task runs)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mindwell.config.env import email_config
from mindwell.notifications.delivery import (
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    email_queue_notifications,
    email_retry,
    outbox_recover,
    send_due,
)
from mindwell.notifications.email.message import message_id
from mindwell.notifications.models import Notification, NotificationPreference
from mindwell.notifications.models_email import EmailState, EmailTemplateOverride, OutboundEmail
from mindwell.qa.services.common import Poster
from tests.factories import make_answer, make_user
from tests.notifications.event_helpers import ask
from tests.notifications.smtp_sink import free_port

pytestmark = pytest.mark.django_db

DRAIN = "mindwell.notifications.delivery.outbox_drain"


@pytest.fixture
def queued(member, other_member, database_queue, django_capture_on_commit_callbacks):
    """One answer's email to the asker (alice), waiting in the outbox."""
    question = ask(Poster(user=member, notify=True))
    with django_capture_on_commit_callbacks(execute=True):
        make_answer(question, author=other_member, body="Small steps help, one at a time.")
    return OutboundEmail.objects.get()


def make_due(row: OutboundEmail) -> None:
    OutboundEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())


def test_an_email_waits_in_the_outbox_until_the_worker_sends_it(queued, smtp_sink):
    assert queued.state == EmailState.QUEUED and queued.attempts == 0
    assert smtp_sink.messages == []
    assert DBTaskResult.objects.filter(task_path=DRAIN, status="READY").exists()

    assert send_due() == 1
    [email] = smtp_sink.messages
    assert email.message_id == message_id(queued)
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (EmailState.SENT, 1)
    assert queued.subject.startswith("bob answered your question")
    assert send_due() == 0  # nothing is sent twice
    assert smtp_sink.count() == 1


def test_a_temporary_refusal_is_retried_with_backoff_and_recorded(queued, smtp_sink):
    smtp_sink.refuse = {"alice@example.test"}
    before = timezone.now()
    assert send_due() == 0

    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (EmailState.QUEUED, 1)
    assert "451" in queued.last_error
    expected = before + timedelta(seconds=RETRY_DELAYS[0])
    assert abs((queued.next_attempt_at - expected).total_seconds()) < 5
    # A drain is scheduled for that moment, so the retry needs no new event.
    wake = DBTaskResult.objects.filter(task_path=DRAIN, run_after=queued.next_attempt_at)
    assert wake.count() == 1
    assert send_due() == 0  # not due yet

    smtp_sink.refuse = set()
    make_due(queued)
    assert send_due() == 1
    queued.refresh_from_db()
    assert (queued.state, queued.attempts, queued.last_error) == (EmailState.SENT, 2, "")
    assert smtp_sink.count() == 1


def test_each_retry_waits_longer_and_the_last_failure_is_final(queued, smtp_sink):
    smtp_sink.refuse = {"alice@example.test"}
    waits = []
    for _ in range(MAX_ATTEMPTS - 1):
        started = timezone.now()
        send_due()
        queued.refresh_from_db()
        assert queued.state == EmailState.QUEUED
        waits.append(round((queued.next_attempt_at - started).total_seconds() / 60))
        make_due(queued)
    assert waits == [1, 5, 30, 120, 720]

    send_due()
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (EmailState.FAILED, MAX_ATTEMPTS)
    assert "451" in queued.last_error
    assert smtp_sink.messages == []


def test_a_permanent_refusal_fails_at_once(queued, smtp_sink):
    def refuse(message):
        raise ValueError("no such mailbox")

    smtp_sink.before_accept = refuse
    send_due()
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (EmailState.FAILED, 1)
    assert "554" in queued.last_error


def test_an_unreachable_server_stops_the_batch_and_loses_nothing(
    member, other_member, database_queue, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    for n in range(3):
        question = ask(Poster(user=member, notify=True), title=f"Question number {n} here?")
        with django_capture_on_commit_callbacks(execute=True):
            make_answer(question, author=other_member)

    assert send_due() == 0
    rows = list(OutboundEmail.objects.order_by("pk"))
    assert [r.state for r in rows] == [EmailState.QUEUED] * 3
    # Only the first was tried; the others wait, untouched, for the retry.
    assert [r.attempts for r in rows] == [1, 0, 0]
    assert "unreachable" in rows[0].last_error


def test_a_row_left_sending_by_a_dead_worker_is_sent_again_after_the_claim_timeout(
    queued, smtp_sink, settings
):
    settings.MINDWELL_EMAIL_CLAIM_TIMEOUT = 60
    OutboundEmail.objects.filter(pk=queued.pk).update(
        state=EmailState.SENDING, claimed_at=timezone.now(), attempts=1
    )
    assert send_due() == 0  # perhaps another worker is sending it right now

    OutboundEmail.objects.filter(pk=queued.pk).update(
        claimed_at=timezone.now() - timedelta(seconds=61)
    )
    assert send_due() == 1
    [email] = smtp_sink.messages
    assert email.message_id == message_id(queued)  # the same Message-ID as the first try
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (EmailState.SENT, 2)


def test_a_starting_worker_wakes_the_outbox(queued, settings):
    settings.MINDWELL_EMAIL_CLAIM_TIMEOUT = 60
    DBTaskResult.objects.all().delete()
    claimed = timezone.now()
    other = OutboundEmail.objects.create(
        key="notification:other",
        kind="notification",
        notification=Notification.objects.get(),
        state=EmailState.SENDING,
        claimed_at=claimed,
    )
    outbox_recover()

    runs = [row.task.run_after for row in DBTaskResult.objects.filter(task_path=DRAIN)]
    assert runs.count(None) == 1  # at once, for the queued row
    [later] = [moment for moment in runs if moment is not None]  # for the half-sent one
    assert later >= claimed + timedelta(seconds=60)
    assert other.state == EmailState.SENDING


def test_an_email_turned_off_after_the_event_is_not_sent(queued, smtp_sink, member):
    NotificationPreference.objects.create(user=member, event_type="answer", delivery="off")
    assert send_due() == 0
    queued.refresh_from_db()
    assert queued.state == EmailState.SKIPPED
    assert "turned these emails off" in queued.last_error
    assert smtp_sink.messages == []


def test_a_closed_account_gets_no_email(queued, smtp_sink, member):
    member.is_active = False
    member.save()
    send_due()
    queued.refresh_from_db()
    assert queued.state == EmailState.SKIPPED
    assert smtp_sink.messages == []


def test_queuing_the_same_notification_twice_makes_one_email(queued, smtp_sink):
    email_queue_notifications(notification_ids=[queued.notification_id])
    assert OutboundEmail.objects.count() == 1
    send_due()
    assert smtp_sink.count() == 1


def test_a_broken_template_override_is_retried_not_lost(queued, smtp_sink):
    # Saved around the admin's check, as a bad deploy or a direct database edit could.
    EmailTemplateOverride.objects.create(name="answer", subject="{% if %}")
    assert send_due() == 0
    queued.refresh_from_db()
    assert queued.state == EmailState.QUEUED
    assert "Could not build the email" in queued.last_error

    EmailTemplateOverride.objects.all().delete()
    make_due(queued)
    assert send_due() == 1


def test_retrying_failed_emails_queues_them_again(queued, smtp_sink):
    OutboundEmail.objects.filter(pk=queued.pk).update(
        state=EmailState.FAILED, attempts=MAX_ATTEMPTS, last_error="550 gone"
    )
    assert email_retry(ids=[queued.pk]) == 1
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (EmailState.QUEUED, 0)
    assert send_due() == 1


def test_the_admin_retry_action(queued, smtp_sink, client):
    admin_user = make_user("root", is_staff=True, is_superuser=True)
    OutboundEmail.objects.filter(pk=queued.pk).update(state=EmailState.FAILED)
    client.force_login(admin_user)
    page = client.get("/admin/notifications/outboundemail/")
    assert page.status_code == 200
    assert "alice" in page.content.decode()

    response = client.post(
        "/admin/notifications/outboundemail/",
        {"action": "retry", "_selected_action": [queued.pk]},
    )
    assert response.status_code == 302
    queued.refresh_from_db()
    assert queued.state == EmailState.QUEUED


def test_the_admin_never_shows_an_anonymous_address(
    member, database_queue, client, django_capture_on_commit_callbacks
):
    from tests.notifications.event_helpers import set_site

    set_site(anonymous_questions=True, premoderate_anonymous=False)
    question = ask(Poster(name="Worried", email="secret-address@example.test", notify=True))
    with django_capture_on_commit_callbacks(execute=True):
        make_answer(question, author=member)
    row = OutboundEmail.objects.get()
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    listing = client.get("/admin/notifications/outboundemail/").content.decode()
    detail = client.get(f"/admin/notifications/outboundemail/{row.pk}/change/").content.decode()
    for page in (listing, detail):
        assert "anonymous poster" in page
        assert "secret-address" not in page


def test_email_url_settings_reach_a_real_smtp_server(queued, smtp_sink, settings):
    # The sink fixture set the SMTP settings by hand; here they come from EMAIL_URL instead.
    for name, value in email_config(f"smtp://127.0.0.1:{smtp_sink.port}").items():
        setattr(settings, name, value)
    settings.EMAIL_PORT = smtp_sink.port
    assert send_due() == 1
    assert smtp_sink.count() == 1


def test_a_starting_worker_queues_what_a_crash_left_unqueued(
    member, other_member, database_queue, smtp_sink, django_capture_on_commit_callbacks
):
    question = ask(Poster(user=member, notify=True))
    # The process died after the commit, before the email was queued: nothing ran on commit.
    with django_capture_on_commit_callbacks(execute=False):
        make_answer(question, author=other_member)
    assert Notification.objects.filter(recipient=member).exists()
    assert not OutboundEmail.objects.exists()

    outbox_recover()
    [row] = OutboundEmail.objects.all()
    assert row.recipient_id == member.pk
    assert send_due() == 1
    outbox_recover()  # again: nothing new
    assert OutboundEmail.objects.count() == 1
