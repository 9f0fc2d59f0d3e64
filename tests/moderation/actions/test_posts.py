"""Post actions: each checks permission, acts through post_set_status, and writes exactly
one audit row."""

from __future__ import annotations

import pytest

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.actions import (
    POST_ACTIONS,
    Approve,
    ConvertToComment,
    Delete,
    DismissFlags,
    Hide,
    Reject,
    Reshow,
    Restore,
    UpholdFlags,
)
from mindwell.moderation.models import AuditAction, AuditEntry, Flag, FlagStatus
from mindwell.moderation.services.flags import flag_create
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.qa.services import best_answer_select
from mindwell.qa.services.publication import post_set_status
from mindwell.reputation import policy
from mindwell.siteconfig.models import SiteSettings
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_comment, make_user
from tests.moderation.moderation_helpers import (
    assert_counters_consistent,
    assert_points_consistent,
    fresh,
    make_moderator,
    points,
)

pytestmark = pytest.mark.django_db


def queue(post: Post) -> Post:
    post_set_status(post=post, status=PostStatus.QUEUED)
    return fresh(post)


@pytest.mark.parametrize("name", list(POST_ACTIONS))
def test_members_are_refused_every_post_action(name, question, other_member):
    # Each action says what the permission policy asks for it ("Only moderators can hide or
    # show posts.", "Changing tags needs 500 points or the Expert level; …").
    action = POST_ACTIONS[name]
    expected = policy.refusal(other_member, action.permission, post=question)
    assert expected
    with pytest.raises(PermissionDenied) as refused:
        action(actor=other_member, post=question, reason="because").execute()
    assert refused.value.message == expected
    assert not AuditEntry.objects.exists()


def test_approve_publishes_with_counters_and_points(question, other_member):
    answer = queue(make_answer(question, author=other_member))
    assert fresh(question).answer_count == 0
    assert points(other_member) == 100
    moderator = make_moderator()
    entry = Approve(actor=moderator, post=answer).execute()
    assert fresh(answer).status == PostStatus.PUBLISHED
    assert fresh(question).answer_count == 1
    assert points(other_member) == 140
    assert (entry.action, entry.actor, entry.post_id) == ("approve", moderator, answer.pk)
    assert entry.target_user_id == other_member.pk
    assert AuditEntry.objects.count() == 1
    assert_points_consistent()


def test_approve_refuses_a_published_post(question):
    with pytest.raises(ServiceError, match="waiting for approval"):
        Approve(actor=make_moderator(), post=question).execute()
    assert not AuditEntry.objects.exists()


def test_reject_deletes_a_queued_post(question):
    answer = queue(make_answer(question))
    Reject(actor=make_moderator(), post=answer, reason="spam").execute()
    assert fresh(answer).status == PostStatus.DELETED
    assert AuditEntry.objects.get().reason == "spam"
    assert_points_consistent()


def test_hide_reshow_delete_restore_round_trip(question, other_member):
    answer = make_answer(question, author=other_member)
    vote_cast(user=make_user(), post=answer, value=1)
    moderator = make_moderator()
    before = points(other_member)
    Hide(actor=moderator, post=answer, reason="rude").execute()
    assert fresh(answer).status == PostStatus.HIDDEN
    assert fresh(question).answer_count == 0
    assert points(other_member) == 100
    assert_points_consistent()
    Reshow(actor=moderator, post=answer).execute()
    assert points(other_member) == before
    Delete(actor=moderator, post=answer).execute()
    assert fresh(answer).status == PostStatus.DELETED
    assert_points_consistent()
    Restore(actor=moderator, post=answer).execute()
    assert fresh(answer).status == PostStatus.PUBLISHED
    assert points(other_member) == before
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["hide", "reshow", "delete", "restore"]
    assert AuditEntry.objects.get(action="delete").detail == {"from": "published"}
    assert_counters_consistent()
    assert_points_consistent()


def test_actions_refuse_the_wrong_state(question):
    moderator = make_moderator()
    with pytest.raises(ServiceError, match="Only a hidden post"):
        Reshow(actor=moderator, post=question).execute()
    with pytest.raises(ServiceError, match="Only a deleted post"):
        Restore(actor=moderator, post=question).execute()
    with pytest.raises(ServiceError, match="no open flags"):
        DismissFlags(actor=moderator, post=question).execute()
    with pytest.raises(ServiceError, match="does not apply to questions"):
        ConvertToComment(actor=moderator, post=question).execute()
    assert not AuditEntry.objects.exists()


def _flag_until_hidden(post: Post) -> None:
    for _ in range(SiteSettings.current().flags_to_hide):
        flag_create(user=make_user(), post=post, reason="rude")


def test_dismissing_flags_reshows_a_post_the_flags_hid(question):
    answer = make_answer(question)
    _flag_until_hidden(answer)
    assert fresh(answer).status == PostStatus.HIDDEN
    entry = DismissFlags(actor=make_moderator(), post=answer).execute()
    answer = fresh(answer)
    assert answer.status == PostStatus.PUBLISHED
    assert answer.flag_count == 0
    assert set(Flag.objects.values_list("status", flat=True)) == {FlagStatus.DISMISSED}
    assert entry.action == AuditAction.FLAGS_DISMISS
    assert entry.detail == {"flags_dismissed": 3, "reshown": True}
    assert AuditEntry.objects.filter(actor__isnull=False).count() == 1
    assert_counters_consistent()
    assert_points_consistent()


def test_dismissing_flags_keeps_a_post_a_moderator_hid(question):
    answer = make_answer(question)
    moderator = make_moderator()
    Hide(actor=moderator, post=answer).execute()
    flag_create(user=make_user(), post=answer, reason="spam")
    DismissFlags(actor=moderator, post=answer).execute()
    assert fresh(answer).status == PostStatus.HIDDEN


def test_upholding_flags_hides_the_post(question):
    answer = make_answer(question)
    flag_create(user=make_user(), post=answer, reason="spam")
    entry = UpholdFlags(actor=make_moderator(), post=answer).execute()
    assert fresh(answer).status == PostStatus.HIDDEN
    assert fresh(answer).flag_count == 0
    assert Flag.objects.get().status == FlagStatus.UPHELD
    assert (entry.action, entry.detail["flags_upheld"]) == ("hide", 1)


def test_convert_answer_to_comment_keeps_counters_and_points(question, member, other_member):
    answer = make_answer(question, author=other_member)
    voter = make_user()
    vote_cast(user=voter, post=answer, value=1)
    best_answer_select(question=question, answer=answer, user=member)
    note = make_comment(answer, body="A comment on the answer.")
    make_answer(question)  # another answer stays an answer
    moderator = make_moderator()
    entry = ConvertToComment(actor=moderator, post=answer).execute()
    answer, question = fresh(answer), fresh(question)
    assert answer.kind == PostKind.COMMENT and answer.parent_id == question.pk
    assert question.best_answer_id is None
    assert question.answer_count == 1
    assert question.comment_count == 2  # the converted answer and the moved comment
    assert fresh(note).parent_id == question.pk
    assert points(other_member) == 100  # no answer, no selection, no votes received
    assert points(voter) == 100  # comments carry no votes
    assert points(member) == 100 + 20
    assert entry.detail == {"question": question.pk, "was_best": True, "comments_moved": 1}
    assert AuditEntry.objects.count() == 1
    assert_counters_consistent()
    assert_points_consistent()


def test_convert_a_hidden_answer(question):
    answer = make_answer(question)
    moderator = make_moderator()
    Hide(actor=moderator, post=answer).execute()
    ConvertToComment(actor=moderator, post=answer).execute()
    assert fresh(answer).kind == PostKind.COMMENT
    assert fresh(question).comment_count == 0
    Reshow(actor=moderator, post=answer).execute()
    assert fresh(question).comment_count == 1
    assert_counters_consistent()
    assert_points_consistent()
