import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.qa.models import PostStatus
from mindwell.qa.services.publication import post_set_status
from mindwell.votes.services import vote_cast
from tests.factories import category, make_question
from tests.feeds.feed_helpers import FORMATS, fetch, guids, short_url


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_category_feed_holds_the_category_and_its_subcategories(client, fmt):
    top = make_question(
        title="Does anxiety ever fully go away?", category_id=category("anxiety").pk
    )
    sub = make_question(
        title="My first panic attack scared me badly", category_id=category("panic-attacks").pk
    )
    make_question(title="How do I find a good counsellor?", category_id=category("psychology").pk)
    parsed, _ = fetch(client, f"/categories/anxiety/feed.{fmt}")
    assert guids(parsed) == [short_url(sub), short_url(top)]
    assert "in Anxiety" in parsed.feed.title
    assert parsed.feed.link == "http://testserver/categories/anxiety/"


@pytest.mark.django_db
def test_category_and_tag_feeds_take_a_sort(client, other_member):
    older = make_question(title="An older question about our sleep", tags="sleep")
    newer = make_question(title="A newer question about our sleep", tags="sleep")
    vote_cast(user=other_member, post=older, value=1)
    for base in ("/categories/psychology/feed", "/tags/sleep/feed"):
        recent, _ = fetch(client, f"{base}.rss")
        assert guids(recent) == [short_url(newer), short_url(older)]
        voted, _ = fetch(client, f"{base}.atom?sort=votes")
        assert guids(voted) == [short_url(older), short_url(newer)]
        assert voted.feed.title.startswith("Most voted questions")
        assert voted.feed.link.endswith("?sort=votes")


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_tag_feed_lists_only_that_tag(client, fmt):
    tagged = make_question(title="Breathing exercises before bed help?", tags="breathing sleep")
    make_question(title="Talking to my manager about stress", tags="work")
    parsed, _ = fetch(client, f"/tags/Breathing/feed.{fmt}")
    assert guids(parsed) == [short_url(tagged)]
    assert parsed.feed.title.startswith("Recent questions tagged breathing")


@pytest.mark.django_db
def test_taxonomy_feeds_hide_unpublished_questions(client, question):
    post_set_status(post=question, status=PostStatus.HIDDEN)
    for url in ("/categories/psychology/feed.rss", "/tags/anxiety/feed.atom"):
        parsed, raw = fetch(client, url)
        assert parsed.entries == []
        assert question.title.encode() not in raw


@pytest.mark.django_db
def test_unknown_category_or_tag_has_no_feed(client):
    assert client.get("/categories/no-such-place/feed.rss").status_code == 404
    assert client.get("/tags/no-such-tag/feed.atom").status_code == 404


@pytest.mark.django_db
def test_taxonomy_feed_queries_do_not_grow_with_items(client):
    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    make_question()
    urls = ("/categories/psychology/feed.rss", "/tags/anxiety/feed.atom")
    few = [count(url) for url in urls]
    for _ in range(5):
        make_question()
    assert [count(url) for url in urls] == few
