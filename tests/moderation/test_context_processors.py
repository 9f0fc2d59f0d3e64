"""The header's moderation and safety links, and the cached counts behind them."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from mindwell.moderation.context_processors import moderation_counts
from mindwell.moderation.services.flags import flag_create
from mindwell.qa.models import PostStatus
from mindwell.qa.services.publication import post_set_status
from mindwell.reputation import policy
from mindwell.safety.services import case_raise
from tests.factories import make_answer, make_user
from tests.moderation.moderation_helpers import make_moderator, text

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_nothing_and_no_query_for_members(member, django_assert_num_queries):
    policy.snapshot()  # the permission rules, loaded once for every page (then cached)
    with django_assert_num_queries(0):
        assert moderation_counts(request_for(member)) == {}


def test_counts_queued_and_flagged_posts_and_caches_them(question, django_assert_num_queries):
    answer = make_answer(question)
    post_set_status(post=answer, status=PostStatus.QUEUED)
    flag_create(user=make_user(), post=question, reason="spam")
    moderator = make_moderator()
    assert moderation_counts(request_for(moderator))["moderation_count"] == 2
    with django_assert_num_queries(0):
        assert moderation_counts(request_for(moderator))["moderation_count"] == 2


def test_a_new_flag_refreshes_the_cached_count(question, django_capture_on_commit_callbacks):
    moderator = make_moderator()
    assert moderation_counts(request_for(moderator))["moderation_count"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        flag_create(user=make_user(), post=question, reason="spam")
    assert moderation_counts(request_for(moderator))["moderation_count"] == 1


def test_header_links_to_the_safety_queue_with_counts(client, question):
    case_raise(
        post=question,
        level="crisis",
        source="flag",
        reasons=[{"rule": "flag", "phrase": "x", "level": "crisis"}],
    )
    client.force_login(make_moderator())
    page = text(client.get("/"))
    assert (
        '<a href="/safety/queue/">Safety (1<span class="visually-hidden"> new</span>, 1 crisis)</a>'
        in page
    )


def test_no_safety_count_when_nothing_is_new(client):
    client.force_login(make_moderator())
    page = text(client.get("/"))
    assert '<a href="/safety/queue/">Safety</a>' in page
    assert '<a href="/moderation/queue/">Moderation</a>' in page
