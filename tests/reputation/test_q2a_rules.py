"""Question2Answer's two points rules (switched on by its importer) and bonus events: the
live services and the recalculation agree under them, so `recalculate_points` finds nothing
to correct after hiding, deleting, reshowing or choosing."""

from __future__ import annotations

import pytest

from mindwell.accounts.models import User
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services import best_answer_select
from mindwell.qa.services.common import Poster
from mindwell.qa.services.publication import post_set_status
from mindwell.reputation.models import EventKind, PointsEvent, PointsSettings
from mindwell.reputation.recalculation import points_recalculate
from mindwell.reputation.services import points_add
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def points(user: User) -> int:
    return User.objects.get(pk=user.pk).points


def q2a_rules(**values: int) -> None:
    settings = PointsSettings.objects.get_or_create(pk=1)[0]
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()


def nothing_to_correct() -> bool:
    return points_recalculate(dry_run=True).changed == 0


def set_status(post: Post, status: str) -> None:
    post_set_status(post=Post.objects.get(pk=post.pk), status=status)


def test_hidden_posts_keep_their_votes_points_until_deleted() -> None:
    q2a_rules(hidden_posts_keep_votes=1)
    asker, voter = make_user(), make_user()
    question = make_question(author=asker)
    vote_cast(user=voter, post=question, value=1)
    assert (points(asker), points(voter)) == (100 + 20 + 10, 100 + 10)

    set_status(question, PostStatus.HIDDEN)
    # The posting points go; the vote's points stay, for both.
    assert (points(asker), points(voter)) == (100 + 10, 100 + 10)
    assert nothing_to_correct()

    set_status(question, PostStatus.PUBLISHED)
    assert (points(asker), points(voter)) == (100 + 20 + 10, 100 + 10)
    assert nothing_to_correct()

    set_status(question, PostStatus.HIDDEN)
    set_status(question, PostStatus.DELETED)
    assert (points(asker), points(voter)) == (100, 100)
    assert nothing_to_correct()


def test_without_the_rule_hiding_takes_the_votes_points_too() -> None:
    asker, voter = make_user(), make_user()
    question = make_question(author=asker)
    vote_cast(user=voter, post=question, value=1)
    set_status(question, PostStatus.HIDDEN)
    assert (points(asker), points(voter)) == (100, 100)
    assert nothing_to_correct()


def test_choosing_any_answer_earns_the_choosing_points() -> None:
    q2a_rules(select_any_answer=1)
    asker = make_user()
    question = make_question(author=asker)
    own = make_answer(question, author=asker)
    best_answer_select(question=question, answer=own, user=asker)
    # Asking 20, answering 40, choosing 30; the answer earns nothing from its own writer.
    assert points(asker) == 100 + 20 + 40 + 30
    assert nothing_to_correct()

    other = make_question(author=asker)
    anonymous = make_answer(other, poster=Poster(name="Guest"))
    best_answer_select(question=other, answer=anonymous, user=asker)
    assert points(asker) == 100 + 20 + 40 + 30 + 20 + 30
    assert nothing_to_correct()


def test_a_bonus_survives_recalculation() -> None:
    member = make_user()
    points_add(user_id=member.pk, kind=EventKind.BONUS, points=250)
    assert points(member) == 350
    result = points_recalculate()
    assert result.changed == 0 and points(member) == 350
    assert PointsEvent.objects.filter(user=member, kind=EventKind.CORRECTION).count() == 0
