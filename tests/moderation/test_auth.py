"""Suspended and blocked members cannot log in and are logged out; silenced members can
read but not write."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.moderation.actions import Block, Lift, Silence, Suspend
from mindwell.moderation.models import Flag
from mindwell.qa.models import Post
from tests.accounts.auth_helpers import confirm, register
from tests.factories import PASSWORD, make_user
from tests.moderation.moderation_helpers import make_admin, text

pytestmark = pytest.mark.django_db


def login(client, user):
    return client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})


def test_suspended_member_cannot_log_in_and_is_told_why(client, other_member):
    Suspend(actor=make_admin(), member=other_member, reason="abuse", days=3).execute()
    response = login(client, other_member)
    assert response.status_code == 200
    page = text(response)
    assert "This account is suspended until" in page
    assert "so it cannot log in until then" in page
    assert "correct username and password" not in page
    assert "_auth_user_id" not in client.session
    assert client.login(username=other_member.username, password=PASSWORD) is False


def test_blocked_member_cannot_log_in(client, other_member):
    Block(actor=make_admin(), member=other_member, reason="threats").execute()
    page = text(login(client, other_member))
    assert "This account has been blocked, so it cannot log in." in page
    assert "_auth_user_id" not in client.session


def test_wrong_password_still_says_so(client, other_member):
    response = client.post(
        "/accounts/login/", {"login": other_member.username, "password": "wrong-one"}
    )
    assert "correct username and password" in text(response)


def test_lifted_member_can_log_in_again(client, other_member):
    admin = make_admin()
    Suspend(actor=admin, member=other_member, reason="abuse", days=1).execute()
    Lift(actor=admin, member=other_member).execute()
    assert login(client, other_member).status_code == 302
    assert client.session["_auth_user_id"] == str(other_member.pk)


def test_an_expired_suspension_no_longer_applies(client):
    member = make_user(suspended_until=timezone.now() - timedelta(minutes=1))
    assert login(client, member).status_code == 302


@pytest.mark.parametrize("action", ["suspend", "block"])
def test_open_session_ends_on_the_next_request(client, other_member, action):
    client.force_login(other_member)
    assert client.get("/").context["user"] == other_member
    admin = make_admin()
    if action == "suspend":
        Suspend(actor=admin, member=other_member, reason="abuse", days=1).execute()
    else:
        Block(actor=admin, member=other_member, reason="abuse").execute()
    response = client.get("/")
    assert not response.context["user"].is_authenticated
    assert "You have been logged out." in text(response)
    assert "_auth_user_id" not in client.session


def test_registration_sessions_are_ended_too(client, db):
    # Confirming the address after registering logs the newcomer in (through allauth); the
    # middleware ends that session too.
    register(client, "newcomer")
    confirm(client, mail.outbox[0])
    newcomer = User.objects.get(username="newcomer")
    assert client.get("/").context["user"] == newcomer
    Suspend(actor=make_admin(), member=newcomer, reason="abuse", days=1).execute()
    assert not client.get("/").context["user"].is_authenticated


def test_silenced_member_reads_but_cannot_post_vote_or_flag(client, question, other_member):
    Silence(actor=make_admin(), member=other_member, reason="heated", days=1).execute()
    client.force_login(other_member)
    page = client.get(question.get_absolute_url())
    assert page.status_code == 200
    assert question.title in text(page)
    assert page.context["user"] == other_member  # still logged in

    answer = client.post(
        f"/questions/{question.pk}/answer/", {"body": "Here is what helped me a lot."}
    )
    assert answer.status_code in (400, 403)
    assert "Here is what helped me a lot." in text(answer)  # the text is kept
    assert not Post.objects.answers().exists()

    vote = client.post(
        f"/posts/{question.pk}/vote/", {"value": "up"}, headers={"X-Requested-With": "fetch"}
    )
    assert vote.status_code == 403
    assert Post.objects.get(pk=question.pk).score == 0

    flag = client.post(
        f"/moderation/flag/{question.pk}/", {"reason": "other", "note": "my note stays"}
    )
    assert flag.status_code == 403
    assert "restricted" in text(flag)
    assert not Flag.objects.exists()
    assert "Flag</a>" not in text(page)  # no flag link for them
