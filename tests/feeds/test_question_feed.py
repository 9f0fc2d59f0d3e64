import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.qa.models import PostStatus
from mindwell.qa.services.common import Poster
from mindwell.qa.services.publication import post_set_status
from tests.factories import make_answer, make_comment
from tests.feeds.feed_helpers import FORMATS, fetch, guids, short_url

ANON_EMAIL = "kind.helper@private.test"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_question_feed_lists_answers_newest_first(client, question, member, fmt):
    first = make_answer(question, body="Morning light and a short walk help me a lot.")
    second = make_answer(question, author=member, body="Writing the worries down works for me.")
    make_comment(question, body="Same here, every single day.")
    parsed, _ = fetch(client, f"/questions/{question.pk}/feed.{fmt}")
    assert guids(parsed) == [
        f"{short_url(question)}#{second.anchor}",
        f"{short_url(question)}#{first.anchor}",
    ]
    entry = parsed.entries[0]
    assert entry.link == f"http://testserver{question.get_absolute_url()}#{second.anchor}"
    assert entry.author == member.username
    assert "Writing the worries down" in entry.summary
    assert question.title in parsed.feed.title


@pytest.mark.django_db
def test_question_feed_hides_unpublished_answers_and_keeps_visitors_private(client, question):
    shown = make_answer(
        question, poster=Poster(name="Kind Helper", email=ANON_EMAIL, notify=True, ip="10.2.3.4")
    )
    hidden = make_answer(question, body="This answer was hidden by a moderator.")
    post_set_status(post=hidden, status=PostStatus.HIDDEN)
    for fmt in FORMATS:
        parsed, raw = fetch(client, f"/questions/{question.pk}/feed.{fmt}")
        assert guids(parsed) == [f"{short_url(question)}#{shown.anchor}"]
        assert parsed.entries[0].author == "Kind Helper"
        text = raw.decode()
        assert ANON_EMAIL not in text and "10.2.3.4" not in text
        assert "hidden by a moderator" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("status", [PostStatus.QUEUED, PostStatus.HIDDEN, PostStatus.DELETED])
def test_an_unpublished_question_has_no_feed(client, question, status):
    make_answer(question)
    post_set_status(post=question, status=status)
    assert client.get(f"/questions/{question.pk}/feed.rss").status_code == 404
    assert client.get(f"/questions/{question.pk}/feed.atom").status_code == 404


@pytest.mark.django_db
def test_answers_are_not_questions(client, question):
    answer = make_answer(question)
    assert client.get(f"/questions/{answer.pk}/feed.rss").status_code == 404


@pytest.mark.django_db
def test_question_feed_queries_do_not_grow_with_answers(client, question):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/questions/{question.pk}/feed.rss").status_code == 200
        return len(captured)

    make_answer(question)
    few = count()
    for _ in range(5):
        make_answer(question)
    assert count() == few
