"""Keyset pagination: cursors carry on exactly where the last page ended, whatever is added
meanwhile, and nothing a visitor sends can break a list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from mindwell.qa.models import Post
from mindwell.qa.pagination import (
    BAD_CURSOR,
    BAD_PAGE,
    MAX_NUMBERED_PAGE,
    SALT,
    InvalidCursor,
    PageRequest,
    decode_cursor,
    encode_cursor,
)
from mindwell.qa.selectors import SORTS, question_list, question_page
from tests.factories import make_question
from tests.qa.lists_helpers import flat, ids, update, walk

pytestmark = pytest.mark.django_db


def test_every_sort_pages_through_everything_once_in_order():
    questions = [make_question() for _ in range(7)]
    # Ties on every sort key, so the id tiebreaker has to do its work.
    for n, question in enumerate(questions):
        update(question, score=n % 2, answer_count=n % 3, view_count=n % 2, hours_ago=n // 2)
    for sort in SORTS:
        if sort == "unanswered":
            continue
        expected = [q.pk for q in question_list(viewer=None, sort=sort)]
        pages = walk(per_page=2, sort=sort)
        assert flat(pages) == expected, sort
        assert sorted(expected) == sorted(q.pk for q in questions), sort
        assert [len(page) for page in pages] == [2, 2, 2, 1], sort


def test_equal_timestamps_are_split_by_id():
    moment = timezone.now() - timedelta(hours=3)
    questions = [make_question() for _ in range(5)]
    Post.objects.filter(pk__in=[q.pk for q in questions]).update(created_at=moment)
    assert flat(walk(per_page=2)) == sorted((q.pk for q in questions), reverse=True)


def test_next_pages_do_not_shift_when_questions_arrive():
    older = [make_question() for _ in range(6)]
    first = question_page(viewer=None, page=PageRequest(), per_page=3)
    assert ids(first) == [q.pk for q in reversed(older)][:3]
    newer = [make_question() for _ in range(4)]
    second = question_page(viewer=None, page=PageRequest(after=first.next_cursor), per_page=3)
    assert ids(second) == [q.pk for q in reversed(older)][3:]
    assert not set(ids(second)) & {q.pk for q in newer}
    assert second.number == 2


def test_previous_goes_back_to_the_same_rows():
    questions = [make_question() for _ in range(7)]
    newest_first = [q.pk for q in reversed(questions)]
    one = question_page(viewer=None, page=PageRequest(), per_page=3)
    two = question_page(viewer=None, page=PageRequest(after=one.next_cursor), per_page=3)
    three = question_page(viewer=None, page=PageRequest(after=two.next_cursor), per_page=3)
    assert ids(three) == newest_first[6:] and three.number == 3 and not three.has_next
    back = question_page(viewer=None, page=PageRequest(before=three.previous_cursor), per_page=3)
    assert ids(back) == ids(two) and back.number == 2
    assert back.has_next and back.has_previous
    first = question_page(viewer=None, page=PageRequest(before=back.previous_cursor), per_page=3)
    assert ids(first) == newest_first[:3]
    assert first.number == 1 and not first.has_previous


def test_going_back_counts_questions_that_arrived_at_the_top():
    [make_question() for _ in range(4)]
    one = question_page(viewer=None, page=PageRequest(), per_page=2)
    two = question_page(viewer=None, page=PageRequest(after=one.next_cursor), per_page=2)
    make_question()  # arrives while page two is open
    back = question_page(viewer=None, page=PageRequest(before=two.previous_cursor), per_page=2)
    assert ids(back) == ids(one)
    assert back.has_previous and back.number == 2  # never "page 1" with more above it


def test_numbered_pages_for_the_first_pages():
    questions = [make_question() for _ in range(5)]
    newest_first = [q.pk for q in reversed(questions)]
    page = question_page(viewer=None, page=PageRequest(page="2"), per_page=2)
    assert ids(page) == newest_first[2:4] and page.number == 2 and not page.notice
    after = question_page(viewer=None, page=PageRequest(after=page.next_cursor), per_page=2)
    assert ids(after) == newest_first[4:] and after.number == 3


@pytest.mark.parametrize(
    ("raw", "notice"),
    [
        ("0", BAD_PAGE),
        ("-1", BAD_PAGE),
        ("abc", BAD_PAGE),
        ("²", BAD_PAGE),
        (str(MAX_NUMBERED_PAGE + 1), BAD_PAGE),
        ("9" * 30, BAD_PAGE),
        ("40", "There is nothing that far on; here is the first page."),
    ],
)
def test_bad_page_numbers_give_the_first_page_with_a_message(raw, notice):
    questions = [make_question() for _ in range(3)]
    page = question_page(viewer=None, page=PageRequest(page=raw), per_page=2)
    assert page.number == 1
    assert ids(page) == [q.pk for q in reversed(questions)][:2]
    assert page.notice == notice


def _forged(payload: object) -> str:
    return signing.dumps(payload, salt=SALT, compress=True)


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "",
        "a" * 1999,
        "eyJvIjoicmVjZW50In0:1abcde:invalidsignature",
        _forged({"o": "votes", "v": [1, 2, 3], "n": 2}),  # another sort's cursor
        _forged({"o": "recent", "v": [1], "n": 2}),  # too few values
        _forged({"o": "recent", "v": ["2024-01-01", 5], "n": 2}),  # a date as text
        _forged({"o": "recent", "v": [1.5, 5], "n": 2}),
        _forged({"o": "recent", "v": [10**30, 5], "n": 2}),  # beyond any date
        _forged({"o": "recent", "v": [0, True], "n": 2}),
        _forged({"o": "recent", "v": [0, 5], "n": 0}),
        _forged({"o": "recent", "v": [0, 5], "n": "2"}),
        _forged(["recent", 0, 5]),
        _forged({"o": "hot", "v": [float("nan"), 5], "n": 2}),
    ],
)
def test_bad_cursors_give_the_first_page_with_a_message(cursor):
    questions = [make_question() for _ in range(3)]
    for key in ("after", "before"):
        page = question_page(viewer=None, page=PageRequest(**{key: cursor}), per_page=2)
        assert ids(page) == [q.pk for q in reversed(questions)][:2]
        assert page.number == 1
        if cursor:
            assert page.notice == BAD_CURSOR, cursor


def test_a_cursor_cannot_be_edited_without_breaking_its_signature():
    [make_question() for _ in range(3)]
    page = question_page(viewer=None, page=PageRequest(), per_page=1)
    value, signature = page.next_cursor.rsplit(":", 1)
    tampered = f"{value[:-1]}{'A' if value[-1] != 'A' else 'B'}:{signature}"
    with pytest.raises(InvalidCursor):
        decode_cursor(tampered, SORTS["recent"], Post)


def test_cursors_round_trip_every_kind_of_value():
    moment = timezone.now()
    order = SORTS["votes"]
    cursor = encode_cursor(order, [-3, moment, 42], 7)
    assert decode_cursor(cursor, order, Post) == ([-3, moment, 42], 7)
    hot = SORTS["hot"]
    assert decode_cursor(encode_cursor(hot, [1234.000000001, 9], 2), hot, Post) == (
        [1234.000000001, 9],
        2,
    )
    assert len(cursor) < 120  # short enough for a link


def test_the_activity_stream_pages_both_ways_with_edits_as_their_own_events():
    from mindwell.qa.selectors import activity_page
    from mindwell.qa.services import post_edit
    from tests.factories import make_answer

    question = make_question()
    answer = make_answer(question)
    later = make_question()
    post_edit(post=question, editor=question.author, body="Something changed since then.")

    def events(page):  # type: ignore[no-untyped-def]
        return [(event.post.pk, event.event) for event in page.items]

    one = activity_page(viewer=None, page=PageRequest(), per_page=2)
    two = activity_page(viewer=None, page=PageRequest(after=one.next_cursor), per_page=2)
    assert events(one) + events(two) == [
        (question.pk, "edited"),
        (later.pk, "posted"),
        (answer.pk, "posted"),
        (question.pk, "posted"),
    ]
    assert not two.has_next and two.number == 2
    back = activity_page(viewer=None, page=PageRequest(before=two.previous_cursor), per_page=2)
    assert events(back) == events(one) and back.number == 1
