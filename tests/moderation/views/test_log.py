"""The audit log page: administrators only, filters, pagination, constant queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.moderation.actions import Hide, LockComments, Reshow, Suspend
from mindwell.moderation.models import AuditEntry
from tests.factories import make_question
from tests.moderation.moderation_helpers import count_queries, make_admin, make_moderator, text

pytestmark = pytest.mark.django_db


def test_log_is_for_administrators(client, member):
    client.force_login(make_moderator())
    response = client.get("/moderation/log/")
    assert response.status_code == 403
    assert "The audit log is for administrators only." in text(response)
    client.force_login(member)
    assert client.get("/moderation/log/").status_code == 403


def test_filters(client, question, other_member):
    admin, moderator = make_admin(), make_moderator()
    Hide(actor=moderator, post=question, reason="hidden for a rude remark").execute()
    Reshow(actor=moderator, post=question).execute()
    Suspend(actor=admin, member=other_member, reason="suspended for harassment", days=1).execute()
    client.force_login(admin)

    def rows(query: str) -> int:
        response = client.get("/moderation/log/" + query)
        assert response.status_code == 200
        return response.context["page"].paginator.count

    assert rows("") == 3
    assert rows("?action=hide") == 1
    assert rows(f"?actor={moderator.username.upper()}") == 2
    assert rows(f"?target={other_member.username}") == 1
    assert rows(f"?target=%23{question.pk}") == 2
    today = timezone.localdate()
    assert rows(f"?since={today}&until={today}") == 3
    assert rows(f"?until={today - timedelta(days=1)}") == 0
    bad = client.get("/moderation/log/?since=not-a-date")
    assert bad.status_code == 400
    assert 'value="not-a-date"' in text(bad)
    page = text(client.get("/moderation/log/?action=suspend"))
    assert "suspended for harassment" in page
    assert "hidden for a rude remark" not in page


def test_pagination_keeps_filters_and_queries_stay_constant(client):
    admin = make_admin()
    client.force_login(admin)
    moderator = make_moderator()

    def add(n: int) -> None:
        for _ in range(n):
            question = make_question()
            LockComments(actor=moderator, post=question, reason="calm down").execute()

    add(2)
    client.get("/moderation/log/")  # warm the cached settings and header counts
    few = count_queries(client, "/moderation/log/?action=lock-comments")
    add(60)
    many = count_queries(client, "/moderation/log/?action=lock-comments")
    assert many == few
    page = text(client.get("/moderation/log/?action=lock-comments"))
    assert "Page 1 of 2" in page
    assert (
        'href="?action=lock-comments&amp;page=2"'
        in client.get("/moderation/log/?action=lock-comments").content.decode()
    )
    assert AuditEntry.objects.count() == 62
