"""Following and unfollowing. A follow changes only what its member is shown, so a repeated
click is harmless: following twice leaves one row, unfollowing what is not followed does
nothing."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from mindwell.core import ratelimit
from mindwell.core.errors import PermissionDenied, RateLimited, ServiceError
from mindwell.follows import permissions
from mindwell.follows.models import TARGET_FIELDS, Follow, FollowTarget
from mindwell.qa.models import Post, PostKind
from mindwell.taxonomy.models import Category, Tag


def target_type_of(target: Any) -> FollowTarget:
    from django.contrib.auth import get_user_model

    if isinstance(target, Post):
        return FollowTarget.QUESTION
    if isinstance(target, get_user_model()):
        return FollowTarget.USER
    if isinstance(target, Tag):
        return FollowTarget.TAG
    if isinstance(target, Category):
        return FollowTarget.CATEGORY
    raise TypeError(f"cannot follow {target!r}")


def target_filter(target: Any) -> dict[str, Any]:
    """The Follow fields that name `target`."""
    return {TARGET_FIELDS[target_type_of(target)]: target}


def _check(user: Any, target: Any) -> FollowTarget:
    if not permissions.can_follow(user):
        raise PermissionDenied(
            gettext("Please log in or register to follow questions and members.")
        )
    if not ratelimit.hit(
        f"follow:{user.pk}", limit=permissions.FOLLOW_CHANGES_PER_MINUTE, window_seconds=60
    ):
        raise RateLimited(gettext("That was a lot of following at once; please wait a minute."))
    kind = target_type_of(target)
    if kind == FollowTarget.QUESTION:
        visible = Post.objects.questions().visible_to(user).filter(pk=target.pk)
        if target.kind != PostKind.QUESTION or not visible.exists():
            raise ServiceError(
                gettext("That question is no longer available, so it cannot be followed.")
            )
    if kind == FollowTarget.USER:
        if target.pk == user.pk:
            raise ServiceError(gettext("You cannot follow yourself."))
        if not target.is_active:
            raise ServiceError(gettext("That member’s account is closed."))
    return kind


def follow_add(*, user: Any, target: Any) -> Follow:
    """Follow a question, member, tag or category; returns the (possibly existing) row."""
    kind = _check(user, target)
    fields = target_filter(target)
    with transaction.atomic():
        existing = Follow.objects.filter(user=user, **fields).first()
        if existing is not None:
            return existing
        if Follow.objects.filter(user=user).count() >= permissions.MAX_FOLLOWS:
            raise ServiceError(
                gettext(
                    "You follow %(MAX_FOLLOWS)s things already, the most there can be; "
                    "unfollow some first (your profile lists them)."
                )
                % {"MAX_FOLLOWS": f"{permissions.MAX_FOLLOWS:,}"}
            )
        follow = Follow(user=user, target_type=kind, **fields)
        follow.full_clean()
        try:
            with transaction.atomic():
                follow.save()
        except IntegrityError:  # a double click raced this one: the row is there
            return Follow.objects.get(user=user, **fields)
    return follow


def follow_remove(*, user: Any, target: Any) -> bool:
    """Stop following; True if there was something to remove."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied(gettext("Please log in to change what you follow."))
    if not ratelimit.hit(
        f"follow:{user.pk}", limit=permissions.FOLLOW_CHANGES_PER_MINUTE, window_seconds=60
    ):
        raise RateLimited(gettext("That was a lot of following at once; please wait a minute."))
    with transaction.atomic():
        deleted, _ = Follow.objects.filter(user=user, **target_filter(target)).delete()
    return deleted > 0
