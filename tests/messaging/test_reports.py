"""Reporting messages, and moderators reading reported conversations (audited) and
settling reports."""

from __future__ import annotations

import pytest
from django.test import Client

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.messaging.models import Message, Report, ReportOutcome
from mindwell.messaging.services import message_send, report_create, report_handle
from mindwell.moderation.models import AuditAction, AuditEntry
from tests.accounts.auth_helpers import text
from tests.factories import make_user
from tests.messaging.helpers import CRISIS_TEXT, THRESHOLD, logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return make_user("mod", is_staff=True)


@pytest.fixture
def rude(messages_on, sender, recipient) -> Message:
    message_send(sender=recipient, recipient=sender, body="Hi Sam, nice to meet you here.")
    return message_send(sender=sender, recipient=recipient, body="You are pathetic, go away.")


def test_the_recipient_reports_a_message_through_the_page(rude, recipient):
    client = logged_in(recipient)
    conversation = text(client.get(f"/messages/{rude.conversation_id}/"))
    assert f'href="/messages/message/{rude.pk}/report/">Report' in conversation
    form = client.get(f"/messages/message/{rude.pk}/report/")
    assert form.status_code == 200
    assert "You are pathetic" in text(form)
    response = client.post(
        f"/messages/message/{rude.pk}/report/", {"reason": "harassment", "note": "Out of nowhere."}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.message_id, report.reporter_id, report.reason) == (
        rude.pk,
        recipient.pk,
        "harassment",
    )
    again = client.post(f"/messages/message/{rude.pk}/report/", {"reason": "spam"})
    assert again.status_code == 400
    assert "You have already reported this message" in text(again)


def test_a_report_needs_a_reason_and_keeps_the_note(rude, recipient):
    response = logged_in(recipient).post(
        f"/messages/message/{rude.pk}/report/", {"note": "They keep writing to me."}
    )
    assert response.status_code == 400
    assert "Please choose a reason." in text(response)
    assert "They keep writing to me." in text(response)


def test_only_the_other_member_can_report(rude, sender, recipient):
    with pytest.raises(PermissionDenied, match="You cannot report your own message."):
        report_create(reporter=sender, message=rude, reason="spam")
    outsider = make_user("nosy", points=THRESHOLD)
    with pytest.raises(PermissionDenied, match="only messages in your own conversations"):
        report_create(reporter=outsider, message=rude, reason="spam")
    # Through the page, an outsider learns nothing about the message.
    assert logged_in(outsider).get(f"/messages/message/{rude.pk}/report/").status_code == 404


def test_moderators_read_only_reported_conversations_and_every_reading_is_audited(
    rude, recipient, moderator
):
    report = report_create(reporter=recipient, message=rude, reason="harassment")
    client = logged_in(moderator)
    listing = text(client.get("/messages/reports/"))
    assert f'href="/messages/reports/{report.pk}/"' in listing
    assert "Message reports (1)" in text(client.get("/"))
    for reading in (1, 2):
        page = text(client.get(f"/messages/reports/{report.pk}/"))
        assert "You are pathetic, go away." in page
        assert "Hi Sam, nice to meet you here." in page  # the whole conversation
        entries = AuditEntry.objects.filter(action=AuditAction.SAFETY)
        assert entries.count() == reading
    entry = entries.first()
    assert entry.actor == moderator and entry.target_user == rude.sender
    assert entry.detail == {"report": report.pk, "conversation": rude.conversation_id}
    assert "pathetic" not in str(entry.detail) + entry.reason  # the log holds no message text
    # Without a report there is no way in.
    assert client.get(f"/messages/{rude.conversation_id}/").status_code == 404


def test_members_cannot_open_the_reports(rude, recipient):
    report = report_create(reporter=recipient, message=rude, reason="harassment")
    for url in ("/messages/reports/", f"/messages/reports/{report.pk}/"):
        response = logged_in(make_user(points=5000)).get(url)
        assert response.status_code == 403
        assert "Reports on private messages and walls are for moderators." in text(response)
        assert "pathetic" not in text(response)
    assert Client().get("/messages/reports/")["Location"].startswith("/accounts/login/")
    assert not AuditEntry.objects.exists()


def test_settling_a_report_is_recorded_and_audited(
    rude, recipient, moderator, django_capture_on_commit_callbacks
):
    first = report_create(reporter=recipient, message=rude, reason="harassment")
    client = logged_in(moderator)
    assert "Message reports (1)" in text(client.get("/"))
    refused = client.post(f"/messages/reports/{first.pk}/", {"note": "Looked into it"})
    assert refused.status_code == 400 and "Please choose whether to uphold" in text(refused)
    assert "Looked into it" in text(refused)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/messages/reports/{first.pk}/", {"outcome": "upheld", "note": "Warned the sender"}
        )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.outcome, first.handled_by, first.moderator_note) == (
        ReportOutcome.UPHELD,
        moderator,
        "Warned the sender",
    )
    settled = AuditEntry.objects.filter(action=AuditAction.SAFETY, detail__outcome="upheld").get()
    assert settled.reason == "Warned the sender"
    with pytest.raises(ServiceError, match="already been settled"):
        report_handle(report=first, moderator=moderator, outcome="dismissed")
    assert "No open reports." in text(client.get("/messages/reports/"))
    assert "Message reports" not in text(client.get("/"))  # the header's count, dropped
    assert "Warned" not in text(client.get("/messages/reports/"))
    assert "Upheld by mod" in text(client.get("/messages/reports/?tab=settled"))


def test_a_reported_crisis_message_is_marked_for_moderators(
    messages_on, sender, recipient, moderator
):
    """Needs the crisis assessor (mindwell.safety.risk) to read CRISIS_TEXT as crisis."""
    message = message_send(sender=sender, recipient=recipient, body=CRISIS_TEXT)
    report = report_create(reporter=recipient, message=message, reason="at-risk")
    client = logged_in(moderator)
    assert "(reads as crisis)" in text(client.get("/messages/reports/"))
    assert "Reads as crisis" in text(client.get(f"/messages/reports/{report.pk}/"))


def test_report_pages_cost_the_same_however_long_the_conversation(
    rude, sender, recipient, moderator
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = report_create(reporter=recipient, message=rude, reason="harassment")
    client = logged_in(moderator)

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.get("/")
    few = (count("/messages/reports/"), count(f"/messages/reports/{report.pk}/"))
    for i in range(25):
        cache.clear()
        message = message_send(sender=sender, recipient=recipient, body=f"More words {i}")
        report_create(reporter=recipient, message=message, reason="spam")
    client.get("/")  # the caches the loop cleared
    assert (count("/messages/reports/"), count(f"/messages/reports/{report.pk}/")) == few
