"""Who may do what with posts. Views and templates ask here; they never decide themselves.

Levels and points thresholds grow in the accounts/reputation work; for now a moderator is a
staff member, and members may edit their own posts.
"""

from __future__ import annotations

from typing import Any

from mindwell.qa.models import Post, PostStatus
from mindwell.siteconfig.models import SiteSettings


def is_moderator(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and (user.is_staff or user.is_superuser))


def is_restricted(user: Any) -> bool:
    """A suspended, silenced or blocked member can read but not write."""
    return bool(
        user is not None
        and user.is_authenticated
        and (user.is_blocked or user.is_suspended() or user.is_silenced())
    )


def can_post(user: Any, kind: str, *, site: SiteSettings | None = None) -> bool:
    if user is not None and user.is_authenticated:
        return bool(user.is_active) and not is_restricted(user)
    return (site or SiteSettings.current()).allows_anonymous(kind)


def can_edit(user: Any, post: Post) -> bool:
    if post.status == PostStatus.DELETED or user is None or not user.is_authenticated:
        return False
    if is_restricted(user):
        return False
    return post.author_id == user.pk or is_moderator(user)


def can_vote(user: Any, post: Post) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and not is_restricted(user)
        and post.kind in ("Q", "A")
        and post.status == PostStatus.PUBLISHED
        and post.author_id != user.pk
    )


DOWNVOTES_OFF = (
    "Downvotes are off for questions in this category, because people ask here for support. "
    "You can upvote the question, or help with an answer."
)


def downvotes_allowed(post: Post) -> bool:
    """Support categories turn off downvotes on questions (the question's own category
    decides; answers can always be voted down). Reads post.category, so load it with the
    post where this is asked for many posts."""
    if post.kind != "Q" or post.category_id is None:
        return True
    return bool(post.category.question_downvotes)  # type: ignore[union-attr]


def can_downvote(user: Any, post: Post) -> bool:
    return can_vote(user, post) and downvotes_allowed(post)


def can_select_best(user: Any, question: Post) -> bool:
    if user is None or not user.is_authenticated or question.status != PostStatus.PUBLISHED:
        return False
    return question.author_id == user.pk or is_moderator(user)


def can_view_history(user: Any, post: Post) -> bool:
    return post.status == PostStatus.PUBLISHED or is_moderator(user)
