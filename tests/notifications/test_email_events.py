"""Each event produces exactly one email, to the right address, with the right content,
through a real SMTP server (aiosmtpd on 127.0.0.1). The test settings run the send task as
soon as the commit enqueues it, as a worker would a moment later."""

from __future__ import annotations

import pytest

from mindwell.messaging.services import message_send
from mindwell.moderation.actions import POST_ACTIONS
from mindwell.notifications.models import NotificationPreference
from mindwell.notifications.models_email import EmailState, OutboundEmail
from mindwell.qa.services.best_answer import best_answer_select
from mindwell.qa.services.common import Poster
from mindwell.safety.services import case_raise
from tests.factories import make_answer, make_comment, make_user
from tests.notifications.event_helpers import ask, make_moderator, set_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the commit would run (the notifications' email queuing, the send task)."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def asked_by(user, **fields):
    """A question whose asker ticked "email me" (the factories leave it unticked)."""
    return ask(Poster(user=user, notify=True), **fields)


def test_an_answer_emails_the_asker_exactly_once(member, other_member, smtp_sink, committed):
    question = asked_by(member, title="Is it normal to feel anxious every morning?")
    with committed():
        make_answer(question, author=other_member, body="Mornings were hard for me too.")

    [email] = smtp_sink.messages
    assert email.recipients == ["alice@example.test"]
    assert email.subject == (
        "bob answered your question “Is it normal to feel anxious every morning?”"
    )
    assert "Mornings were hard for me too." in email.text
    assert "Mornings were hard for me too." in email.html
    assert f"/questions/{question.pk}/" in email.text
    assert email.message["Message-ID"].startswith("<mindwell.")
    # The answerer's own address appears nowhere in the asker's email.
    assert "bob@example.test" not in email.message.as_string()
    [row] = OutboundEmail.objects.all()
    assert row.state == EmailState.SENT and row.attempts == 1
    assert row.notification.emailed_at is not None


def test_the_email_has_both_parts_and_one_click_unsubscribe_headers(
    member, other_member, smtp_sink, committed
):
    question = asked_by(member)
    with committed():
        make_answer(question, author=other_member)

    [email] = smtp_sink.messages
    assert email.message.get_content_type() == "multipart/alternative"
    assert "<html" in email.html and "<html" not in email.text
    unsubscribe = str(email.message["List-Unsubscribe"]).strip()
    assert unsubscribe.startswith("<http") and "/unsubscribe/" in unsubscribe
    assert email.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = unsubscribe.strip("<>")
    assert link in email.text and link in email.html
    assert email.message["Auto-Submitted"] == "auto-generated"


def test_an_anonymous_asker_is_emailed_at_their_address_only(member, smtp_sink, committed):
    set_site(anonymous_questions=True, premoderate_anonymous=False)
    question = ask(Poster(name="Worried", email="worried@example.test", notify=True, ip="10.0.0.1"))
    with committed():
        make_answer(question, author=member, body="You are not alone in this.")

    [email] = smtp_sink.messages
    assert email.recipients == ["worried@example.test"]
    assert email.message["To"] == "worried@example.test"
    assert "You are not alone in this." in email.text
    assert email.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # No preferences link: there is no account behind the address.
    assert "Choose which emails you get" not in email.text


def test_a_pseudonymous_answer_is_signed_with_the_pseudonym_only(
    member, other_member, smtp_sink, committed
):
    question = asked_by(member)
    with committed():
        answer = make_answer(question, poster=Poster(user=other_member, anonymous=True))

    [email] = smtp_sink.messages
    raw = email.message.as_string()
    assert answer.anon_name in email.text
    assert other_member.username not in raw
    assert other_member.email not in raw


def test_a_comment_waits_for_the_daily_digest_unless_the_member_wants_it_at_once(
    member, other_member, smtp_sink, committed
):
    question = asked_by(member)
    with committed():
        make_comment(question, author=other_member, body="Have you tried a short walk?")
    assert smtp_sink.messages == []  # comments default to the daily digest

    NotificationPreference.objects.create(user=member, event_type="comment", delivery="instant")
    with committed():
        make_comment(question, author=make_user("carol"), body="Writing it down helps me.")
    [email] = smtp_sink.messages
    assert email.recipients == [member.email]
    assert "carol commented on your question" in email.subject
    assert "Writing it down helps me." in email.text


def test_best_answer_emails_the_answerer(member, other_member, smtp_sink, committed):
    question = asked_by(member)
    answer = make_answer(question, poster=Poster(user=other_member, notify=True))
    smtp_sink.clear()
    with committed():
        best_answer_select(question=question, answer=answer, user=member)

    [email] = smtp_sink.messages
    assert email.recipients == [other_member.email]
    assert "was chosen as the best answer" in email.subject


def test_a_mention_emails_the_member_mentioned(member, other_member, smtp_sink, committed):
    question = asked_by(member)
    make_user("dana")
    with committed():
        make_answer(question, author=other_member, body="As @dana said, rest helps a lot.")

    to_dana = smtp_sink.to("dana@example.test")
    assert len(to_dana) == 1
    assert "bob mentioned you" in to_dana[0].subject
    assert len(smtp_sink.to(member.email)) == 1  # the asker, for the answer itself


def test_a_private_message_is_announced_but_never_quoted(
    member, other_member, smtp_sink, committed
):
    set_site(private_messages_enabled=True)
    for user in (member, other_member):
        user.points = 1000
        user.save()
    with committed():
        message_send(sender=other_member, recipient=member, body="My secret worry is money.")

    [email] = smtp_sink.messages
    assert email.recipients == [member.email]
    assert "bob sent you a private message" in email.subject
    assert "/messages/" in email.text
    assert "My secret worry is money." not in email.message.as_string()


def test_a_hidden_post_tells_its_writer_without_quoting_it(
    member, other_member, smtp_sink, committed
):
    question = asked_by(member)
    answer = make_answer(question, author=other_member, body="Some words the moderators hid.")
    smtp_sink.clear()
    with committed():
        POST_ACTIONS["hide"](actor=make_moderator(), post=answer).execute()

    [email] = smtp_sink.to(other_member.email)
    assert "was hidden by the moderators" in email.subject
    assert "Some words the moderators hid." not in email.message.as_string()
    assert "a post that is no longer available" in email.text


def test_an_approved_post_tells_its_writer(member, other_member, smtp_sink, committed):
    question = asked_by(member)
    set_site(premoderate_new_member_days=7)
    newcomer = make_user("newcomer")
    answer = make_answer(question, author=newcomer, body="My first answer here.")
    assert smtp_sink.messages == []
    set_site(premoderate_new_member_days=0)
    with committed():
        POST_ACTIONS["approve"](actor=make_moderator(), post=answer).execute()

    [approved] = smtp_sink.to(newcomer.email)
    assert "was approved" in approved.subject
    assert len(smtp_sink.to(member.email)) == 1  # the asker hears of it only now


def test_a_safety_alert_reaches_moderators_at_once_without_an_unsubscribe_link(
    member, smtp_sink, committed
):
    moderator = make_moderator()
    question = asked_by(member)
    reasons = [{"rule": "flag", "phrase": "tonight", "level": "elevated"}]
    with committed():
        case_raise(post=question, level="elevated", source="flag", reasons=reasons)

    [alert] = smtp_sink.messages
    assert alert.recipients == [moderator.email]
    assert "safety queue" in alert.subject
    assert "/safety/queue/" in alert.text
    # Moderators cannot turn safety alerts off, so no link pretends they can.
    assert alert.message["List-Unsubscribe"] is None
    assert "/unsubscribe/" not in alert.text


def test_unticking_email_me_sends_nothing(member, other_member, smtp_sink, committed):
    question = ask(Poster(user=member, notify=False))
    with committed():
        make_answer(question, author=other_member)
    assert smtp_sink.messages == []
    assert OutboundEmail.objects.count() == 0


def test_the_same_event_twice_is_one_email(member, other_member, smtp_sink, committed):
    question = asked_by(member)
    answer = make_answer(question, poster=Poster(user=other_member, notify=True))
    smtp_sink.clear()
    with committed():
        best_answer_select(question=question, answer=answer, user=member)
    with committed():
        best_answer_select(question=question, answer=answer, user=member)
    assert len(smtp_sink.to(other_member.email)) == 1
