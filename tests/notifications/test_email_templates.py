"""What an email may say, and how: the administrator's template overrides, plain text that
is not HTML-escaped, localised dates, and the posts that are linked rather than quoted."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from mindwell.notifications.delivery import send_due
from mindwell.notifications.email.context import when
from mindwell.notifications.models import Notification
from mindwell.notifications.models_email import EmailTemplateOverride
from mindwell.qa.models import Post, RiskLevel
from mindwell.qa.services.common import Poster
from tests.factories import make_answer, make_user
from tests.notifications.event_helpers import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(member, other_member, database_queue, django_capture_on_commit_callbacks):
    """Send one answer email to alice (after the test has set things up)."""

    def answer(body="Breathing slowly helps.", **question_fields):
        question = ask(Poster(user=member, notify=True), **question_fields)
        with django_capture_on_commit_callbacks(execute=True):
            post = make_answer(question, author=other_member, body=body)
        return post

    return answer


def test_an_administrators_override_replaces_the_standard_parts(answered, smtp_sink):
    EmailTemplateOverride.objects.create(
        name="answer",
        subject="New reply for {{ recipient_name }}",
        text="{{ actor }} wrote back.\n\n{{ post.quoted }}\n\nStop: {{ unsubscribe_url }}",
    )
    answered(body="Try a warm drink before bed.")
    send_due()
    [email] = smtp_sink.messages
    assert email.subject == "New reply for alice"
    assert email.text.startswith("bob wrote back.\n\n> Try a warm drink before bed.")
    assert "/unsubscribe/" in email.text
    assert "Try a warm drink before bed." in email.html  # the HTML part kept its standard


def test_an_override_may_extend_the_standard_layout(answered, smtp_sink):
    EmailTemplateOverride.objects.create(
        name="answer",
        html='{% extends "notifications/email/base.html" %}{% block content %}'
        "<p>Custom: {{ line_text }}</p>{% endblock %}",
    )
    answered()
    send_due()
    [email] = smtp_sink.messages
    assert "<p>Custom: bob answered your question" in email.html
    assert "Choose which emails you get" in email.html  # the layout's footer


def test_an_override_that_does_not_compile_is_refused():
    override = EmailTemplateOverride(name="answer", text="{% if %}broken")
    with pytest.raises(ValidationError) as refused:
        override.full_clean()
    assert "does not compile" in str(refused.value.message_dict["text"])


def test_the_admin_refuses_a_broken_override_and_keeps_the_text(client):
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/notifications/emailtemplateoverride/add/",
        {"name": "answer", "subject": "", "text": "Hello {% if %}friend", "html": ""},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "does not compile" in page
    assert "Hello {% if %}friend" in page
    assert not EmailTemplateOverride.objects.exists()


def test_text_is_not_escaped_and_html_is(answered, smtp_sink):
    answered(body="Don't worry <b>too</b> much & rest.", title="Why can't I sleep <at all>?")
    send_due()
    [email] = smtp_sink.messages
    assert "Don't worry <b>too</b> much & rest." in email.text
    assert "Why can't I sleep <at all>?" in email.subject
    assert "Don&#x27;t worry &lt;b&gt;too&lt;/b&gt; much &amp; rest." in email.html
    assert "<b>too</b>" not in email.html


def test_dates_are_in_the_sites_language_and_time_zone(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    moment = datetime(2026, 3, 5, 13, 30, tzinfo=UTC)
    with translation.override("en"):
        assert when(moment) == "March 5, 2026, 2:30 p.m."
    with translation.override("de"):
        assert when(moment) == "5. März 2026 14:30"


def test_the_email_shows_the_localised_time_of_the_event(answered, smtp_sink):
    answered()
    Notification.objects.update(created_at=datetime(2026, 3, 5, 13, 30, tzinfo=UTC))
    send_due()
    [email] = smtp_sink.messages
    assert "March 5, 2026, 1:30 p.m." in email.text


def test_a_post_with_a_content_warning_is_linked_not_quoted(answered, smtp_sink):
    answer = answered(body="Details of a painful loss.")
    Post.objects.filter(pk=answer.pk).update(content_warning="death")
    send_due()
    [email] = smtp_sink.messages
    assert "Details of a painful loss." not in email.message.as_string()
    assert "content warning (death and grief)" in email.text
    assert f"#{answer.anchor}" in email.text


def test_a_crisis_post_is_not_quoted_to_members(answered, smtp_sink):
    answer = answered(body="Words the assessor marked as a crisis.")
    Post.objects.filter(pk=answer.pk).update(risk_level=RiskLevel.CRISIS)
    send_due()
    [email] = smtp_sink.messages
    assert "Words the assessor marked" not in email.message.as_string()
    assert "not quoted here" in email.text


def test_the_email_is_dated_in_the_sites_language_whoever_sends_it(answered, smtp_sink, settings):
    answered()
    Notification.objects.update(created_at=datetime(2026, 3, 5, 13, 30, tzinfo=UTC))
    settings.LANGUAGE_CODE = "de"
    with translation.override("en"):  # the language of whatever request or worker sends it
        send_due()
    [email] = smtp_sink.messages
    assert "5. März 2026 13:30" in email.text
