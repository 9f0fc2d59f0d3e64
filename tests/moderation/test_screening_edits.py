"""Screening of edits: the edit limit, blocked and censored words, and approve-words sending
a published post back for approval (only for words the edit brings in)."""

from __future__ import annotations

import pytest

from mindwell.core.errors import RateLimited, ServiceError
from mindwell.moderation.models import WatchedWord, WriteLimit
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services import post_edit
from tests.factories import make_answer, make_user

pytestmark = pytest.mark.django_db

ANSWER = "Talking to a counsellor helped me more than anything else."


@pytest.fixture
def answer(question, other_member):
    return make_answer(question, author=other_member, body=ANSWER)


def test_an_approve_word_added_in_an_edit_sends_the_post_back(question, answer, other_member):
    WatchedWord.objects.create(pattern="whatsapp", action="approve")
    post_edit(post=answer, editor=other_member, body=f"{ANSWER} Add me on WhatsApp.")
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.status == PostStatus.QUEUED
    assert question.answer_count == 0


def test_a_moderator_edit_with_an_approve_word_stays_published(answer):
    WatchedWord.objects.create(pattern="whatsapp", action="approve")
    moderator = make_user(is_staff=True)
    post_edit(post=answer, editor=moderator, body=f"{ANSWER} (Do not share WhatsApp numbers.)")
    answer.refresh_from_db()
    assert answer.status == PostStatus.PUBLISHED


def test_an_approved_word_does_not_requeue_a_later_edit(answer, other_member):
    Post.objects.filter(pk=answer.pk).update(body=f"{ANSWER} WhatsApp group.")
    answer.refresh_from_db()
    WatchedWord.objects.create(pattern="whatsapp", action="approve")
    post_edit(post=answer, editor=other_member, body=f"{ANSWER} WhatsApp group, thanks.")
    answer.refresh_from_db()
    assert answer.status == PostStatus.PUBLISHED


def test_a_flag_word_flags_an_edit_once(answer, other_member):
    WatchedWord.objects.create(pattern="fasting", action="flag")
    post_edit(post=answer, editor=other_member, body=f"{ANSWER} Fasting for days helps.")
    post_edit(post=answer, editor=other_member, body=f"{ANSWER} Fasting for a week helps.")
    answer.refresh_from_db()
    assert answer.flag_count == 1


def test_a_blocked_word_refuses_the_edit(answer, other_member):
    WatchedWord.objects.create(pattern="kys", action="block")
    with pytest.raises(ServiceError, match="“kys”"):
        post_edit(post=answer, editor=other_member, body=f"{ANSWER} kys")
    answer.refresh_from_db()
    assert answer.body == ANSWER


def test_censoring_applies_to_edits(answer, other_member):
    WatchedWord.objects.create(pattern="stupid", action="censor")
    post_edit(post=answer, editor=other_member, body=f"{ANSWER} Not a stupid question.")
    answer.refresh_from_db()
    assert answer.body.endswith("Not a ****** question.")
    assert answer.revisions.get().body_after.endswith("Not a ****** question.")


def test_slow_mode_does_not_apply_to_edits(question, answer, other_member):
    Post.objects.filter(pk=question.pk).update(slow_mode_seconds=3600)
    post_edit(post=answer, editor=other_member, body=f"{ANSWER} Fixed a typo.")
    answer.refresh_from_db()
    assert answer.body.endswith("Fixed a typo.")


def test_the_edit_limit(answer, other_member):
    limit = WriteLimit.objects.get(action="edit")
    limit.per_member_per_hour = 1
    limit.save()
    post_edit(post=answer, editor=other_member, body=f"{ANSWER} One.")
    with pytest.raises(RateLimited, match="You have made 1 edit in the last hour"):
        post_edit(post=answer, editor=other_member, body=f"{ANSWER} Two.")
