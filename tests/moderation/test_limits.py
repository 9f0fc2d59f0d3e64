"""Hourly write limits: per member and per address, 0 meaning no limit, moderators exempt,
admin changes taking effect at once; and the limits on votes and registration."""

from __future__ import annotations

import json

import pytest

from mindwell.accounts.models import User
from mindwell.core.errors import RateLimited
from mindwell.moderation.limits import check_write_limit, limit_message
from mindwell.moderation.models import WriteLimit
from mindwell.votes.services import vote_cast
from tests.factories import PASSWORD, make_answer, make_user
from tests.moderation.screening_helpers import text

pytestmark = pytest.mark.django_db


def set_limit(action: str, *, per_member: int, per_ip: int) -> None:
    limit = WriteLimit.objects.get(action=action)
    limit.per_member_per_hour, limit.per_ip_per_hour = per_member, per_ip
    limit.save()


def test_per_member_and_per_address_are_counted_separately(member, other_member):
    set_limit("flag", per_member=2, per_ip=3)
    check_write_limit(action="flag", user=member, ip="192.0.2.1")
    check_write_limit(action="flag", user=member, ip="192.0.2.1")
    with pytest.raises(RateLimited, match="You have flagged 2 posts in the last hour"):
        check_write_limit(action="flag", user=member, ip="192.0.2.1")
    # Another member on the same address uses up what is left of the address's limit.
    check_write_limit(action="flag", user=other_member, ip="192.0.2.1")
    with pytest.raises(RateLimited, match="3 flags have been raised from your network"):
        check_write_limit(action="flag", user=other_member, ip="192.0.2.1")


def test_zero_means_no_limit(member):
    set_limit("flag", per_member=0, per_ip=0)
    for _ in range(50):
        check_write_limit(action="flag", user=member, ip="192.0.2.1")


def test_moderators_are_not_limited():
    set_limit("edit", per_member=1, per_ip=1)
    moderator = make_user(is_staff=True)
    for _ in range(5):
        check_write_limit(action="edit", user=moderator, ip="192.0.2.1")


def test_a_changed_limit_applies_at_once(member):
    check_write_limit(action="feedback", user=member)  # the limits are now cached
    set_limit("feedback", per_member=1, per_ip=0)
    with pytest.raises(RateLimited):
        check_write_limit(action="feedback", user=member)


def test_messages_read_naturally():
    assert limit_message("answer", 30, by_address=False) == (
        "You have posted 30 answers in the last hour, the most allowed is 30. Please wait a "
        "while; your text is kept."
    )
    assert limit_message("ask", 1, by_address=False).startswith(
        "You have asked 1 question in the last hour, the most allowed is 1."
    )
    assert limit_message("vote", 200, by_address=True) == (
        "200 votes have been cast from your network in the last hour, the most allowed is "
        "200. Please wait a while, then try again."
    )


def test_votes_are_limited(question, other_member):
    set_limit("vote", per_member=2, per_ip=0)
    answer = make_answer(question)
    vote_cast(user=other_member, post=question, value=1)
    vote_cast(user=other_member, post=answer, value=1)
    with pytest.raises(RateLimited, match="You have voted 2 times in the last hour"):
        vote_cast(user=other_member, post=answer, value=0)
    answer.refresh_from_db()
    assert answer.score == 1


def test_a_limited_vote_through_the_page_says_why(client, question, other_member):
    set_limit("vote", per_member=1, per_ip=0)
    client.force_login(other_member)
    url = f"/posts/{question.pk}/vote/"
    assert client.post(url, {"value": "up"}).status_code == 302
    response = client.post(url, {"value": "down"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 429
    assert "You have voted 1 time in the last hour" in json.loads(response.content)["error"]


def test_registration_is_limited_per_address(client):
    set_limit("register", per_member=0, per_ip=1)

    def register(name: str, address: str):
        data = {
            "username": name,
            "email": f"{name}@example.test",
            "password1": PASSWORD,
            "password2": PASSWORD,
        }
        client.logout()
        return client.post("/accounts/register/", data, REMOTE_ADDR=address)

    assert register("first", "192.0.2.1").status_code == 302
    refused = register("second", "192.0.2.1")
    assert refused.status_code == 429
    page = text(refused)
    assert "1 account has been registered from your network in the last hour" in page
    assert 'value="second"' in page
    assert not User.objects.filter(username="second").exists()
    assert register("third", "192.0.2.2").status_code == 302
