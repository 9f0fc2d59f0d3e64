"""After any sequence of moderator actions, counters equal the published rows and every
member's points equal what `mindwell recalculate_points` computes from scratch."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from mindwell.moderation.actions import (
    Approve,
    ConvertToComment,
    Delete,
    DismissFlags,
    Hide,
    HideAll,
    Merge,
    Move,
    Reshow,
    Restore,
    Retag,
    UpholdFlags,
)
from mindwell.moderation.services.flags import flag_create
from mindwell.qa.models import PostStatus
from mindwell.qa.services import best_answer_select
from mindwell.qa.services.publication import post_set_status
from mindwell.reputation.models import EventKind, PointsEvent
from mindwell.votes.services import vote_cast
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.moderation.moderation_helpers import (
    assert_counters_consistent,
    assert_points_consistent,
    fresh,
    make_admin,
    make_moderator,
)

pytestmark = pytest.mark.django_db


def test_a_long_sequence_of_actions_leaves_nothing_to_correct():
    people = [make_user() for _ in range(6)]
    asker, answerer, helper, voter, spammer, other = people
    moderator, admin = make_moderator(), make_admin()

    first = make_question(author=asker, tags="anxiety sleep")
    second = make_question(author=other, title="Why can I not sleep when I worry so much?")
    best = make_answer(first, author=answerer)
    extra = make_answer(first, author=helper)
    remark = make_answer(second, author=helper, body="Same here, following this thread.")
    make_comment(best, author=voter)
    make_comment(first, author=other)
    spam = make_answer(second, author=spammer, body="Buy cheap pills at this wonderful shop")
    make_question(author=spammer, title="Visit my wonderful shop for cheap pills today")
    for post in (first, second, best, extra, remark):
        for person in (voter, other, asker):
            if post.author_id != person.pk:
                vote_cast(user=person, post=post, value=1)
    vote_cast(user=voter, post=spam, value=-1)
    best_answer_select(question=first, answer=best, user=asker)
    best_answer_select(question=second, answer=remark, user=other)
    waiting = make_answer(second, author=helper, body="An answer held for approval.")
    post_set_status(post=waiting, status=PostStatus.QUEUED)

    Approve(actor=moderator, post=waiting).execute()
    Hide(actor=moderator, post=first, reason="checking").execute()
    assert_points_consistent()
    Reshow(actor=moderator, post=first).execute()
    Delete(actor=moderator, post=extra).execute()
    Restore(actor=moderator, post=extra).execute()
    Move(actor=moderator, post=first, category=str(category("depression").pk)).execute()
    Retag(actor=moderator, post=first, tags="insomnia worry").execute()
    ConvertToComment(actor=moderator, post=remark).execute()
    assert_points_consistent()
    for _ in range(3):
        flag_create(user=make_user(), post=extra, reason="rude")
    assert fresh(extra).status == PostStatus.HIDDEN
    DismissFlags(actor=moderator, post=extra).execute()
    flag_create(user=make_user(), post=best, reason="spam")
    UpholdFlags(actor=moderator, post=best).execute()
    assert_points_consistent()
    Merge(actor=moderator, post=second, target=str(first.pk)).execute()
    HideAll(actor=admin, member=spammer, reason="spam").execute()

    assert_counters_consistent()
    assert_points_consistent()
    call_command("recalculate_points", verbosity=0)
    assert not PointsEvent.objects.filter(kind=EventKind.CORRECTION).exists()
