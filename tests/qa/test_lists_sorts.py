"""What each list holds and in which order: the sorts, the three unanswered lists, the
category and tag filters, and who sees what."""

from __future__ import annotations

import pytest

from mindwell.qa.models import Post
from mindwell.qa.selectors import SMALL_FILTER, question_list
from mindwell.qa.services import best_answer_select, post_edit
from mindwell.qa.services.publication import post_set_status
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.services import vote_cast
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.qa.lists_helpers import flat, update, walk

pytestmark = pytest.mark.django_db


def listed(sort: str = "recent", viewer=None, **filters) -> list[int]:  # type: ignore[no-untyped-def]
    return [q.pk for q in question_list(viewer=viewer, sort=sort, **filters)]


def test_recent_is_newest_first():
    old = update(make_question(), hours_ago=30)
    new = update(make_question(), hours_ago=1)
    middle = update(make_question(), hours_ago=5)
    assert listed("recent") == [new.pk, middle.pk, old.pk]


def test_active_follows_the_latest_answer_or_comment():
    first, second, third = (update(make_question(), hours_ago=h) for h in (9, 8, 7))
    assert listed("active") == [third.pk, second.pk, first.pk]
    make_answer(first)
    assert listed("active")[0] == first.pk
    make_comment(second)
    assert listed("active")[:2] == [second.pk, first.pk]


def test_votes_answers_and_views_sort_by_their_count_then_by_age():
    a = update(make_question(), hours_ago=3, score=2, answer_count=1, view_count=50)
    b = update(make_question(), hours_ago=2, score=5, answer_count=1, view_count=10)
    c = update(make_question(), hours_ago=1, score=2, answer_count=4, view_count=50)
    assert listed("votes") == [b.pk, c.pk, a.pk]
    assert listed("answers") == [c.pk, b.pk, a.pk]
    assert listed("views") == [c.pk, a.pk, b.pk]


def test_counts_kept_by_the_services_reorder_the_lists():
    quiet, popular = make_question(), make_question()
    make_answer(quiet)
    for _ in range(2):
        make_answer(popular)
    vote_cast(user=make_user(), post=quiet, value=1)
    assert listed("answers")[:2] == [popular.pk, quiet.pk]
    assert listed("votes")[0] == quiet.pk
    # The stored hot score follows answers and votes as they happen.
    assert Post.objects.get(pk=popular.pk).hot_score > Post.objects.get(pk=quiet.pk).hot_score
    assert listed("hot")[0] == popular.pk


def test_the_three_unanswered_lists():
    nothing = make_question()
    answered = make_question()
    make_answer(answered)
    upvoted = make_question()
    vote_cast(user=make_user(), post=make_answer(upvoted), value=1)
    with_best = make_question()
    best_answer_select(question=with_best, answer=make_answer(with_best), user=with_best.author)
    downvoted = make_question()
    answer = make_answer(downvoted)
    vote_cast(user=make_user(points=1000), post=answer, value=-1)

    def unanswered(kind: str) -> set[int]:
        return set(listed("unanswered", unanswered=kind))

    assert unanswered("no-answer") == {nothing.pk}
    assert unanswered("no-best") == {nothing.pk, answered.pk, upvoted.pk, downvoted.pk}
    assert unanswered("no-upvoted") == {nothing.pk, answered.pk, with_best.pk, downvoted.pk}


def test_an_upvoted_answer_that_was_hidden_no_longer_counts():
    question = make_question()
    answer = make_answer(question)
    vote_cast(user=make_user(), post=answer, value=1)
    assert question.pk not in listed("unanswered", unanswered="no-upvoted")
    post_set_status(post=Post.objects.get(pk=answer.pk), status="hidden")
    assert question.pk in listed("unanswered", unanswered="no-upvoted")
    assert question.pk in listed("unanswered", unanswered="no-answer")


def test_closed_questions_are_in_no_unanswered_list():
    from django.utils import timezone

    closed = update(make_question(), closed_at=timezone.now())
    for kind in ("no-answer", "no-best", "no-upvoted"):
        assert closed.pk not in listed("unanswered", unanswered=kind)
    assert closed.pk in listed("recent")


@pytest.mark.parametrize("big", [False, True], ids=["small category", "big category"])
def test_a_category_lists_its_sub_categories_too(big):
    parent = category("anxiety")
    child = make_question(category_id=category("panic-attacks").pk)
    own = make_question(category_id=parent.pk)
    elsewhere = make_question(category_id=category("dating").pk)
    parent.refresh_from_db()
    if big:  # the other query shape, for categories with many questions
        Category.objects.filter(pk=parent.pk).update(question_count=SMALL_FILTER + 1)
        parent.refresh_from_db()
    for sort in ("recent", "votes", "hot", "unanswered"):
        assert set(listed(sort, category=parent)) == {child.pk, own.pk}, sort
    assert elsewhere.pk not in flat(walk(per_page=1, category=parent))
    assert listed(category=category("panic-attacks")) == [child.pk]


@pytest.mark.parametrize("big", [False, True], ids=["small tag", "big tag"])
def test_a_tag_lists_its_questions_in_every_sort(big):
    tagged = [make_question(tags="grief sleep") for _ in range(3)]
    make_question(tags="sleep")
    tag = Tag.objects.get(name="grief")
    if big:
        Tag.objects.filter(pk=tag.pk).update(question_count=SMALL_FILTER + 1)
        tag.refresh_from_db()
    expected = [q.pk for q in reversed(tagged)]
    assert listed(tag=tag) == expected
    assert flat(walk(per_page=2, tag=tag)) == expected
    for sort in ("votes", "answers", "views", "active", "hot"):
        assert sorted(listed(sort, tag=tag)) == sorted(expected), sort


def test_category_and_tag_together():
    both = make_question(tags="grief", category_id=category("anxiety").pk)
    make_question(tags="grief", category_id=category("dating").pk)
    make_question(tags="sleep", category_id=category("anxiety").pk)
    grief = Tag.objects.get(name="grief")
    assert listed(category=category("anxiety"), tag=grief) == [both.pk]


def test_who_sees_queued_hidden_and_deleted_questions(member):
    from tests.factories import make_user as user

    published = make_question()
    mine_queued = update(make_question(author=member), status="queued")
    other_queued = update(make_question(), status="queued")
    hidden = update(make_question(), status="hidden")
    deleted = update(make_question(), status="deleted")
    staff = user(is_staff=True)
    assert set(listed()) == {published.pk}
    assert set(listed(viewer=member)) == {published.pk, mine_queued.pk}
    assert set(listed(viewer=staff)) == {published.pk, mine_queued.pk, other_queued.pk, hidden.pk}
    assert deleted.pk not in listed(viewer=staff)
    # Keyset pages agree with the plain list, and the list with the site's visibility rule.
    for viewer in (None, member, staff):
        assert flat(walk(per_page=1, viewer=viewer)) == listed(viewer=viewer)
        assert set(listed(viewer=viewer)) == set(
            Post.objects.questions().visible_to(viewer).values_list("pk", flat=True)
        )


def test_hidden_warnings_are_left_out_of_every_sort(member):
    warned = make_question(content_warning="self-harm")
    plain = make_question()
    for sort in ("recent", "hot", "votes", "unanswered"):
        shown = listed(sort, viewer=member, hide_warnings=["self-harm"])
        assert warned.pk not in shown and plain.pk in shown, sort


def test_an_edit_moves_a_question_up_the_active_list():
    edited, untouched = make_question(), make_question()
    assert listed("active")[0] == untouched.pk
    post_edit(post=edited, editor=edited.author, body="More about what has been happening.")
    assert listed("active")[0] == edited.pk


def test_refresh_hot_scores_recomputes_every_stored_score(capsys):
    from django.core.management import call_command

    from mindwell.qa.hot import hot_value

    questions = [make_question() for _ in range(3)]
    Post.objects.filter(pk__in=[q.pk for q in questions]).update(hot_score=-1, view_count=40)
    call_command("refresh_hot_scores")
    assert "Recomputed the hot score of 3 questions." in capsys.readouterr().out
    for question in Post.objects.filter(kind="Q"):
        expected = hot_value(
            created_at=question.created_at,
            answers=question.answer_count,
            score=question.score,
            views=question.view_count,
        )
        assert question.hot_score == pytest.approx(expected, abs=1e-6)  # julianday: ~1e-8
