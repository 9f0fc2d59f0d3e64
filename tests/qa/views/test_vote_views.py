"""Voting through the form and the JSON path, and the votes that are refused."""

from __future__ import annotations

import json

import pytest

from mindwell.qa.models import Post
from mindwell.votes.models import Vote
from tests.factories import make_answer
from tests.qa.views.posting_helpers import (
    text,
)

pytestmark = pytest.mark.django_db


def test_member_votes_up_through_the_form(client, question, other_member):
    client.force_login(other_member)
    response = client.post(f"/posts/{question.pk}/vote/", {"value": "up"})
    assert response.status_code == 302
    assert Post.objects.get(pk=question.pk).score == 1
    page = text(client.get(response["Location"]))
    assert '<span class="netvote" aria-live="polite">1 vote</span>' in page
    assert 'value="retract"' in page


def test_json_vote(client, question, other_member):
    client.force_login(other_member)
    url = f"/posts/{question.pk}/vote/"
    response = client.post(url, {"value": "up"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    assert json.loads(response.content) == {"score": 1, "label": "1 vote", "vote": 1}
    response = client.post(url, {"value": "down"}, headers={"X-Requested-With": "fetch"})
    assert json.loads(response.content) == {"score": -1, "label": "-1 vote", "vote": -1}
    response = client.post(url, {"value": "retract"}, headers={"X-Requested-With": "fetch"})
    assert json.loads(response.content) == {"score": 0, "label": "0 votes", "vote": 0}
    response = client.post(url, {"value": "sideways"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 400
    assert "up, down or withdrawn" in json.loads(response.content)["error"]


def test_anonymous_vote_is_refused(client, question):
    response = client.post(f"/posts/{question.pk}/vote/", {"value": "up"}, follow=True)
    assert "Please log in or register to vote." in text(response)
    response = client.post(
        f"/posts/{question.pk}/vote/", {"value": "up"}, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 403
    assert "log in" in json.loads(response.content)["error"]
    assert Post.objects.get(pk=question.pk).score == 0
    assert not Vote.objects.exists()


def test_vote_on_own_post_is_refused(client, question, member):
    client.force_login(member)
    response = client.post(f"/posts/{question.pk}/vote/", {"value": "up"}, follow=True)
    assert "You cannot vote on your own post." in text(response)
    response = client.post(
        f"/posts/{question.pk}/vote/", {"value": "up"}, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 403
    assert "own post" in json.loads(response.content)["error"]
    assert Post.objects.get(pk=question.pk).score == 0


def test_vote_on_a_deleted_post_is_refused(client, question, other_member):
    answer = make_answer(question)
    Post.objects.filter(pk=answer.pk).update(status="deleted", score=3)
    client.force_login(other_member)
    response = client.post(f"/posts/{answer.pk}/vote/", {"value": "up"}, follow=True)
    assert response.status_code == 200
    assert "This post has been deleted, so it can no longer be voted on." in text(response)
    response = client.post(
        f"/posts/{answer.pk}/vote/", {"value": "down"}, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 400
    assert "deleted" in json.loads(response.content)["error"]
    assert Post.objects.get(pk=answer.pk).score == 3
    assert not Vote.objects.exists()


def test_vote_needs_post(client, question, other_member):
    client.force_login(other_member)
    assert client.get(f"/posts/{question.pk}/vote/").status_code == 405
