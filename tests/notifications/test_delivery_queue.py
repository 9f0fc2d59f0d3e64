"""Email goes out from the worker, never from the request, on both real queues: the
database and Redis. Every test here runs once on each (the `queue` fixture)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from mindwell.moderation.actions import POST_ACTIONS
from mindwell.notifications.models_email import EmailState, OutboundEmail
from mindwell.qa.models import Post
from mindwell.qa.services.common import Poster
from tests.factories import make_user
from tests.notifications.event_helpers import ask, make_moderator

pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("run_worker", "--once", "--verbosity", "0", stdout=io.StringIO())


def post_answer(client, question: Post, body: str):
    response = client.post(f"/questions/{question.pk}/answer/", {"body": body, "notify": "on"})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def test_posting_an_answer_does_no_smtp_work_inside_the_request(queue, smtp_sink, client):
    asker, answerer = make_user("asker"), make_user("answerer")
    question = ask(Poster(user=asker, notify=True), title="How can I stop overthinking?")
    client.force_login(answerer)

    post_answer(client, question, "Naming the thought out loud helps me let it go.")

    # The request committed the answer and queued the email; the mail server heard nothing.
    assert smtp_sink.count() == 0
    [row] = OutboundEmail.objects.all()
    assert row.state == EmailState.QUEUED and row.attempts == 0

    run_worker()

    [email] = smtp_sink.messages
    assert email.recipients == [asker.email]
    assert "How can I stop overthinking?" in email.subject
    assert "Naming the thought out loud helps me let it go." in email.text
    row.refresh_from_db()
    assert row.state == EmailState.SENT
    run_worker()
    assert smtp_sink.count() == 1  # a second run sends nothing twice


def test_a_post_hidden_before_the_worker_sends_is_not_quoted(queue, smtp_sink, client):
    asker, answerer = make_user("asker"), make_user("answerer")
    question = ask(Poster(user=asker, notify=True))
    client.force_login(answerer)
    post_answer(client, question, "Words that will be hidden before the email goes.")
    answer = Post.objects.answers().get()

    POST_ACTIONS["hide"](actor=make_moderator(), post=answer).execute()
    run_worker()

    [email] = smtp_sink.to(asker.email)
    raw = email.message.as_string()
    assert "Words that will be hidden" not in raw
    assert "a post that is no longer available" in email.text
    assert "a post that is no longer available" in email.html
