"""The vote write path: validate, lock the post, write the vote, move the score and points."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext

from mindwell.badges.tasks import enqueue_badge_check
from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.limits import check_write_limit
from mindwell.moderation.models import WriteAction
from mindwell.qa import permissions
from mindwell.qa.hot import hot_refresh
from mindwell.qa.models import Post, PostKind, PostStatus
from mindwell.reputation.daily_cap import daily_cap_settle
from mindwell.reputation.models import EventKind
from mindwell.reputation.rules import current_rules
from mindwell.reputation.services import points_add
from mindwell.votes.models import Vote


def vote_cast(*, user: Any, post: Post, value: int) -> Post:
    """Set `user`'s vote on `post` to +1, -1 or 0 (retract). Voting the same way twice
    changes nothing. Returns the post with its new score."""
    if value not in (1, -1, 0):
        raise ServiceError(gettext("A vote is up, down or withdrawn."))
    if user is None or not user.is_authenticated:
        raise PermissionDenied(gettext("Please log in or register to vote."))
    # The permission policy (points, levels, restrictions) before the write limit, so a
    # refused vote does not use up the hour's allowance. Withdrawing a vote is always allowed.
    refusal = permissions.vote_refusal(user, post, value)
    if refusal:
        raise PermissionDenied(refusal)
    check_write_limit(action=WriteAction.VOTE, user=user)
    with transaction.atomic():
        # The row lock makes concurrent votes on one post queue up, so none is lost.
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.status == PostStatus.DELETED:
            raise ServiceError(
                gettext("This post has been deleted, so it can no longer be voted on.")
            )
        if not post.thread_is_published():
            raise ServiceError(gettext("This post is hidden, so it cannot be voted on."))
        if post.kind not in (PostKind.QUESTION, PostKind.ANSWER):
            raise ServiceError(gettext("Only questions and answers can be voted on."))
        if permissions.is_writer(user, post):  # anonymous posts count as theirs too
            raise PermissionDenied(gettext("You cannot vote on your own post."))

        existing = Vote.objects.filter(user=user, post=post).first()
        old = existing.value if existing else 0
        if value == -1 and old != -1 and not permissions.downvotes_allowed(post):
            raise PermissionDenied(permissions.DOWNVOTES_OFF)
        if old == value:
            return post

        # Both members' rows are locked now, in id order, before their points move: a vote
        # by A on X's post and one by X on A's post, at the same moment, would otherwise
        # each hold one row and wait for the other (a deadlock PostgreSQL ends by failing
        # one of them).
        list(
            get_user_model()
            .objects.select_for_update()
            .filter(pk__in=[user.pk, post.author_id])
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        rules = current_rules()
        received_before = rules.votes_received(
            kind=post.kind, upvotes=post.upvotes, downvotes=post.downvotes
        )
        post.upvotes += (value == 1) - (old == 1)
        post.downvotes += (value == -1) - (old == -1)
        post.score = post.upvotes - post.downvotes
        post.save(update_fields=["upvotes", "downvotes", "score"])
        if post.kind == PostKind.QUESTION:
            hot_refresh(question_ids=[post.pk])

        if value == 0:
            existing.delete()  # type: ignore[union-attr]
        elif existing is None:
            Vote.objects.create(user=user, post=post, value=value)
        else:
            existing.value = value
            existing.save(update_fields=["value", "updated_at"])

        points_add(
            user_id=user.pk,
            kind=EventKind.VOTE_CAST,
            points=rules.vote_cast(kind=post.kind, value=value)
            - rules.vote_cast(kind=post.kind, value=old),
            post_id=post.pk,
        )
        received_after = rules.votes_received(
            kind=post.kind, upvotes=post.upvotes, downvotes=post.downvotes
        )
        points_add(
            user_id=post.author_id,
            kind=EventKind.QUESTION_VOTED
            if post.kind == PostKind.QUESTION
            else EventKind.ANSWER_VOTED,
            points=received_after - received_before,
            post_id=post.pk,
        )
        if 1 in (value, old):  # an upvote came or went: the author's daily limit may move
            daily_cap_settle(user_id=post.author_id)
        enqueue_badge_check(user.pk, post.author_id)  # in the background, after the commit
    return post
