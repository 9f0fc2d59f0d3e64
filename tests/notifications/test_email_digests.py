"""Digests: a day's (or a week's) events in one email per member, grouped by question,
sent once however often the command runs."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from mindwell.moderation.actions import POST_ACTIONS
from mindwell.notifications.digests import digest_date, digests_build
from mindwell.notifications.models import EventType, Notification, NotificationPreference
from mindwell.notifications.models_email import Digest, EmailState, OutboundEmail
from mindwell.qa.services.common import Poster
from tests.factories import make_answer, make_comment, make_user
from tests.notifications.event_helpers import ask, make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def a_days_events(member, other_member, smtp_sink, committed):
    """alice's day: two comments on one question, one on another (daily by default) and an
    answer (emailed at once)."""
    first = ask(Poster(user=member, notify=True), title="How do I talk to my sister again?")
    second = ask(Poster(user=member, notify=True), title="Is journaling worth trying?")
    carol = make_user("carol")
    with committed():
        make_comment(first, author=other_member, body="Start with a short message.")
        make_comment(first, author=carol, body="A letter can be easier than a call.")
        make_comment(second, author=other_member, body="It helped me sleep better.")
        make_answer(second, author=carol, body="Yes, ten minutes a day is enough.")
    assert len(smtp_sink.messages) == 1  # the answer, at once
    smtp_sink.clear()
    return first, second


def send_digests(period: str, committed) -> str:
    out = io.StringIO()
    with committed():
        call_command("send_digests", "--period", period, stdout=out)
    return out.getvalue()


def test_a_digest_gathers_a_days_events_grouped_by_question(
    member, a_days_events, smtp_sink, committed
):
    output = send_digests("daily", committed)
    assert "wrote 1 daily digest(s) gathering 3 notification(s)" in output

    [email] = smtp_sink.messages
    assert email.recipients == [member.email]
    assert email.subject.startswith("Your daily digest from")
    assert email.subject.endswith(": 3 updates")
    text = email.text
    first, second = (
        text.index("How do I talk to my sister again?"),
        text.index("Is journaling worth trying?"),
    )
    assert first < text.index("bob commented on your question") < second
    assert text.count("commented on your question") == 3
    assert "A letter can be easier than a call." in text and "A letter can be" in email.html
    assert "answered your question" not in text  # that one was emailed at once
    unsubscribe = str(email.message["List-Unsubscribe"]).strip()
    assert "/unsubscribe/" in unsubscribe
    assert not Notification.objects.filter(
        recipient=member, event_type=EventType.COMMENT, emailed_at__isnull=True
    ).exists()


def test_running_it_again_sends_nothing_twice(member, a_days_events, smtp_sink, committed):
    send_digests("daily", committed)
    output = send_digests("daily", committed)
    assert "wrote 0 daily digest(s)" in output
    assert smtp_sink.count() == 1
    assert Digest.objects.count() == 1


def test_the_next_days_digest_has_only_the_new_events(
    member, other_member, a_days_events, smtp_sink, committed
):
    first, _ = a_days_events
    send_digests("daily", committed)
    with committed():
        make_comment(first, author=make_user("dave"), body="One more thought for you.")
    run = digests_build(period="daily", now=timezone.now() + timedelta(days=1))
    assert (run.digests, run.notifications) == (1, 1)
    assert Digest.objects.count() == 2


def test_a_dry_run_writes_nothing(a_days_events, smtp_sink, committed):
    out = io.StringIO()
    call_command("send_digests", "--period", "daily", "--dry-run", stdout=out)
    assert "would write 1 daily digest(s) gathering 3" in out.getvalue()
    assert Digest.objects.count() == 0
    assert not OutboundEmail.objects.filter(kind="digest").exists()


def test_a_post_hidden_after_the_event_is_not_quoted_in_the_digest(
    member, a_days_events, smtp_sink, committed
):
    comment = Notification.objects.filter(recipient=member, event_type=EventType.COMMENT).first()
    POST_ACTIONS["hide"](actor=make_moderator(), post=comment.post).execute()
    smtp_sink.clear()

    send_digests("daily", committed)
    [email] = smtp_sink.to(member.email)
    assert comment.post.body not in email.message.as_string()


def test_weekly_events_wait_for_the_weekly_digest(member, smtp_sink, committed):
    NotificationPreference.objects.create(
        user=member, event_type=EventType.COMMENT, delivery="weekly"
    )
    question = ask(Poster(user=member, notify=True))
    with committed():
        make_comment(question, author=make_user("carol"))
    assert digests_build(period="daily").digests == 0
    send_digests("weekly", committed)
    [email] = smtp_sink.messages
    assert "weekly digest" in email.subject
    [digest] = Digest.objects.all()
    assert digest.date.weekday() == 0  # keyed by the week's Monday


def test_old_news_is_not_gathered(member, smtp_sink, committed):
    question = ask(Poster(user=member, notify=True))
    with committed():
        make_comment(question, author=make_user("carol"))
    Notification.objects.update(created_at=timezone.now() - timedelta(days=3))
    assert digests_build(period="daily").digests == 0


def test_email_me_unticked_is_never_gathered(member, smtp_sink, committed):
    question = ask(Poster(user=member, notify=False))
    with committed():
        make_comment(question, author=make_user("carol"))
    assert Notification.objects.filter(recipient=member).exists()
    assert digests_build(period="daily").digests == 0


def test_a_closed_account_gets_no_digest(member, a_days_events, smtp_sink, committed):
    member.is_active = False
    member.save()
    assert digests_build(period="daily").digests == 0


def test_digest_dates():
    wednesday = date(2026, 11, 25)
    assert digest_date("daily", wednesday) == wednesday
    assert digest_date("weekly", wednesday) == date(2026, 11, 23)


def test_a_digest_email_is_sent_once_like_any_other(member, a_days_events, smtp_sink, committed):
    send_digests("daily", committed)
    [row] = OutboundEmail.objects.filter(kind="digest")
    assert row.state == EmailState.SENT and row.recipient_id == member.pk
