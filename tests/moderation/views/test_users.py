"""The member moderation page: moderators read it, administrators act on it."""

from __future__ import annotations

import pytest

from mindwell.moderation.models import AuditEntry
from tests.factories import make_answer
from tests.moderation.moderation_helpers import count_queries, make_admin, make_moderator, text

pytestmark = pytest.mark.django_db


def test_members_are_refused(client, member, other_member):
    client.force_login(member)
    response = client.get(f"/moderation/user/{other_member.username}/")
    assert response.status_code == 403


def test_moderators_read_but_cannot_act(client, other_member):
    client.force_login(make_moderator())
    page = text(client.get(f"/moderation/user/{other_member.username}/"))
    assert "No restrictions." in page
    assert "Only administrators can restrict members." in page
    assert "/suspend/" not in page
    response = client.post(
        f"/moderation/user/{other_member.username}/suspend/", {"days": "1", "reason": "x"}
    )
    assert response.status_code == 403
    assert "Only administrators can restrict members." in text(response)
    assert not AuditEntry.objects.exists()


def test_administrator_suspends_with_a_duration(client, other_member):
    client.force_login(make_admin())
    url = f"/moderation/user/{other_member.username}/"
    page = text(client.get(url))
    assert '<label for="id_suspend_days">For how long:</label>' in page
    assert '<option value="7">1 week</option>' in page
    assert '<label for="id_suspend_reason">Reason (required):</label>' in page
    response = client.post(url + "suspend/", {"days": "7", "reason": "harassment"})
    assert response.status_code == 302 and response["Location"] == url
    page = text(client.get(url))
    assert "The member is suspended." in page
    assert "Suspended until" in page
    assert "harassment" in page  # the history


def test_missing_reason_keeps_the_choice(client, other_member):
    client.force_login(make_admin())
    response = client.post(f"/moderation/user/{other_member.username}/block/", {"reason": ""})
    assert response.status_code == 400
    assert "Please give a reason" in text(response)
    assert not AuditEntry.objects.exists()


def test_unknown_member_is_404(client):
    client.force_login(make_admin())
    assert client.get("/moderation/user/nobody-here/").status_code == 404


def test_user_page_query_count_is_constant(client, question, other_member):
    client.force_login(make_admin())
    url = f"/moderation/user/{other_member.username}/"
    client.get(url)
    few = count_queries(client, url)
    for _ in range(3):
        make_answer(question, author=other_member)
    client.post(url + "silence/", {"days": "1", "reason": "heated"})
    client.post(url + "lift/", {})
    client.post(url + "hide-all/", {"reason": "spam"})
    client.get(url)
    assert count_queries(client, url) == few
