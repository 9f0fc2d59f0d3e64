"""Member actions: administrators only, never on themselves or other administrators."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.actions import USER_ACTIONS, Block, HideAll, Lift, Silence, Suspend
from mindwell.moderation.models import AuditEntry
from mindwell.qa.models import Post, PostStatus
from mindwell.qa.services.publication import post_set_status
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_comment, make_question, make_user
from tests.moderation.moderation_helpers import (
    assert_counters_consistent,
    assert_points_consistent,
    fresh,
    make_admin,
    make_moderator,
    points,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(USER_ACTIONS))
@pytest.mark.parametrize("role", ["member", "moderator"])
def test_only_administrators_restrict_members(name, role, other_member):
    actor = make_user() if role == "member" else make_moderator()
    with pytest.raises(PermissionDenied, match="Only administrators"):
        USER_ACTIONS[name](actor=actor, member=other_member, reason="r", days=1).execute()
    assert not AuditEntry.objects.exists()


def test_administrators_cannot_restrict_themselves_or_each_other():
    admin, other_admin = make_admin(), make_admin("admin2")
    with pytest.raises(PermissionDenied, match="your own account"):
        Block(actor=admin, member=admin, reason="oops").execute()
    with pytest.raises(PermissionDenied, match="Administrators cannot be restricted"):
        Suspend(actor=admin, member=other_admin, reason="r", days=1).execute()
    assert fresh_user(admin).blocked_at is None


def fresh_user(user):
    return type(user).objects.get(pk=user.pk)


def test_suspend_for_a_chosen_period(other_member):
    admin = make_admin()
    entry = Suspend(actor=admin, member=other_member, reason="abuse", days=7).execute()
    member = fresh_user(other_member)
    assert member.is_suspended()
    remaining = member.suspended_until - timezone.now()
    assert timedelta(days=6, hours=23) < remaining <= timedelta(days=7)
    assert (entry.action, entry.target_user, entry.reason) == ("suspend", member, "abuse")
    assert entry.detail["days"] == 7


def test_periods_and_reasons_are_checked(other_member):
    admin = make_admin()
    with pytest.raises(ServiceError) as error:
        Silence(actor=admin, member=other_member, reason="r", days=2).execute()
    assert error.value.field == "days"
    with pytest.raises(ServiceError) as error:
        Silence(actor=admin, member=other_member, reason=" ", days=1).execute()
    assert error.value.field == "reason"
    assert not fresh_user(other_member).is_silenced()
    assert not AuditEntry.objects.exists()


def test_block_and_lift(other_member):
    admin = make_admin()
    Silence(actor=admin, member=other_member, reason="heated", days=1).execute()
    Block(actor=admin, member=other_member, reason="threats").execute()
    assert fresh_user(other_member).is_blocked
    with pytest.raises(ServiceError, match="already blocked"):
        Block(actor=admin, member=other_member, reason="again").execute()
    with pytest.raises(ServiceError, match="lift the block first"):
        Suspend(actor=admin, member=other_member, reason="r", days=1).execute()
    entry = Lift(actor=admin, member=other_member).execute()
    member = fresh_user(other_member)
    assert not (member.is_blocked or member.is_silenced() or member.is_suspended())
    assert entry.detail == {"lifted": ["silence", "block"]}
    with pytest.raises(ServiceError, match="no restrictions"):
        Lift(actor=admin, member=other_member).execute()
    assert [e.action for e in AuditEntry.objects.order_by("pk")] == ["silence", "block", "unblock"]


def test_hide_all_posts_is_one_action_and_keeps_everything_consistent(question, other_member):
    own_question = make_question(author=other_member)
    answer = make_answer(question, author=other_member)
    vote_cast(user=make_user(), post=answer, value=1)
    comment = make_comment(question, author=other_member)
    queued = make_answer(own_question, author=make_user())
    waiting = make_comment(question, author=other_member)
    post_set_status(post=waiting, status=PostStatus.QUEUED)
    gone = make_comment(question, author=other_member)
    post_set_status(post=gone, status=PostStatus.DELETED)
    admin = make_admin()

    entry = HideAll(actor=admin, member=other_member, reason="spam wave").execute()

    statuses = dict(Post.objects.filter(author=other_member).values_list("pk", "status"))
    assert statuses == {
        own_question.pk: "hidden",
        answer.pk: "hidden",
        comment.pk: "hidden",
        waiting.pk: "hidden",
        gone.pk: "deleted",
    }
    assert fresh(queued).status == PostStatus.PUBLISHED  # someone else's answer
    assert points(other_member) == 100
    assert entry.detail["hidden"] == 4
    assert sorted(entry.detail["posts"]) == sorted(
        [own_question.pk, answer.pk, comment.pk, waiting.pk]
    )
    assert AuditEntry.objects.count() == 1
    assert_counters_consistent()
    assert_points_consistent()
    with pytest.raises(ServiceError, match="no visible posts"):
        HideAll(actor=admin, member=other_member, reason="again").execute()
