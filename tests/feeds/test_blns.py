"""Every string of the Big List of Naughty Strings, as titles, bodies and visitors' names,
goes through every kind of feed in both formats and comes out as a feed that parses."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser

from mindwell.feeds.channels import FEED_SIZE
from mindwell.qa.models import Post
from mindwell.qa.selectors import SORTS, question_list
from mindwell.qa.services import answer_create, question_create
from mindwell.qa.services.common import Poster
from mindwell.search.selectors import PAGE_SIZE as SEARCH_PAGE_SIZE
from mindwell.siteconfig.models import SiteSettings
from mindwell.taxonomy.models import Category
from tests.feeds.feed_helpers import FORMATS, fetch, guids, short_url
from tests.shared import CORPORA

STRINGS = json.loads((CORPORA / "blns" / "blns.json").read_text(encoding="utf-8"))
CHUNK = 25
PRIVATE_DOMAIN = "@blns-private.test"


def _chunks() -> list[list[str]]:
    return [STRINGS[start : start + CHUNK] for start in range(0, len(STRINGS), CHUNK)]


def _poster(text: str, chunk: int, index: int) -> Poster:
    # A visitor's name holds at most 40 characters; the rest of the string is in the post.
    return Poster(
        name=" ".join(text.split())[:40],
        email=f"visitor{chunk}-{index}{PRIVATE_DOMAIN}",
        ip=f"10.77.{chunk}.{index + 1}",
    )


def _marker(chunk: int) -> str:
    return f"zqcorpus{chunk}"


def _create_chunk(chunk: int, strings: list[str]) -> tuple[Category, Post, list[Post]]:
    """One category and tag per chunk so their feeds show exactly this chunk's questions; the
    first question gets one answer per string."""
    category = Category.objects.create(name=f"Corpus {chunk}", slug=f"corpus-{chunk}")
    questions = [
        question_create(
            poster=_poster(text, chunk, index),
            title=f"{_marker(chunk)} {index}: {text}"[:150],
            body=text,
            category_id=category.pk,
            tags=f"blns{chunk}",
        )
        for index, text in enumerate(strings)
    ]
    for index, text in enumerate(strings):
        answer_create(
            poster=_poster(text, chunk, index),
            question=questions[0],
            body=f"Answer number {index}: {text}",
        )
    return category, questions[0], questions


def _assert_private(raw: bytes, chunk: int) -> None:
    text = raw.decode("utf-8")
    assert PRIVATE_DOMAIN not in text
    assert f"10.77.{chunk}." not in text


@pytest.mark.django_db
def test_every_naughty_string_makes_feeds_that_parse(client):
    assert len(STRINGS) > 500
    site = SiteSettings.current()
    site.anonymous_questions = True
    site.save()
    for chunk, strings in enumerate(_chunks()):
        category, answered, questions = _create_chunk(chunk, strings)
        expected = {short_url(question) for question in questions}
        for fmt in FORMATS:
            for url in (f"/categories/{category.slug}/feed.{fmt}", f"/tags/blns{chunk}/feed.{fmt}"):
                parsed, raw = fetch(client, url)
                assert set(guids(parsed)) == expected, url
                _assert_private(raw, chunk)
            # A search feed holds the search's first page.
            parsed, raw = fetch(client, f"/search/feed.{fmt}?q={_marker(chunk)}")
            assert len(parsed.entries) == min(len(strings), SEARCH_PAGE_SIZE)
            assert set(guids(parsed)) <= expected
            _assert_private(raw, chunk)
            parsed, raw = fetch(client, f"/questions/{answered.pk}/feed.{fmt}")
            assert len(parsed.entries) == len(strings)
            _assert_private(raw, chunk)
    # Every list, now that it holds every string.
    visitor = AnonymousUser()
    for sort in SORTS:
        expected_count = min(FEED_SIZE, question_list(viewer=visitor, sort=sort).count())
        for fmt in FORMATS:
            parsed, raw = fetch(client, f"/feeds/{sort}.{fmt}")
            assert len(parsed.entries) == expected_count, sort
            assert PRIVATE_DOMAIN not in raw.decode("utf-8")
