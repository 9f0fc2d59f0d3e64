"""Thread actions: close and reopen, comment locks, move, retag and merge."""

from __future__ import annotations

import pytest

from mindwell.core.errors import ServiceError
from mindwell.moderation.actions import (
    Close,
    Hide,
    LockComments,
    Merge,
    Move,
    Reopen,
    Retag,
    UnlockComments,
)
from mindwell.moderation.actions.threads import parse_question_ref
from mindwell.moderation.models import AuditEntry
from mindwell.qa.models import PostStatus, Revision
from mindwell.qa.services import best_answer_select
from mindwell.taxonomy.models import Category, Tag
from mindwell.votes.models import Vote
from mindwell.votes.services import vote_cast
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.moderation.moderation_helpers import (
    assert_counters_consistent,
    assert_points_consistent,
    fresh,
    make_moderator,
    points,
)

pytestmark = pytest.mark.django_db


def test_close_needs_a_reason_or_a_duplicate(question):
    with pytest.raises(ServiceError) as error:
        Close(actor=make_moderator(), post=question).execute()
    assert error.value.field == "reason"
    assert not fresh(question).is_closed
    assert not AuditEntry.objects.exists()


def test_close_as_duplicate_then_reopen(question):
    original = make_question()
    moderator = make_moderator()
    url = f"http://testserver/questions/{original.pk}/some-slug/"
    entry = Close(actor=moderator, post=question, duplicate_of=url).execute()
    closed = fresh(question)
    assert closed.is_closed and closed.duplicate_of_id == original.pk
    assert closed.closed_by == moderator
    assert entry.detail == {"duplicate_of": original.pk}
    with pytest.raises(ServiceError, match="already closed"):
        Close(actor=moderator, post=question, reason="again").execute()
    Reopen(actor=moderator, post=question).execute()
    reopened = fresh(question)
    assert not reopened.is_closed and reopened.duplicate_of_id is None
    assert [e.action for e in AuditEntry.objects.order_by("pk")] == ["close", "reopen"]


def test_close_refuses_itself_and_missing_questions(question):
    moderator = make_moderator()
    with pytest.raises(ServiceError, match="itself"):
        Close(actor=moderator, post=question, duplicate_of=str(question.pk)).execute()
    with pytest.raises(ServiceError, match="no question number 99999"):
        Close(actor=moderator, post=question, duplicate_of="#99999").execute()
    answer = make_answer(question)
    with pytest.raises(ServiceError, match="does not apply to answers"):
        Close(actor=moderator, post=answer, reason="x").execute()


def test_parse_question_ref():
    assert parse_question_ref("12") == 12
    assert parse_question_ref("#12") == 12
    assert parse_question_ref("https://example.org/questions/34/why/") == 34
    assert parse_question_ref("no number") is None


def test_lock_and_unlock_comments(question):
    moderator = make_moderator()
    LockComments(actor=moderator, post=question).execute()
    assert fresh(question).comments_locked
    with pytest.raises(ServiceError, match="already locked"):
        LockComments(actor=moderator, post=question).execute()
    with pytest.raises(ServiceError, match="Comments are locked"):
        make_comment(question)
    UnlockComments(actor=moderator, post=question).execute()
    assert not fresh(question).comments_locked
    make_comment(question)
    assert AuditEntry.objects.count() == 2


def test_move_keeps_category_counts_right(question):
    old, new = question.category, category("depression")
    old_count = Category.objects.get(pk=old.pk).question_count
    entry = Move(actor=make_moderator(), post=question, category=str(new.pk)).execute()
    assert fresh(question).category_id == new.pk
    assert Category.objects.get(pk=old.pk).question_count == old_count - 1
    assert entry.detail == {"from": old.name, "to": new.name}
    revision = Revision.objects.get(post=question)
    assert (revision.category_before, revision.category_after) == (old.name, new.name)
    assert_counters_consistent()


def test_moving_a_hidden_question_leaves_counts_alone(question):
    moderator = make_moderator()
    Hide(actor=moderator, post=question).execute()
    Move(actor=moderator, post=question, category=str(category("depression").pk)).execute()
    assert_counters_consistent()
    with pytest.raises(ServiceError, match="already in that category"):
        Move(actor=moderator, post=question, category=str(category("depression").pk)).execute()


def test_retag_updates_tag_counts_and_history(question):
    entry = Retag(actor=make_moderator(), post=question, tags="panic Sleep").execute()
    assert sorted(t.name for t in fresh(question).tags.all()) == ["panic", "sleep"]
    assert Tag.objects.get(name="anxiety").question_count == 0
    assert Tag.objects.get(name="panic").question_count == 1
    assert entry.detail == {"before": ["anxiety", "sleep"], "after": ["panic", "sleep"]}
    revision = Revision.objects.get(post=question)
    assert (revision.tags_before, revision.tags_after) == ("anxiety sleep", "panic sleep")
    assert_counters_consistent()
    with pytest.raises(ServiceError) as error:
        Retag(actor=make_moderator("mod2"), post=question, tags="bad/tag").execute()
    assert error.value.field == "tags"


def test_merge_moves_the_thread_and_keeps_votes_and_points(member, other_member):
    target = make_question(author=member, title="How do I sleep when I am anxious at night?")
    make_answer(target)
    duplicate = make_question(author=other_member, title="Cannot sleep because of worry?")
    answerer = make_user()
    answer = make_answer(duplicate, author=answerer)
    voter = make_user()
    vote_cast(user=voter, post=answer, value=1)
    best_answer_select(question=duplicate, answer=answer, user=other_member)
    on_question = make_comment(duplicate, body="Same here.")
    on_answer = make_comment(answer, body="This helped me.")
    hidden = make_answer(duplicate)
    moderator = make_moderator()
    Hide(actor=moderator, post=hidden).execute()
    before = {user.pk: points(user) for user in (answerer, voter)}

    entry = Merge(actor=moderator, post=duplicate, target=f"#{target.pk}").execute()

    target, duplicate = fresh(target), fresh(duplicate)
    assert target.answer_count == 2  # its own and the moved published one
    assert target.comment_count == 1
    assert fresh(answer).question_id == target.pk and fresh(answer).parent_id == target.pk
    assert fresh(hidden).parent_id == target.pk
    assert fresh(on_question).parent_id == target.pk
    assert fresh(on_answer).question_id == target.pk and fresh(on_answer).parent_id == answer.pk
    assert (duplicate.answer_count, duplicate.comment_count) == (0, 0)
    assert duplicate.is_closed and duplicate.duplicate_of_id == target.pk
    assert duplicate.status == PostStatus.PUBLISHED  # a pointer to the merged thread
    assert duplicate.best_answer_id is None  # an answer is the best of one question only
    assert Vote.objects.filter(post=answer).count() == 1
    # The answerer loses only the selection on the merged-away question.
    assert points(answerer) == before[answerer.pk] - 300
    assert points(voter) == before[voter.pk]
    assert entry.detail == {"into": target.pk, "answers": 2, "comments": 2}
    assert AuditEntry.objects.filter(action="merge").count() == 1
    assert_counters_consistent()
    assert_points_consistent()


def test_merge_refuses_a_question_duplicating_this_one(question):
    moderator = make_moderator()
    other = make_question()
    Close(actor=moderator, post=other, duplicate_of=str(question.pk)).execute()
    with pytest.raises(ServiceError, match="already closed as a duplicate of this one"):
        Merge(actor=moderator, post=question, target=str(other.pk)).execute()
    assert not AuditEntry.objects.filter(action="merge").exists()
