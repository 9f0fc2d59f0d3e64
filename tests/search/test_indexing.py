"""The index follows every write: new posts, edits, hiding, deleting, queueing, approving,
merging and converting. Only published posts in published threads can be found."""

from __future__ import annotations

import pytest
from django.db import transaction

from mindwell.moderation.actions import (
    Approve,
    ConvertToComment,
    Delete,
    Hide,
    HideAll,
    Merge,
    Move,
    Reshow,
    Restore,
    Retag,
)
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services import post_edit
from mindwell.qa.services.publication import post_set_status
from mindwell.search.backends import get_backend
from mindwell.search.selectors import search
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.search.helpers import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return make_user("moderator", is_staff=True)


@pytest.fixture
def thread(member):
    question = make_question(author=member, title="Coping with loneliness on weekends")
    answer = make_answer(question, body="Volunteering gave my weekends a shape again.")
    comment = make_comment(answer, body="Volunteering worked for me too.")
    return question, answer, comment


def test_a_new_post_is_found_at_once(thread):
    question, answer, comment = thread
    assert found("loneliness") == [question.pk]
    assert set(found("volunteering")) == {answer.pk, comment.pk}


def test_an_edit_reindexes_the_post(thread, member):
    question, answer, _ = thread
    post_edit(post=question, editor=member, title="Coping with solitude at weekends", body="")
    assert found("loneliness") == []
    assert found("solitude") == [question.pk]
    post_edit(post=answer, editor=answer.author, body="Joining a choir gave my weekends shape.")
    assert found("choir") == [answer.pk]
    assert answer.pk not in found("volunteering")


def test_hiding_removes_a_post_and_showing_it_again_restores_it(thread, moderator):
    _, answer, comment = thread
    Hide(actor=moderator, post=answer).execute()
    assert found("volunteering") == [comment.pk]
    Reshow(actor=moderator, post=answer).execute()
    assert set(found("volunteering")) == {answer.pk, comment.pk}


def test_deleting_removes_a_post_and_restoring_brings_it_back(thread, moderator):
    question, _, _ = thread
    Delete(actor=moderator, post=question).execute()
    assert found("loneliness") == []
    Restore(actor=moderator, post=question).execute()
    assert found("loneliness") == [question.pk]


def test_a_hidden_question_takes_its_whole_thread_out_of_search(thread, moderator):
    question, answer, comment = thread
    Hide(actor=moderator, post=question).execute()
    assert found("loneliness") == [] and found("volunteering") == []
    Reshow(actor=moderator, post=question).execute()
    assert set(found("volunteering")) == {answer.pk, comment.pk}


def test_queued_posts_are_found_only_once_approved(thread, moderator):
    question, _, _ = thread
    waiting = make_answer(question, body="Evening classes helped me meet people.")
    with transaction.atomic():
        post_set_status(post=Post.objects.select_for_update().get(pk=waiting.pk), status="queued")
    assert found("evening classes") == []
    Approve(actor=moderator, post=waiting).execute()
    assert found("evening classes") == [waiting.pk]


def test_no_one_finds_unreadable_posts_not_even_moderators(thread, moderator):
    _, answer, _ = thread
    Hide(actor=moderator, post=answer).execute()
    assert answer.pk not in found("volunteering", viewer=moderator)
    assert answer.pk not in found("volunteering", viewer=answer.author)


def test_hiding_all_of_a_members_posts_removes_them(thread):
    _, answer, _ = thread
    admin = make_user("admin", is_staff=True, is_superuser=True)
    HideAll(actor=admin, member=answer.author, reason="spam").execute()
    assert answer.pk not in found("volunteering")


def test_merged_replies_follow_their_new_question(thread, moderator, member):
    duplicate, answer, comment = thread
    target = make_question(author=member, title="Weekends feel empty and quiet")
    Merge(actor=moderator, post=duplicate, target=str(target.pk)).execute()
    results = {r.post.pk: r for r in search(text="volunteering").results}
    assert set(results) == {answer.pk, comment.pk}
    assert results[answer.pk].url.startswith(f"/questions/{target.pk}/")


def test_merging_into_a_hidden_question_hides_the_moved_replies(thread, moderator, member):
    duplicate, answer, _ = thread
    target = make_question(author=member, title="Weekends feel empty and quiet")
    Hide(actor=moderator, post=target).execute()
    Merge(actor=moderator, post=duplicate, target=str(target.pk)).execute()
    assert found("volunteering") == []


def test_an_answer_converted_to_a_comment_is_found_as_a_comment(thread, moderator):
    _, answer, _ = thread
    ConvertToComment(actor=moderator, post=answer).execute()
    assert found("volunteering is:answer") == []
    assert answer.pk in found("volunteering is:comment")


def test_moving_and_retagging_reindex_the_whole_thread(thread, moderator):
    question, answer, comment = thread
    other = category("relationships")
    assert found("volunteering category:relationships") == []
    Move(actor=moderator, post=question, category=str(other.pk)).execute()
    assert found("loneliness category:relationships") == [question.pk]
    assert set(found("volunteering category:relationships")) == {answer.pk, comment.pk}
    assert found(f"loneliness category:{category().slug}") == []
    Retag(actor=moderator, post=question, tags="weekends").execute()
    assert found("loneliness [weekends]") == [question.pk]
    assert set(found("volunteering [weekends]")) == {answer.pk, comment.pk}
    assert found("loneliness [anxiety]") == []


def test_editing_a_questions_tags_reindexes_its_answers(thread, member):
    question, answer, _ = thread
    post_edit(post=question, editor=member, body=question.body, tags="solitude")
    assert answer.pk in found("volunteering [solitude]")
    assert found("volunteering [sleep]") == []


def test_a_rolled_back_write_leaves_the_index_as_it_was(thread, moderator):
    question, _, _ = thread
    with pytest.raises(RuntimeError), transaction.atomic():
        Hide(actor=moderator, post=question).execute()
        assert found("loneliness") == []
        raise RuntimeError("the request failed after hiding")
    assert Post.objects.get(pk=question.pk).status == PostStatus.PUBLISHED
    assert found("loneliness") == [question.pk]


def test_the_index_holds_exactly_the_readable_posts(thread, moderator):
    question, answer, comment = thread
    backend = get_backend()
    assert backend.indexed_count() == backend.readable_count() == 3
    Hide(actor=moderator, post=answer).execute()
    assert backend.indexed_count() == backend.readable_count() == 2


def test_a_post_deleted_from_the_table_leaves_the_index_when_synced(thread):
    from mindwell.search.indexing import search_index_post

    _, answer, comment = thread
    Post.objects.filter(pk=comment.pk).delete()
    search_index_post(comment.pk)
    assert found("volunteering") == [answer.pk]
    backend = get_backend()
    assert backend.indexed_count() == backend.readable_count() == 2
