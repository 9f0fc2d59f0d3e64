"""Flagging: who may flag, the reasons' extra fields, hiding at the threshold, and the
person-at-risk flag opening a safety case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.models import AuditAction, AuditEntry, Flag, FlagStatus
from mindwell.moderation.services.flags import flag_create
from mindwell.qa.models import PostStatus
from mindwell.safety.models import CaseSource, SafetyCase
from mindwell.siteconfig.models import SiteSettings
from tests.factories import make_answer, make_user
from tests.moderation.moderation_helpers import (
    assert_counters_consistent,
    assert_points_consistent,
    fresh,
)

pytestmark = pytest.mark.django_db


def set_threshold(value: int) -> None:
    site = SiteSettings.current()
    site.flags_to_hide = value
    site.save()


def test_member_flags_a_post(question, other_member):
    flag = flag_create(user=other_member, post=question, reason="spam")
    assert flag.status == FlagStatus.OPEN
    assert fresh(question).flag_count == 1
    assert fresh(question).status == PostStatus.PUBLISHED


def test_flagging_twice_is_refused_clearly(question, other_member):
    flag_create(user=other_member, post=question, reason="spam")
    with pytest.raises(ServiceError, match="already flagged this post"):
        flag_create(user=other_member, post=question, reason="rude")
    assert Flag.objects.count() == 1
    assert fresh(question).flag_count == 1


def test_own_post_cannot_be_flagged(question, member):
    with pytest.raises(PermissionDenied, match="cannot flag your own post"):
        flag_create(user=member, post=question, reason="spam")


def test_deleted_post_cannot_be_flagged(question, other_member):
    question.status = PostStatus.DELETED
    question.save()
    with pytest.raises(PermissionDenied, match="deleted"):
        flag_create(user=other_member, post=question, reason="spam")


@pytest.mark.parametrize("field", ["silenced_until", "suspended_until"])
def test_restricted_member_cannot_flag(question, field):
    restricted = make_user(**{field: timezone.now() + timedelta(days=1)})
    with pytest.raises(PermissionDenied, match="restricted"):
        flag_create(user=restricted, post=question, reason="spam")
    assert not Flag.objects.exists()


def test_other_needs_a_note_and_harmful_needs_a_kind(question, other_member):
    with pytest.raises(ServiceError) as error:
        flag_create(user=other_member, post=question, reason="other", note="   ")
    assert error.value.field == "note"
    with pytest.raises(ServiceError) as error:
        flag_create(user=other_member, post=question, reason="harmful")
    assert error.value.field == "harmful_kind"
    with pytest.raises(ServiceError) as error:
        flag_create(user=other_member, post=question, reason="sideways")
    assert error.value.field == "reason"
    assert not Flag.objects.exists()
    flag = flag_create(
        user=other_member, post=question, reason="harmful", harmful_kind="medication"
    )
    assert flag.harmful_kind == "medication"


def test_harmful_kind_is_dropped_for_other_reasons(question, other_member):
    flag = flag_create(user=other_member, post=question, reason="spam", harmful_kind="method")
    assert flag.harmful_kind == ""


def test_threshold_hides_the_post_and_logs_it_once(question):
    set_threshold(2)
    answer = make_answer(question)
    flag_create(user=make_user(), post=answer, reason="rude")
    assert fresh(answer).status == PostStatus.PUBLISHED
    assert fresh(question).answer_count == 1
    flag_create(user=make_user(), post=answer, reason="rude")
    answer = fresh(answer)
    assert answer.status == PostStatus.HIDDEN
    assert answer.flag_count == 2
    # Hidden through post_set_status: the counter and points follow.
    assert fresh(question).answer_count == 0
    entry = AuditEntry.objects.get(action=AuditAction.AUTO_HIDE)
    assert entry.actor is None and entry.post_id == answer.pk
    assert entry.target_user_id == answer.author_id
    # A third flag on the hidden post writes no second auto-hide row.
    flag_create(user=make_user(), post=answer, reason="spam")
    assert AuditEntry.objects.filter(action=AuditAction.AUTO_HIDE).count() == 1
    assert_counters_consistent()
    assert_points_consistent()


def test_person_at_risk_flag_opens_a_crisis_safety_case(question, other_member):
    flag_create(user=other_member, post=question, reason="at-risk", note="They said goodbye")
    case = SafetyCase.objects.get(post=question)
    assert case.level == "crisis"
    assert case.source == CaseSource.FLAG
    assert case.reasons == [{"rule": "flag", "phrase": "They said goodbye", "level": "crisis"}]
    # A second at-risk flag adds to the same case.
    flag_create(user=make_user(), post=question, reason="at-risk")
    case = SafetyCase.objects.get(post=question)
    assert len(case.reasons) == 2
    assert case.reasons[1]["phrase"] == "person at risk"


def test_other_reasons_open_no_safety_case(question, other_member):
    flag_create(user=other_member, post=question, reason="off-topic")
    assert not SafetyCase.objects.exists()
