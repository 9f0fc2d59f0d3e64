"""Following and unfollowing questions, members, tags and categories."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.follows import permissions
from mindwell.follows.models import Follow, FollowTarget
from mindwell.follows.selectors import followed_by, is_following
from mindwell.follows.services import follow_add, follow_remove
from mindwell.qa.models import Post
from mindwell.taxonomy.models import Tag
from tests.factories import category, make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def test_follow_each_kind_of_thing(member, other_member, question):
    tag = Tag.objects.get(name="anxiety")
    things = [question, other_member, tag, category("anxiety")]
    for thing in things:
        follow = follow_add(user=member, target=thing)
        assert follow.target == thing
        assert is_following(member, thing)
    kinds = list(Follow.objects.filter(user=member).values_list("target_type", flat=True))
    assert sorted(kinds) == sorted(FollowTarget.values)
    followed = followed_by(member)
    assert followed.questions == [question] and followed.users == [other_member]
    assert followed.tags == [tag] and followed.categories == [category("anxiety")]
    assert not is_following(other_member, question)


def test_following_twice_keeps_one_row_and_unfollowing_is_harmless(member, question):
    first = follow_add(user=member, target=question)
    assert follow_add(user=member, target=question).pk == first.pk
    assert Follow.objects.filter(user=member).count() == 1
    assert follow_remove(user=member, target=question) is True
    assert follow_remove(user=member, target=question) is False
    assert not is_following(member, question)


def test_the_database_keeps_follows_clean(member, other_member, question):
    follow_add(user=member, target=question)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=member, target_type="question", question=question)
    with pytest.raises(IntegrityError), transaction.atomic():  # two targets at once
        Follow.objects.create(
            user=member, target_type="user", followed_user=other_member, question=question
        )
    with pytest.raises(IntegrityError), transaction.atomic():  # type disagrees with target
        Follow.objects.create(user=member, target_type="tag", followed_user=other_member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=member, target_type="user", followed_user=member)
    with pytest.raises(ValidationError):
        Follow(user=member, target_type="category").full_clean()


def test_nobody_follows_themselves_or_what_they_cannot_see(member, other_member):
    with pytest.raises(ServiceError, match="cannot follow yourself"):
        follow_add(user=member, target=member)
    hidden = make_question()
    Post.objects.filter(pk=hidden.pk).update(status="hidden")
    hidden.refresh_from_db()
    with pytest.raises(ServiceError, match="no longer available"):
        follow_add(user=member, target=hidden)
    answer = make_answer(make_question())
    with pytest.raises(ServiceError, match="no longer available"):
        follow_add(user=member, target=answer)
    other_member.is_active = False
    other_member.save()
    with pytest.raises(ServiceError, match="closed"):
        follow_add(user=member, target=other_member)


def test_visitors_and_blocked_members_cannot_follow(question):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        follow_add(user=AnonymousUser(), target=question)
    blocked = make_user(blocked_at=timezone.now())
    with pytest.raises(PermissionDenied):
        follow_add(user=blocked, target=question)
    silenced = make_user(silenced_until=timezone.now() + timezone.timedelta(days=1))
    assert follow_add(user=silenced, target=question)  # reading is still allowed


def test_following_is_limited(member, monkeypatch):
    monkeypatch.setattr(permissions, "MAX_FOLLOWS", 2)
    follow_add(user=member, target=make_question())
    follow_add(user=member, target=make_question())
    with pytest.raises(ServiceError, match="2 things already"):
        follow_add(user=member, target=make_question())
    monkeypatch.setattr(permissions, "FOLLOW_CHANGES_PER_MINUTE", 3)
    with pytest.raises(RateLimited):
        for _ in range(4):
            follow_remove(user=member, target=category("anxiety"))


def test_follows_go_with_what_they_follow(member, other_member, question):
    follow_add(user=member, target=question)
    follow_add(user=member, target=other_member)
    other_member.delete()
    question.delete()
    assert not Follow.objects.filter(user=member).exists()
