"""update_rows: many rows' new values in one UPDATE joined to a temporary table."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import transaction

from mindwell.importers.q2a.setwise import update_rows
from mindwell.qa.models import Post
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def test_sets_each_rows_own_values_and_leaves_the_others() -> None:
    moderator = make_user("closer")
    first, second, untouched = make_question(), make_question(), make_question()
    answer = make_answer(first)
    second.close_reason = "kept"
    second.save()
    closed_at = datetime(2019, 5, 4, 3, 2, 1, tzinfo=UTC)
    rows = [
        Post(pk=first.pk, best_answer_id=answer.pk, closed_at=None, close_reason=""),
        Post(pk=second.pk, best_answer_id=None, closed_at=closed_at, close_reason="Off topic"),
    ]
    rows[1].closed_by_id = moderator.pk
    rows[0].closed_by_id = None
    with transaction.atomic():
        assert (
            update_rows(Post, ["best_answer_id", "closed_at", "closed_by_id", "close_reason"], rows)
            == 2
        )

    first.refresh_from_db()
    second.refresh_from_db()
    untouched.refresh_from_db()
    assert (first.best_answer_id, first.closed_at, first.close_reason) == (answer.pk, None, "")
    assert (second.best_answer_id, second.closed_at) == (None, closed_at)
    assert (second.closed_by_id, second.close_reason) == (moderator.pk, "Off topic")
    assert (untouched.best_answer_id, untouched.closed_at, untouched.close_reason) == (
        None,
        None,
        "",
    )


def test_many_rows_and_a_second_call_in_the_same_transaction() -> None:
    questions = [make_question() for _ in range(3)]
    with transaction.atomic():
        # Two calls in one transaction: each must start from a fresh temporary table.
        update_rows(
            Post, ["close_reason"], [Post(pk=q.pk, close_reason=f"r{q.pk}") for q in questions]
        )
        update_rows(Post, ["view_count"], [Post(pk=q.pk, view_count=q.pk * 10) for q in questions])
    for question in questions:
        question.refresh_from_db()
        assert question.close_reason == f"r{question.pk}"
        assert question.view_count == question.pk * 10


def test_no_rows_writes_nothing() -> None:
    assert update_rows(Post, ["close_reason"], []) == 0
