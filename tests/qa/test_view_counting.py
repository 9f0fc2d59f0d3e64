"""Question views are counted in the cache and written in batches: no database write per
page view, no count for crawlers, the author or the same visitor again soon."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from mindwell.qa.models import Post
from mindwell.qa.services.views_counter import (
    GEN_KEY,
    LAST_FLUSH_KEY,
    LOCK_KEY,
    Visitor,
    flush_view_counts,
    is_bot,
    pending_views,
    view_record,
)
from tests.factories import make_question

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def visitor(n: int = 1, *, user_id: int | None = None, agent: str = BROWSER) -> Visitor:
    return Visitor(user_id=user_id, ip=f"198.51.100.{n}", user_agent=agent)


def stored(question: Post) -> int:
    return Post.objects.values_list("view_count", flat=True).get(pk=question.pk)


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "   ",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/126.0 Safari/537.36",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    ],
)
def test_crawlers_and_scripts_are_not_counted(agent):
    question = make_question()
    assert is_bot(agent)
    assert not view_record(question=question, visitor=visitor(agent=agent))
    assert pending_views() == {}


def test_browsers_are_counted():
    for agent in (
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    ):
        assert not is_bot(agent)


def test_the_author_is_not_counted(member):
    question = make_question(author=member)
    assert not view_record(question=question, visitor=visitor(user_id=member.pk))
    # Asked without an account: the address it was sent from stands for the author.
    asked = make_question()
    Post.objects.filter(pk=asked.pk).update(author=None, author_ip="198.51.100.7")
    asked.refresh_from_db()
    assert not view_record(question=asked, visitor=visitor(7))  # the address it came from
    assert view_record(question=asked, visitor=visitor(8))
    assert pending_views() == {asked.pk: 1}


def test_one_count_per_visitor_per_question_in_half_an_hour(member):
    question, other = make_question(), make_question()
    assert view_record(question=question, visitor=visitor(1))
    assert not view_record(question=question, visitor=visitor(1))
    assert view_record(question=other, visitor=visitor(1))
    assert view_record(question=question, visitor=visitor(2))
    # The same address with another browser is another person (a shared connection).
    assert view_record(question=question, visitor=visitor(1, agent=BROWSER + " Edg/126"))
    assert view_record(question=question, visitor=visitor(1, user_id=member.pk))
    assert not view_record(question=question, visitor=visitor(9, user_id=member.pk))
    assert pending_views() == {question.pk: 4, other.pk: 1}
    # Nothing that could identify a visitor is kept in the keys.
    assert "198.51.100" not in repr(sorted(getattr(cache, "_cache", {}).keys()))


def test_views_reach_the_database_only_when_flushed():
    question, other = make_question(), make_question()
    for n in range(3):
        view_record(question=question, visitor=visitor(n))
    view_record(question=other, visitor=visitor(1))
    assert stored(question) == 0
    result = flush_view_counts()
    assert result is not None and (result.questions, result.views) == (2, 4)
    assert (stored(question), stored(other)) == (3, 1)
    assert pending_views() == {}
    assert flush_view_counts() == (type(result)(questions=0, views=0))
    view_record(question=question, visitor=visitor(50))
    assert flush_view_counts() == type(result)(questions=1, views=1)
    assert stored(question) == 4
    assert Post.objects.get(pk=question.pk).hot_score > Post.objects.get(pk=other.pk).hot_score


def test_a_view_landing_in_a_closed_batch_is_written_next_time():
    question = make_question()
    view_record(question=question, visitor=visitor(1))
    closed = cache.get(GEN_KEY)
    flush_view_counts()
    # A writer that read the batch number just before the flush moved it on, then counted.
    cache.incr(f"views:{closed}:q:{question.pk}")
    flush_view_counts()
    assert stored(question) == 2
    flush_view_counts()
    assert stored(question) == 2  # and only once


def test_only_one_flush_runs_at_a_time():
    question = make_question()
    view_record(question=question, visitor=visitor(1))
    cache.add(LOCK_KEY, 1)
    assert flush_view_counts() is None
    assert stored(question) == 0
    cache.delete(LOCK_KEY)
    assert flush_view_counts() is not None and stored(question) == 1


def test_the_question_page_counts_without_writing(client, member):
    question = make_question(author=member)
    client.get(question.get_absolute_url())  # warm up: session, caches, the flush clock
    with CaptureQueriesContext(connection) as queries:
        response = Client(HTTP_USER_AGENT=BROWSER).get(question.get_absolute_url())
    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert pending_views() == {question.pk: 1}
    author = Client(HTTP_USER_AGENT=BROWSER)
    author.force_login(member)
    author.get(question.get_absolute_url())
    Client(HTTP_USER_AGENT="Googlebot/2.1").get(question.get_absolute_url())
    assert pending_views() == {question.pk: 1}


@override_settings(MINDWELL_VIEW_FLUSH_SECONDS=60)
def test_pages_flush_every_interval_after_the_response():
    question = make_question()
    browser = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.1")
    browser.get(question.get_absolute_url())  # starts the clock, no flush yet
    assert stored(question) == 0 and pending_views() == {question.pk: 1}
    cache.set(LAST_FLUSH_KEY, time.time() - 61)
    Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.2").get(question.get_absolute_url())
    assert stored(question) == 2  # written when the response was closed
    assert pending_views() == {}
    Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.3").get(question.get_absolute_url())
    assert stored(question) == 2  # not again within the interval


@override_settings(MINDWELL_VIEW_FLUSH_SECONDS=0)
def test_automatic_flushing_can_be_turned_off():
    question = make_question()
    cache.set(LAST_FLUSH_KEY, time.time() - 10_000)
    Client(HTTP_USER_AGENT=BROWSER).get(question.get_absolute_url())
    assert stored(question) == 0 and pending_views() == {question.pk: 1}


def test_flush_command(capsys):
    question = make_question()
    view_record(question=question, visitor=visitor(1))
    view_record(question=question, visitor=visitor(2))
    call_command("flush_view_counts", "--dry-run")
    assert "2 views of 1 questions are buffered." in capsys.readouterr().out
    assert stored(question) == 0
    call_command("flush_view_counts")
    assert "Wrote 2 views of 1 questions." in capsys.readouterr().out
    assert stored(question) == 2


def _redis_url() -> str | None:
    import os

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.3).ping()
    except Exception:  # noqa: BLE001 - any failure means there is no Redis to test with
        return None
    return url


def test_the_buffer_works_on_redis_too():
    url = _redis_url()
    if url is None:
        pytest.skip("no Redis server reachable")
    prefix = f"mindwell-test-views-{time.time_ns()}"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=caches):
        try:
            question = make_question()
            for n in range(3):
                assert view_record(question=question, visitor=visitor(n))
            assert not view_record(question=question, visitor=visitor(0))
            assert pending_views() == {question.pk: 3}
            assert flush_view_counts() is not None
            assert stored(question) == 3 and pending_views() == {}
        finally:
            import redis

            server = redis.Redis.from_url(url)
            for key in server.scan_iter(match=f"{prefix}:*"):  # this test's keys only
                server.delete(key)
