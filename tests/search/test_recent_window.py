"""Bounded work on a large site: a query whose words are common is ranked among the newest
posts only; a rarer one over the whole index. Shrunk here to a few posts so it can be seen."""

from __future__ import annotations

import pytest

from mindwell.qa.models import Post
from mindwell.search.backends import base
from mindwell.search.indexing import search_index_rebuild
from tests.search.helpers import bulk_questions, found

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_window(monkeypatch):
    monkeypatch.setattr(base, "RECENT_WINDOWS", (5,))
    monkeypatch.setattr(base, "MAX_RESULTS", 3)


@pytest.fixture
def posts(db):
    # Oldest first, so ids grow with age as they do on a site. The oldest has the best
    # match for both words: the word in its title.
    rows = [{"id": 0, "title": "Breathing and journaling every evening", "body": "Calm."}]
    rows += [
        {"id": n, "title": f"Question number {n}", "body": "Slow breathing helps a little."}
        for n in range(1, 10)
    ]
    rows[8]["body"] += " Journaling too."
    created = bulk_questions(rows)
    search_index_rebuild()
    return created


def test_a_common_query_ranks_the_newest_posts_only(small_window, posts):
    newest = sorted(Post.objects.values_list("pk", flat=True))[-5:]
    result = found("breathing")
    assert posts[0].pk not in result  # the best match, but old
    assert set(result) == set(newest)


def test_a_rare_query_is_ranked_over_the_whole_index(small_window, posts):
    # Two matches, one of them among the newest five: fewer than the pages can show.
    assert found("journaling") == [posts[0].pk, posts[8].pk]


def test_without_the_window_the_best_match_comes_first(posts):
    assert found("breathing")[0] == posts[0].pk


def test_operators_narrow_what_the_window_holds(small_window, posts):
    Post.objects.filter(pk__in=[posts[0].pk, posts[9].pk]).update(score=5)
    assert found("breathing score:>=5") == [posts[9].pk]


def test_a_wider_window_is_tried_before_the_whole_index(monkeypatch, posts):
    monkeypatch.setattr(base, "RECENT_WINDOWS", (2, 5))
    monkeypatch.setattr(base, "MAX_RESULTS", 3)
    newest = sorted(Post.objects.values_list("pk", flat=True))[-5:]
    # Two matches among the newest two posts (too few), five among the newest five.
    assert set(found("breathing")) == set(newest)
