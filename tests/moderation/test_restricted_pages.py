"""A silenced member is told why, and until when, wherever they try to write."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.core.errors import PermissionDenied
from mindwell.qa.services import post_edit
from tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


def silenced_member():
    return make_user(silenced_until=timezone.now() + timedelta(days=2))


def test_the_question_page_says_why_a_silenced_member_cannot_answer(client):
    member = silenced_member()
    question = make_question()
    client.force_login(member)
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Your account is silenced until" in html
    assert "to answer this question" not in html


def test_a_silenced_member_cannot_edit_their_own_post_and_is_told_why(client):
    member = make_user()
    question = make_question(member)
    member.silenced_until = timezone.now() + timedelta(hours=3)
    member.save()
    with pytest.raises(PermissionDenied, match="silenced until"):
        post_edit(post=question, editor=member, body="A changed body for this question.")
    client.force_login(member)
    response = client.post(
        f"/posts/{question.pk}/edit/",
        {
            "title": question.title,
            "body": "My changed words stay here.",
            "category": question.category_id,
        },
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "silenced until" in html and "My changed words stay here." in html


def test_the_footer_links_to_crisis_lines_and_members_reach_their_safety_settings(client):
    html = client.get("/").content.decode()
    assert 'href="/safety/resources/"' in html
    client.force_login(make_user())
    assert 'href="/accounts/safety/"' in client.get("/").content.decode()
