import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.qa.models import PostStatus
from mindwell.qa.services.common import Poster
from mindwell.qa.services.publication import post_set_status
from tests.factories import make_answer, make_comment, make_question
from tests.feeds.feed_helpers import FORMATS, fetch, guids, short_url

ANON_EMAIL = "searching.visitor@private.test"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_search_feed_lists_what_the_search_finds(client, fmt):
    match = make_question(title="Insomnia keeps me awake before exams", body="Every night.")
    make_question(title="Arguing with my sister about money")
    answer = make_answer(
        make_question(title="Tired all day at work lately"),
        body="Insomnia treatment with a sleep diary helped me a lot.",
    )
    parsed, _ = fetch(client, f"/search/feed.{fmt}?q=insomnia")
    assert sorted(guids(parsed)) == sorted(
        [short_url(match), f"{short_url(answer.question)}#{answer.anchor}"]
    )
    assert "insomnia" in parsed.feed.title
    assert parsed.feed.link == "http://testserver/search/?q=insomnia"


@pytest.mark.django_db
def test_search_feed_shows_only_public_posts_and_no_private_details(client, question):
    visible = make_answer(
        question,
        poster=Poster(name="Night Owl", email=ANON_EMAIL, ip="10.5.5.5"),
        body="Chamomile tea before bed calms my mornings too.",
    )
    hidden = make_question(title="Chamomile and other teas for calm")
    post_set_status(post=hidden, status=PostStatus.HIDDEN)
    make_comment(visible, body="Chamomile works for me as well.")
    for fmt in FORMATS:
        parsed, raw = fetch(client, f"/search/feed.{fmt}?q=chamomile")
        ids = guids(parsed)
        assert f"{short_url(question)}#{visible.anchor}" in ids
        assert short_url(hidden) not in ids
        assert {entry.author for entry in parsed.entries} >= {"Night Owl"}
        text = raw.decode()
        assert ANON_EMAIL not in text and "10.5.5.5" not in text


@pytest.mark.django_db
def test_empty_or_malformed_queries_give_an_empty_feed_that_says_why(client, question):
    empty, _ = fetch(client, "/search/feed.rss")
    assert empty.entries == []
    assert empty.feed.title.startswith("Search")
    malformed, _ = fetch(client, "/search/feed.atom?q=[anxiety")
    assert malformed.entries == []
    assert malformed.feed.subtitle == "A tag needs its closing bracket, like [anxiety]."


@pytest.mark.django_db
def test_search_page_offers_its_feed(client, question):
    html = client.get("/search/?q=anxious").content.decode().split("</head>")[0]
    assert 'href="/search/feed.rss?q=anxious"' in html
    assert 'href="/search/feed.atom?q=anxious"' in html


@pytest.mark.django_db
def test_search_feed_queries_do_not_grow_with_results(client):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/feed.rss?q=panic").status_code == 200
        return len(captured)

    make_answer(make_question(title="Panic on the train every morning"), body="Panic passes.")
    count()  # the first request fills per-process caches (settings, rules)
    few = count()
    for n in range(5):
        make_answer(make_question(title=f"Panic at the shops, time {n}"), body="Panic eases.")
    assert count() == few
