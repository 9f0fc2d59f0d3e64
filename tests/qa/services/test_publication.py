"""Counters and points follow a post in and out of the published state."""

import pytest
from django.core.management import call_command

from mindwell.accounts.models import User
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services import best_answer_select
from mindwell.qa.services.publication import post_set_status
from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db


def points(user: User) -> int:
    return User.objects.get(pk=user.pk).points


def fresh(post: Post) -> Post:
    return Post.objects.get(pk=post.pk)


def assert_ledger_agrees_with_recalculation(capsys) -> None:
    call_command("recalculate_points", "--dry-run")
    out = capsys.readouterr().out
    assert "Would change the points of 0 of" in out and "(0 ledger corrections)" in out, out


def test_hiding_a_question_takes_back_its_counters_and_points(capsys):
    asker, answerer, voter = make_user(), make_user(), make_user()
    question = make_question(asker, tags="sleep worry")
    answer = make_answer(question, answerer)
    vote_cast(user=voter, post=question, value=1)
    best_answer_select(question=question, answer=answer, user=asker)
    psychology = Category.objects.get(pk=question.category_id)
    before = (points(asker), points(answerer), points(voter), psychology.question_count)

    post_set_status(post=fresh(question), status=PostStatus.HIDDEN)

    assert Category.objects.get(pk=psychology.pk).question_count == before[3] - 1
    assert Tag.objects.get(name="sleep").question_count == 0
    assert points(asker) < before[0]
    assert points(answerer) < before[1]  # the selection no longer counts
    assert points(voter) < before[2]  # nor the vote cast on a hidden post
    assert PointsEvent.objects.filter(kind=EventKind.MODERATION).exists()
    assert_ledger_agrees_with_recalculation(capsys)

    post_set_status(post=fresh(question), status=PostStatus.PUBLISHED)
    assert (points(asker), points(answerer), points(voter)) == before[:3]
    assert Category.objects.get(pk=psychology.pk).question_count == before[3]
    assert Tag.objects.get(name="sleep").question_count == 1
    assert_ledger_agrees_with_recalculation(capsys)


def test_hiding_an_answer_and_a_comment_moves_the_thread_counters(capsys):
    question = make_question()
    answer = make_answer(question)
    comment = make_comment(answer)
    assert fresh(question).answer_count == 1 and fresh(answer).comment_count == 1

    post_set_status(post=fresh(answer), status=PostStatus.DELETED)
    post_set_status(post=fresh(comment), status=PostStatus.HIDDEN)

    assert fresh(question).answer_count == 0
    assert fresh(answer).comment_count == 0
    assert_ledger_agrees_with_recalculation(capsys)


def test_a_queued_post_counts_only_once_approved(capsys):
    question = make_question()
    writer = make_user()
    answer = make_answer(question, writer)
    post_set_status(post=fresh(answer), status=PostStatus.HIDDEN)
    # Creating queued: no counters or points until approval.
    queued = Post.objects.create(
        kind="A",
        status=PostStatus.QUEUED,
        question=question,
        parent=question,
        body="Waiting for a moderator.",
        author=writer,
        created_at=question.created_at,
        activity_at=question.created_at,
    )
    base = points(writer)
    assert fresh(question).answer_count == 0

    post_set_status(post=queued, status=PostStatus.PUBLISHED)

    assert fresh(question).answer_count == 1
    assert points(writer) > base
    assert PointsEvent.objects.filter(
        user=writer, post=queued, kind=EventKind.ANSWER_POSTED
    ).exists()
    assert_ledger_agrees_with_recalculation(capsys)


def test_moving_between_two_unpublished_states_changes_nothing():
    question = make_question()
    answer = make_answer(question)
    post_set_status(post=fresh(answer), status=PostStatus.HIDDEN)
    events = PointsEvent.objects.count()
    post_set_status(post=fresh(answer), status=PostStatus.DELETED)
    assert PointsEvent.objects.count() == events
    assert fresh(question).answer_count == 0
